"""A pilot changes their organisation's actions, budget lines and measurements, and nothing else."""

import json

import pytest

from indicators.models import Indicator, Measurement
from strategy.enums import ActionStatus
from strategy.models import Action, ActionPartner, BudgetLine
from tests.strategy.admin.conftest import admin_url, count_queries, form_data, populate


@pytest.fixture
def pilot_client(client, world):
    client.force_login(world["pilot"])
    return client


def test_pilot_sees_only_their_organisation_actions_in_the_list(pilot_client, world):
    response = pilot_client.get(admin_url(Action, "changelist"))
    assert list(response.context["cl"].result_list) == [world["own_action"]]


@pytest.mark.parametrize("view", ["change", "delete", "history"])
def test_pilot_cannot_open_another_organisation_action_by_url(pilot_client, world, view):
    response = pilot_client.get(admin_url(Action, view, world["other_action"].pk))
    assert response.status_code in (403, 404)


def test_pilot_posting_another_organisation_action_changes_nothing(pilot_client, world):
    other = world["other_action"]
    response = pilot_client.post(admin_url(Action, "change", other.pk), {"title": "Détournée"})
    assert response.status_code in (403, 404)
    other.refresh_from_db()
    assert other.title != "Détournée"


@pytest.mark.parametrize("model", [BudgetLine, Measurement, ActionPartner])
def test_pilot_cannot_open_change_or_delete_another_organisation_row(pilot_client, world, model):
    other = {
        BudgetLine: BudgetLine.objects.filter(action=world["other_action"]).first(),
        Measurement: Measurement.objects.exclude(indicator__actions=world["own_action"]).first(),
        ActionPartner: ActionPartner.objects.exclude(action__pilot=world["own_action"].pilot).first(),
    }[model]
    if other is None:  # every partner row hangs on the first action: make one elsewhere
        other = ActionPartner.objects.create(
            action=world["other_action"], organisation=world["own_action"].pilot
        )
    before = model._default_manager.count()
    assert pilot_client.get(admin_url(model, "change", other.pk)).status_code in (403, 404)
    assert pilot_client.post(admin_url(model, "change", other.pk), {}).status_code in (403, 404)
    assert pilot_client.post(admin_url(model, "delete", other.pk), {"post": "yes"}).status_code in (403, 404)
    assert model._default_manager.count() == before
    assert other.pk not in {
        row.pk for row in pilot_client.get(admin_url(model, "changelist")).context["cl"].result_list
    }


