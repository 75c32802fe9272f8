"""The admin fills how families take part (an action's) and the structure's public contact (an
organisation's), through the forms as rendered, with the same rights as the other fields."""

import re

import pytest

from actors.models import Organisation
from strategy.models import Action
from tests.strategy.admin.conftest import admin_url
from tests.strategy.admin.html_forms import change_form_data


def fieldset(html, legend):
    """The admin fieldset whose heading is ``legend`` (Django 5 renders it as an <h2>)."""
    match = re.search(rf"<fieldset[^>]*>\s*<h2[^>]*>{re.escape(legend)}</h2>.*?</fieldset>", html, re.S)
    assert match, f"no fieldset « {legend} »"
    return match.group(0)


@pytest.fixture
def pilot_client(client, world):
    client.force_login(world["pilot"])
    return client


def test_the_action_form_groups_the_take_part_fields_for_families(client, coordination_user, world):
    client.force_login(coordination_user)
    html = client.get(admin_url(Action, "change", world["own_action"].pk)).content.decode()
    block = fieldset(html, "Participer : pour les familles")
    for name in ("who_may_come", "cost", "how_to_join"):
        assert f'name="{name}"' in block


def test_a_pilot_fills_how_to_take_part_in_their_own_action(pilot_client, world):
    own = world["own_action"]
    url = admin_url(Action, "change", own.pk)
    data = change_form_data(pilot_client.get(url))
    data.update(
        who_may_come=["Les collégiens de 11 à 15 ans du quartier."],
        cost=["Gratuit."],
        how_to_join=["Inscription à l'accueil de la Maison de quartier, le mercredi après-midi."],
    )
    response = pilot_client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    own.refresh_from_db()
    assert own.who_may_come == "Les collégiens de 11 à 15 ans du quartier."
    assert own.cost == "Gratuit."
    assert own.how_to_join.startswith("Inscription à l'accueil")


def test_a_pilot_cannot_fill_another_organisation_s_action(pilot_client, world):
    other = world["other_action"]
    response = pilot_client.post(admin_url(Action, "change", other.pk), {"cost": "Payant."})
    assert response.status_code in (403, 404)
    other.refresh_from_db()
    assert other.cost == ""


def test_a_cost_too_long_is_refused_in_french_and_changes_nothing(client, coordination_user, world):
    client.force_login(coordination_user)
    own = world["own_action"]
    url = admin_url(Action, "change", own.pk)
    data = change_form_data(client.get(url))
    data["cost"] = ["x" * 251]
    response = client.post(url, data)
    assert response.status_code == 200
    assert "Assurez-vous que cette valeur comporte au plus 250 caractères" in response.content.decode()
    own.refresh_from_db()
    assert own.cost == ""


def test_the_organisation_form_has_the_structure_s_public_contact(client, coordination_user, world):
    client.force_login(coordination_user)
    organisation = world["own_action"].pilot
    url = admin_url(Organisation, "change", organisation.pk)
    html = client.get(url).content.decode()
    block = fieldset(html, "Contact public de la structure")
    for name in ("address", "public_email", "public_phone", "website"):
        assert f'name="{name}"' in block
    data = change_form_data(client.get(url))
    data.update(
        address=["12 rue de la Paix\n94200 Ivry-sur-Seine"],
        public_email=["accueil@structure.example.org"],
        public_phone=["01 23 45 67 89"],
    )
    response = client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    organisation.refresh_from_db()
    assert organisation.public_phone == "01 23 45 67 89"
    assert organisation.address == "12 rue de la Paix\n94200 Ivry-sur-Seine"


def test_a_bad_public_email_is_refused_in_french(client, coordination_user, world):
    client.force_login(coordination_user)
    organisation = world["own_action"].pilot
    url = admin_url(Organisation, "change", organisation.pk)
    data = change_form_data(client.get(url))
    data["public_email"] = ["accueil-at-structure"]
    response = client.post(url, data)
    assert response.status_code == 200
    assert "Saisissez une adresse e-mail valide." in response.content.decode()
    organisation.refresh_from_db()
    assert organisation.public_email == ""
