"""Coordination's admin home lists the legal pages' required fields still empty, with links to fill them."""

import re

import pytest

from actors import roles
from legal.models import AccessibilityStatement, LegalNotice
from tests.strategy.factories import UserFactory

BOX = 'id="citedu-legal-missing"'

COMPLETE_NOTICE = {
    "publisher_name": "Ville exemple",
    "publisher_address": "1 place de la Mairie",
    "publisher_email": "mairie@ville.example.org",
    "publication_director": "Mme Claire Exemple, maire",
    "host_name": "Hôte SAS",
    "host_address": "10 rue des Serveurs",
    "host_phone": "01 99 00 56 78",
    "dpo_postal_address": "DPO, 1 place de la Mairie",
}
COMPLETE_STATEMENT = {
    "audit_date": "2026-03-12",
    "compliance_rate": 40,
    "audited_by": "Audit SA",
    "pages_sample": "Accueil",
    "assistive_technologies": "NVDA et Firefox",
    "contact_form_url": "https://ville.example.org/contact",
    "statement_date": "2026-03-20",
}


def box_links(html):
    box = html.split(BOX, 1)[1].split("</div>", 1)[0]
    return dict((label.strip(), href) for href, label in re.findall(r'<a href="([^"]+)">([^<]+)</a>', box))


def test_coordination_sees_every_required_field_missing_with_a_link_to_it(coordination_client):
    html = coordination_client.get("/admin/").content.decode()

    links = box_links(html)
    assert (
        links["Mentions légales : Nom de l&#x27;éditeur"]
        == "/admin/legal/legalnotice/1/change/#id_publisher_name"
    )
    assert (
        links["Mentions légales : Téléphone de l&#x27;hébergeur"]
        == "/admin/legal/legalnotice/1/change/#id_host_phone"
    )
    assert (
        links["Mentions légales : Courriel ou adresse postale du délégué à la protection des données"]
        == "/admin/legal/legalnotice/1/change/#id_dpo_email"
    )
    assert (
        links["Déclaration d&#x27;accessibilité : Date de l&#x27;audit"]
        == "/admin/legal/accessibilitystatement/1/change/#id_audit_date"
    )
    assert len(links) == len(LegalNotice.REQUIRED_FIELDS) + len(AccessibilityStatement.REQUIRED_FIELDS)


def test_a_link_of_the_box_opens_the_form_with_that_field(coordination_client):
    url = box_links(coordination_client.get("/admin/").content.decode())[
        "Mentions légales : Nom de l&#x27;éditeur"
    ]

    page = coordination_client.get(url.split("#")[0])

    assert page.status_code == 200
    assert 'id="id_publisher_name"' in page.content.decode()


def test_a_filled_field_leaves_the_box(coordination_client):
    LegalNotice.objects.create(publisher_name="Ville exemple")

    links = box_links(coordination_client.get("/admin/").content.decode())

    assert not any("Nom de l&#x27;éditeur" in label for label in links)
    assert any("Adresse de l&#x27;éditeur" in label for label in links)


def test_nothing_is_shown_when_the_legal_pages_are_complete(coordination_client):
    LegalNotice.objects.create(**COMPLETE_NOTICE)
    AccessibilityStatement.objects.create(**COMPLETE_STATEMENT)

    html = coordination_client.get("/admin/").content.decode()

    assert html.count("Stratégies éducatives") >= 1  # the admin home itself
    assert BOX not in html


@pytest.mark.parametrize("role", [roles.PILOTE, roles.COPIL])
def test_other_roles_see_no_box_and_may_not_open_the_legal_pages_admin(client, db, role):
    client.force_login(UserFactory(username=role, role=role))

    html = client.get("/admin/").content.decode()

    assert "Stratégies éducatives" in html
    assert BOX not in html
    assert "/admin/legal/" not in html
    assert client.get("/admin/legal/legalnotice/1/change/").status_code == 403
    assert client.get("/admin/legal/processingrecord/").status_code == 403


def test_coordination_edits_the_processing_records(coordination_client):
    assert coordination_client.get("/admin/legal/processingrecord/").status_code == 200
    assert coordination_client.get("/admin/legal/processingrecord/add/").status_code == 200
