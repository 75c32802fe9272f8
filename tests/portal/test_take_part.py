"""The action page tells a family how to take part and how to reach the structure, never a person."""

import datetime
import re

import pytest
from django.utils import timezone

from strategy.models import Action
from tests.portal.conftest import SECRET_EMAIL, SECRET_PHONE


def page(client, action):
    response = client.get(f"/strategies/pedt-ivry/actions/{action.slug}/")
    assert response.status_code == 200
    return response.content.decode()


def section(html, css_class):
    """The section of that class, or None when the page has none."""
    match = re.search(rf'<section class="{css_class}".*?</section>', html, re.S)
    return match.group(0) if match else None


@pytest.fixture
def theatre(portal):
    action = portal["theatre"]
    action.who_may_come = "Les enfants de 6 à 11 ans des écoles d'Ivry Port, avec leur classe."
    action.cost = "Gratuit pour les familles."
    action.how_to_join = "Rien à faire : l'école inscrit sa classe auprès du service enfance."
    action.save()
    pilot = portal["pilot"]
    pilot.address = "Hôtel de ville\nEsplanade Georges-Marrane\n94200 Ivry-sur-Seine"
    pilot.public_email = "enfance@ivry.example.org"
    pilot.public_phone = "01 49 60 25 06"
    pilot.website = "https://www.ivry94.example.org/enfance"
    pilot.save()
    return action


def test_a_family_reads_who_may_come_what_it_costs_and_how_to_sign_up(client, theatre):
    block = section(page(client, theatre), "take-part")
    assert block is not None
    assert '<h2 id="participer">Participer</h2>' in block
    assert "Qui peut venir ?" in block and "Les enfants de 6 à 11 ans des écoles d&#x27;Ivry Port" in block
    assert "Combien ça coûte ?" in block and "Gratuit pour les familles." in block
    assert "Comment s'inscrire ?" in block and "l&#x27;école inscrit sa classe" in block


def test_the_block_comes_right_after_the_plain_language_summary(client, theatre):
    html = page(client, theatre)
    assert html.index('id="en-clair"') < html.index('id="participer"') < html.index('class="facts"')


def test_nothing_filled_means_no_participer_block(client, portal):
    html = page(client, portal["theatre"])
    assert section(html, "take-part") is None
    assert 'id="participer"' not in html


def test_each_line_shows_only_when_filled(client, portal):
    action = portal["theatre"]
    action.cost = "2 € la séance, gratuit avec le quotient familial A."
    action.save()
    block = section(page(client, action), "take-part")
    assert "Combien ça coûte ?" in block and "2 € la séance" in block
    assert "Qui peut venir ?" not in block
    assert "Comment s'inscrire ?" not in block


def test_the_structure_s_public_contact_is_a_phone_link_a_mail_link_and_its_address(client, theatre):
    block = section(page(client, theatre), "structure-contact")
    assert '<h2 id="contacter">Contacter la structure</h2>' in block
    assert '<p class="structure-contact__name">Service enfance</p>' in block
    assert '<a href="tel:0149602506">01 49 60 25 06</a>' in block
    assert '<a href="mailto:enfance@ivry.example.org">enfance@ivry.example.org</a>' in block
    assert "Hôtel de ville<br>Esplanade Georges-Marrane<br>94200 Ivry-sur-Seine" in block
    assert '<a href="https://www.ivry94.example.org/enfance">' in block


def test_a_structure_without_public_contact_shows_no_contact_block(client, portal):
    assert section(page(client, portal["theatre"]), "structure-contact") is None


def test_the_organisation_s_phone_is_shown_never_a_contact_s(client, portal):
    # The 1.1 action's referent did not agree to be shown; the structure's phone is public.
    action = portal["hidden_contact_action"]
    pilot = portal["pilot"]
    pilot.public_phone = "01 49 60 25 06"
    pilot.save()
    html = page(client, action)
    assert '<a href="tel:0149602506">01 49 60 25 06</a>' in html
    assert SECRET_PHONE not in html and SECRET_EMAIL not in html
    assert "Bruno" not in html and "Secret" not in html


def test_a_consenting_referent_shows_name_and_role_never_their_phone_or_email(client, theatre):
    contact = theatre.pilot_contact
    contact.phone, contact.email = "07 11 22 33 44", "alice.martin@example.org"
    contact.save()
    html = page(client, theatre)
    assert "Référent·e : Alice Martin, Coordinatrice" in html
    assert "07 11 22 33 44" not in html and "alice.martin@example.org" not in html


def test_the_page_says_when_the_action_was_last_updated_in_words(client, portal):
    moment = timezone.make_aware(datetime.datetime(2025, 3, 14, 16, 30))
    Action.objects.filter(pk=portal["theatre"].pk).update(updated_at=moment)
    assert '<p class="action__updated muted">Mis à jour le 14 mars 2025</p>' in page(
        client, portal["theatre"]
    )


def test_the_first_of_the_month_reads_1er(client, portal):
    moment = timezone.make_aware(datetime.datetime(2025, 9, 1, 9))
    Action.objects.filter(pk=portal["theatre"].pk).update(updated_at=moment)
    assert "Mis à jour le 1er septembre 2025" in page(client, portal["theatre"])


def test_the_timeline_is_still_on_the_page(client, theatre):
    assert section(page(client, theatre), "action-timeline") is not None
