"""Organisations are picked by autocomplete in the admin: a change form never lists them all."""

import json

import pytest

from actors import roles
from actors.models import Organisation
from strategy.enums import PartnerRole
from strategy.models import Action, ActionPartner
from tests.actors.factories import OrganisationFactory
from tests.strategy.admin.conftest import admin_url, count_queries
from tests.strategy.admin.html_forms import submitted_data
from tests.strategy.factories import BudgetLineFactory, UserFactory

pytestmark = pytest.mark.django_db


def many_organisations(count):
    Organisation.objects.bulk_create(
        [Organisation(name=f"Association numéro {n:04d}", slug=f"association-{n:04d}") for n in range(count)]
    )


def suggested(client, model_name, field_name, term=""):
    response = client.get(
        "/admin/autocomplete/",
        {"app_label": "strategy", "model_name": model_name, "field_name": field_name, "term": term},
    )
    return response


@pytest.fixture
def partnered_action(world):
    action = world["own_action"]
    partner = OrganisationFactory(name="Conservatoire municipal")
    ActionPartner.objects.create(action=action, organisation=partner, role=PartnerRole.PARTNER)
    BudgetLineFactory(action=action, funder=partner, year=2024)
    return action


def test_the_action_form_renders_no_select_of_every_organisation(
    client, world, coordination_user, partnered_action
):
    many_organisations(300)
    client.force_login(coordination_user)
    html = client.get(admin_url(Action, "change", partnered_action.pk)).content.decode()
    assert "Association numéro" not in html
    assert html.count("<option") < 150, html.count("<option")
    # The chosen partner and funder are shown, each in its autocomplete.
    assert html.count('data-ajax--url="/admin/autocomplete/"') >= 4
    assert "Conservatoire municipal" in html


def test_the_action_form_runs_as_many_queries_with_300_more_organisations(
    client, world, coordination_user, partnered_action
):
    client.force_login(coordination_user)
    url = admin_url(Action, "change", partnered_action.pk)
    before = count_queries(client, url)
    many_organisations(300)
    assert count_queries(client, url) == before


def test_a_pilot_finds_partners_by_name_among_every_organisation(client, world, partnered_action):
    many_organisations(30)
    client.force_login(world["pilot"])
    response = suggested(client, "actionpartner", "organisation", term="numéro 0012")
    assert response.status_code == 200
    names = [result["text"] for result in json.loads(response.content)["results"]]
    assert names == ["Association numéro 0012"]


def test_a_pilot_adds_a_partner_through_the_form_the_admin_renders(client, world, partnered_action):
    many_organisations(5)
    client.force_login(world["pilot"])
    url = admin_url(Action, "change", partnered_action.pk)
    data = submitted_data(client.get(url).content.decode(), "action_form")
    chosen = Organisation.objects.get(slug="association-0003")
    total = int(data["partnerships-TOTAL_FORMS"][0])
    data["partnerships-TOTAL_FORMS"] = [str(total + 1)]
    data[f"partnerships-{total}-organisation"] = [str(chosen.pk)]
    data[f"partnerships-{total}-role"] = [PartnerRole.PARTNER]
    data[f"partnerships-{total}-action"] = [str(partnered_action.pk)]
    response = client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert ActionPartner.objects.filter(action=partnered_action, organisation=chosen).exists()


@pytest.mark.parametrize("role", [None, roles.PARTENAIRE])
def test_outside_the_staff_the_autocomplete_names_no_organisation(client, world, role):
    many_organisations(3)
    if role:
        client.force_login(UserFactory(username="partenaire-curieux", role=role))
    response = suggested(client, "actionpartner", "organisation", term="Association")
    assert response.status_code in (302, 403)
    assert b"Association" not in response.content
