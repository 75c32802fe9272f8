"""Beneficiaries in the admin: per year on the action's page, by audience on the year's page.

Every post is the form the page really renders (``html_forms.change_form_data``), with numbers typed
the French way.
"""

import pytest
from django.test import Client

from strategy.models import Action, ActionBeneficiaries, BeneficiariesByAudience
from tests.strategy.admin.conftest import admin_url
from tests.strategy.admin.html_forms import change_form_data
from tests.strategy.beneficiary_factories import beneficiaries
from tests.strategy.factories import UserFactory, audience


@pytest.fixture
def pilot_client(client, world):
    client.force_login(world["pilot"])
    return client


def _add_year(data, prefix="beneficiaries", **values):
    index = int(data[f"{prefix}-TOTAL_FORMS"][0])
    for name, value in values.items():
        data[f"{prefix}-{index}-{name}"] = [value]
    data[f"{prefix}-TOTAL_FORMS"] = [str(index + 1)]
    return data


def test_pilot_adds_a_year_of_beneficiaries_on_their_action_page_typed_the_french_way(pilot_client, world):
    own = world["own_action"]
    url = admin_url(Action, "change", own.pk)
    data = _add_year(
        change_form_data(pilot_client.get(url)),
        year="2025",
        total="1 754",
        girls="900",
        boys="850",
        in_priority_area="1 200",
    )
    response = pilot_client.post(url, data)
    assert response.status_code == 302, response.context["inline_admin_formsets"][-1].formset.errors
    row = ActionBeneficiaries.objects.get(action=own, year=2025)
    assert (row.total, row.girls, row.boys, row.in_priority_area) == (1754, 900, 850, 1200)


def test_by_sex_beyond_the_total_is_refused_in_french_and_nothing_is_saved(pilot_client, world):
    own = world["own_action"]
    url = admin_url(Action, "change", own.pk)
    data = _add_year(
        change_form_data(pilot_client.get(url)), year="2025", total="172", girls="100", boys="80"
    )
    response = pilot_client.post(url, data)
    assert response.status_code == 200
    assert "dépassent le total" in response.content.decode()
    assert not ActionBeneficiaries.objects.filter(action=own).exists()


def test_a_new_total_below_the_saved_breakdown_by_audience_is_refused(pilot_client, world):
    own = world["own_action"]
    beneficiaries(own, total=172, by_audience={"3-6": 100, "6-11": 72})
    url = admin_url(Action, "change", own.pk)
    page = pilot_client.get(url)
    assert "Maternelle (3-6 ans) : 100 ; Élémentaire (6-11 ans) : 72" in page.content.decode()
    data = change_form_data(page)
    data["beneficiaries-0-total"] = ["150"]
    response = pilot_client.post(url, data)
    assert response.status_code == 200
    assert "Les bénéficiaires par public (172) dépassent le total de l&#x27;année (150)." in (
        response.content.decode()
    )
    assert ActionBeneficiaries.objects.get(action=own).total == 172


def test_the_year_page_sets_the_breakdown_by_audience_within_the_total(pilot_client, world):
    row = beneficiaries(world["own_action"], total=172)
    url = admin_url(ActionBeneficiaries, "change", row.pk)
    data = change_form_data(pilot_client.get(url))
    data["by_audience-0-audience"] = [str(audience("3-6").pk)]
    data["by_audience-0-count"] = ["100"]
    data = _add_year(data, prefix="by_audience", audience=str(audience("6-11").pk), count="72")
    response = pilot_client.post(url, data)
    assert response.status_code == 302
    assert {
        (r.audience.code, r.count) for r in BeneficiariesByAudience.objects.filter(beneficiaries=row)
    } == {
        ("3-6", 100),
        ("6-11", 72),
    }


def test_a_breakdown_by_audience_beyond_the_total_is_refused_and_nothing_is_saved(pilot_client, world):
    row = beneficiaries(world["own_action"], total=172)
    url = admin_url(ActionBeneficiaries, "change", row.pk)
    data = change_form_data(pilot_client.get(url))
    data["by_audience-0-audience"] = [str(audience("3-6").pk)]
    data["by_audience-0-count"] = ["1 000"]
    response = pilot_client.post(url, data)
    assert response.status_code == 200
    assert "Les bénéficiaires par public (1000) dépassent le total de l&#x27;année (172)." in (
        response.content.decode()
    )
    assert not BeneficiariesByAudience.objects.exists()


