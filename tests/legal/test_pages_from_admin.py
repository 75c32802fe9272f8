"""The legal pages show what coordination typed in the admin's forms, as the browser sends them."""

import re
from html import unescape

import pytest

from legal.models import AccessibilityStatement, ProcessingRecord
from tests.strategy.admin.html_forms import change_form_data

NOTICE = {
    "publisher_name": "Ville de Sainte-Exemple",
    "publisher_address": "2 place de la Mairie\n99500 Sainte-Exemple",
    "publisher_siret": "219 900 001 00013",
    "publisher_phone": "01 99 00 11 22",
    "publisher_email": "mairie@sainte-exemple.example.org",
    "publication_director": "M. Jean Modèle, maire",
    "host_name": "Nuage Municipal SCIC",
    "host_address": "5 quai des Serveurs\n99600 Octet-sur-Loire",
    "host_phone": "01 99 00 33 44",
    "dpo_name": "Sandrine Garde",
    "dpo_organisation": "Centre de gestion de l'Exemple",
    "dpo_email": "dpo@cdg-exemple.example.org",
    "dpo_postal_address": "CDG, 8 rue des Registres\n99700 Archives",
    "cookies_text": "Nous ne suivons personne : seuls trois cookies techniques sont déposés.",
}

STATEMENT = {
    "audit_date": "12/03/2026",
    "compliance_rate": "87,5",
    "audited_by": "Access'Audit SARL",
    "pages_sample": "Accueil\nListe des actions\nFiche d'une action",
    "assistive_technologies": "NVDA 2024.4 et Firefox 128\nVoiceOver et Safari 17",
    "tools_used": "Colour Contrast Analyser\nWeb Developer",
    "non_conformities": "Critère 1.3 : deux graphiques sans alternative détaillée.",
    "derogations": "Les plans de quartier anciens, numérisés en 1998.",
    "out_of_scope": "Les vidéos des ateliers de 2021.",
    "back_office_in_scope": "on",
    "back_office_text": "Trois écrans de saisie ont été audités.",
    "multi_year_plan": "Schéma 2026-2028 adopté en conseil municipal.",
    "multi_year_plan_url": "https://sainte-exemple.example.org/schema-accessibilite",
    "action_plan": "Reprendre les graphiques en 2026.",
    "contact_email": "accessibilite@sainte-exemple.example.org",
    "contact_form_url": "https://sainte-exemple.example.org/contact",
    "contact_postal_address": "Mission accessibilité, 2 place de la Mairie",
    "statement_date": "20/03/2026",
}


def fill(client, url, values):
    data = change_form_data(client.get(url))
    for name, value in values.items():
        assert name in data or value == "on", f"{name} missing from the rendered form"
        data[name] = [value]
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]


def text_of(html):
    """The main content's visible text, unescaped, one space between words."""
    main = html.split("<main", 1)[1].split("</main>", 1)[0]
    return unescape(re.sub(r"[ \t\r\n]+", " ", re.sub(r"<[^>]+>", " ", main)))


def test_the_legal_notice_page_shows_every_field_typed_in_the_admin(coordination_client, client):
    fill(coordination_client, "/admin/legal/legalnotice/1/change/", NOTICE)
    client.logout()

    page = text_of(client.get("/mentions-legales/").content.decode())
    for name, value in NOTICE.items():
        if name in ("cookies_text", "publisher_siret"):
            continue
        for line in value.splitlines():
            assert line in page, name
    assert "219\u00a0900\u00a0001\u00a000013" in page
    assert "à compléter par la collectivité" not in page


def test_the_personal_data_page_shows_the_dpo_the_cookies_text_and_the_records(coordination_client, client):
    fill(coordination_client, "/admin/legal/legalnotice/1/change/", NOTICE)
    client.logout()

    page = text_of(client.get("/donnees-personnelles/").content.decode())
    assert "dpo@cdg-exemple.example.org" in page
    assert "CDG, 8 rue des Registres" in page
    assert "Nous ne suivons personne" in page
    for record in ProcessingRecord.objects.all():
        assert record.name in page
    assert "Comptes des agents et des partenaires" in page
    assert "Mission d'intérêt public" in page


def test_the_statement_shows_every_field_typed_in_the_admin(coordination_client, client):
    fill(coordination_client, "/admin/legal/accessibilitystatement/1/change/", STATEMENT)
    client.logout()

    page = text_of(client.get("/accessibilite/").content.decode())
    assert "Citédu est partiellement conforme avec le référentiel général" in page
    assert "L'audit de conformité réalisé par Access'Audit SARL le 12 mars 2026" in page
    assert "87,5\u00a0% des critères du RGAA version 4.1 sont respectés" in page
    assert "Cette déclaration a été établie le 20 mars 2026" in page
    assert "est inclus dans le périmètre de l'audit" in page
    for name in (
        "pages_sample",
        "assistive_technologies",
        "tools_used",
        "non_conformities",
        "derogations",
        "out_of_scope",
        "back_office_text",
        "multi_year_plan",
        "action_plan",
        "contact_email",
        "contact_postal_address",
    ):
        for line in STATEMENT[name].splitlines():
            assert line in page, name
    html = client.get("/accessibilite/").content.decode()
    assert 'href="https://sainte-exemple.example.org/contact"' in html
    assert 'href="https://sainte-exemple.example.org/schema-accessibilite"' in html
    assert "Accessibilité : partiellement conforme" in html  # the footer of every page


def test_a_rate_typed_the_english_way_is_refused_and_changes_nothing(coordination_client):
    url = "/admin/legal/accessibilitystatement/1/change/"
    data = change_form_data(coordination_client.get(url))
    data["compliance_rate"] = ["1.234"]
    data["audit_date"] = ["12/03/2026"]

    response = coordination_client.post(url, data)

    assert response.status_code == 200
    assert "est ambigu" in response.content.decode()
    assert AccessibilityStatement.load().audit_date is None


def test_a_rate_above_100_is_refused_in_french(coordination_client):
    url = "/admin/legal/accessibilitystatement/1/change/"
    data = change_form_data(coordination_client.get(url))
    data["compliance_rate"] = ["120"]

    response = coordination_client.post(url, data)

    assert "inférieure ou égale à 100" in response.content.decode()
    assert AccessibilityStatement.load().compliance_rate is None


@pytest.mark.parametrize("url", ["/admin/legal/legalnotice/", "/admin/legal/accessibilitystatement/"])
def test_the_list_of_a_site_wide_record_opens_its_one_row(coordination_client, url):
    response = coordination_client.get(url)

    assert response.status_code == 302
    assert response["Location"] == f"{url}1/change/"


def test_a_site_wide_record_has_no_add_nor_delete(coordination_client):
    assert coordination_client.get("/admin/legal/legalnotice/add/").status_code == 403
    coordination_client.get("/admin/legal/legalnotice/1/change/")
    assert coordination_client.get("/admin/legal/legalnotice/1/delete/").status_code == 403