def test_pilot_changes_their_own_action(pilot_client, world):
    own = world["own_action"]
    data = form_data(pilot_client.get(admin_url(Action, "change", own.pk)))
    data["title"] = "Ateliers du soir"
    response = pilot_client.post(admin_url(Action, "change", own.pk), data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    own.refresh_from_db()
    assert own.title == "Ateliers du soir"


def test_pilot_cannot_hand_their_action_to_another_organisation(pilot_client, world):
    own, other = world["own_action"], world["other_action"]
    data = form_data(pilot_client.get(admin_url(Action, "change", own.pk)))
    data["pilot"] = str(other.pilot_id)
    pilot_client.post(admin_url(Action, "change", own.pk), data)
    own.refresh_from_db()
    assert own.pilot_id != other.pilot_id


def test_pilot_cannot_add_a_budget_line_to_another_organisation_action(pilot_client, world):
    before = BudgetLine.objects.count()
    response = pilot_client.post(
        admin_url(BudgetLine, "add"),
        {
            "action": world["other_action"].pk,
            "year": 2026,
            "funder": world["own_action"].pilot_id,
            "planned_amount": "100",
            "executed_amount": "0",
            "stage": "requested",
        },
    )
    assert response.status_code == 200
    assert "action" in response.context["adminform"].form.errors
    assert BudgetLine.objects.count() == before


def test_pilot_adds_a_budget_line_to_their_action(pilot_client, world):
    response = pilot_client.post(
        admin_url(BudgetLine, "add"),
        {
            "action": world["own_action"].pk,
            "year": 2027,
            "funder": world["own_action"].pilot_id,
            "planned_amount": "100",
            "executed_amount": "0",
            "stage": "requested",
        },
    )
    assert response.status_code == 302
    assert BudgetLine.objects.filter(action=world["own_action"], year=2027).exists()


def autocomplete(client, model_name, field_name, app_label="strategy"):
    response = client.get(
        "/admin/autocomplete/",
        {"app_label": app_label, "model_name": model_name, "field_name": field_name, "term": ""},
    )
    assert response.status_code == 200
    return {int(result["id"]) for result in json.loads(response.content)["results"]}


def test_pilot_autocomplete_offers_only_their_actions(pilot_client, world):
    assert autocomplete(pilot_client, "budgetline", "action") == {world["own_action"].pk}


def test_pilot_autocomplete_offers_only_indicators_of_their_actions(pilot_client, world):
    offered = autocomplete(pilot_client, "measurement", "indicator", app_label="indicators")
    assert offered == set(Indicator.objects.filter(actions=world["own_action"]).values_list("pk", flat=True))
    assert offered


def test_coordination_autocomplete_offers_every_action(client, world, coordination_user):
    client.force_login(coordination_user)
    assert autocomplete(client, "budgetline", "action") == set(Action.objects.values_list("pk", flat=True))


def test_pilot_status_choices_never_include_validation_of_a_proposal(pilot_client, world):
    own = world["own_action"]
    Action.objects.filter(pk=own.pk).update(status=ActionStatus.PROPOSED)
    response = pilot_client.get(admin_url(Action, "change", own.pk))
    choices = [value for value, _ in response.context["adminform"].form.fields["status"].choices]
    assert choices == [ActionStatus.PROPOSED]
    data = form_data(response)
    data["status"] = ActionStatus.VALIDATED
    pilot_client.post(admin_url(Action, "change", own.pk), data)
    own.refresh_from_db()
    assert own.status == ActionStatus.PROPOSED


def test_pilot_moves_their_validated_action_to_in_progress_then_done(pilot_client, world):
    own = world["own_action"]
    Action.objects.filter(pk=own.pk).update(status=ActionStatus.VALIDATED)
    response = pilot_client.get(admin_url(Action, "change", own.pk))
    choices = [value for value, _ in response.context["adminform"].form.fields["status"].choices]
    assert choices == [ActionStatus.VALIDATED, ActionStatus.IN_PROGRESS, ActionStatus.DONE]
    data = form_data(response)
    data["status"] = ActionStatus.DONE
    assert pilot_client.post(admin_url(Action, "change", own.pk), data).status_code == 302
    own.refresh_from_db()
    assert own.status == ActionStatus.DONE


def test_copil_reads_an_action_but_cannot_save_it(client, world, copil_user):
    client.force_login(copil_user)
    own = world["own_action"]
    response = client.get(admin_url(Action, "change", own.pk))
    assert response.status_code == 200
    assert not response.context["has_change_permission"]
    assert client.post(admin_url(Action, "change", own.pk), {"title": "Réécrite"}).status_code == 403
    own.refresh_from_db()
    assert own.title != "Réécrite"


@pytest.mark.parametrize(
    "model", [Action, ActionPartner, BudgetLine, Measurement], ids=lambda m: m._meta.label
)
def test_pilot_lists_do_not_grow_in_queries_with_rows(
    pilot_client, world, django_assert_max_num_queries, model
):
    url = admin_url(model, "changelist")
    count_queries(pilot_client, url)
    with_few_rows = count_queries(pilot_client, url)
    populate(2, 8)  # more rows everywhere, and more budget lines, partners, measurements of their own
    with django_assert_max_num_queries(with_few_rows):
        response = pilot_client.get(url)
    assert response.context["cl"].result_count == response.context["cl"].queryset.count() >= 1