def test_the_year_page_checks_the_new_total_against_the_breakdown_posted_with_it(pilot_client, world):
    row = beneficiaries(world["own_action"], total=172, by_audience={"3-6": 100})
    url = admin_url(ActionBeneficiaries, "change", row.pk)
    data = change_form_data(pilot_client.get(url))
    data["total"] = ["90"]
    response = pilot_client.post(url, data)
    assert response.status_code == 200
    row.refresh_from_db()
    assert row.total == 172


def test_pilot_cannot_open_nor_change_another_organisation_beneficiaries(pilot_client, world):
    other = beneficiaries(world["other_action"], total=40)
    url = admin_url(ActionBeneficiaries, "change", other.pk)
    assert pilot_client.get(url).status_code == 404
    assert pilot_client.post(url, {"total": "1"}).status_code == 404
    assert (
        pilot_client.post(admin_url(ActionBeneficiaries, "delete", other.pk), {"post": "yes"}).status_code
        == 404
    )
    other.refresh_from_db()
    assert other.total == 40
    listed = pilot_client.get(admin_url(ActionBeneficiaries, "changelist")).context["cl"].result_list
    assert other not in listed


def test_pilot_cannot_add_beneficiaries_to_another_organisation_action(pilot_client, world):
    url = admin_url(ActionBeneficiaries, "add")
    page = pilot_client.get(url)
    assert page.status_code == 200
    data = change_form_data(page)
    data.update({"action": [str(world["other_action"].pk)], "year": ["2025"], "total": ["10"]})
    response = pilot_client.post(url, data)
    assert response.status_code == 200
    assert not ActionBeneficiaries.objects.exists()


@pytest.mark.parametrize("role", ["copil", "partenaire"])
def test_other_roles_change_no_beneficiaries(client, world, role):
    row = beneficiaries(world["own_action"], total=172)
    client.force_login(UserFactory(username=f"{role}-x", role=role, is_staff=role != "partenaire"))
    url = admin_url(ActionBeneficiaries, "change", row.pk)
    client.post(url, {"action": str(row.action_id), "year": "2025", "total": "1"})
    row.refresh_from_db()
    assert row.total == 172


def test_coordination_changes_any_action_beneficiaries(client, world, coordination_user):
    row = beneficiaries(world["other_action"], total=40)
    client.force_login(coordination_user)
    url = admin_url(ActionBeneficiaries, "change", row.pk)
    data = change_form_data(client.get(url))
    data["total"] = ["45"]
    assert client.post(url, data).status_code == 302
    row.refresh_from_db()
    assert row.total == 45


def test_two_people_editing_a_year_breakdown_the_second_is_refused(world, coordination_user):
    row = beneficiaries(world["own_action"], total=172)
    first, second = Client(), Client()
    first.force_login(coordination_user)
    second.force_login(UserFactory(username="coordination2", role="coordination"))
    url = admin_url(ActionBeneficiaries, "change", row.pk)
    first_data, second_data = change_form_data(first.get(url)), change_form_data(second.get(url))
    second_data["by_audience-0-audience"] = [str(audience("3-6").pk)]
    second_data["by_audience-0-count"] = ["50"]
    assert second.post(url, second_data).status_code == 302
    first_data["by_audience-0-audience"] = [str(audience("3-6").pk)]
    first_data["by_audience-0-count"] = ["60"]
    response = first.post(url, first_data)
    assert response.status_code == 200
    assert "enregistrés par quelqu&#x27;un d&#x27;autre" in response.content.decode()
    assert BeneficiariesByAudience.objects.get().count == 50


def test_two_people_editing_the_years_on_the_action_page_the_second_is_refused(world, coordination_user):
    own = world["own_action"]
    beneficiaries(own, total=172)
    first, second = Client(), Client()
    first.force_login(coordination_user)
    second.force_login(UserFactory(username="coordination2", role="coordination"))
    url = admin_url(Action, "change", own.pk)
    first_data, second_data = change_form_data(first.get(url)), change_form_data(second.get(url))
    second_data["beneficiaries-0-total"] = ["180"]
    assert second.post(url, second_data).status_code == 302
    first_data["beneficiaries-0-total"] = ["190"]
    assert first.post(url, first_data).status_code == 200
    assert ActionBeneficiaries.objects.get(action=own).total == 180


def test_the_year_list_does_not_query_per_row(
    client, world, coordination_user, django_assert_max_num_queries
):
    for year in range(2020, 2026):
        beneficiaries(world["own_action"], year=year, total=100, by_audience={"3-6": 10, "6-11": 20})
    client.force_login(coordination_user)
    with django_assert_max_num_queries(12):
        response = client.get(admin_url(ActionBeneficiaries, "changelist"))
    assert "Maternelle (3-6 ans) : 10" in response.content.decode()
