"""COPIL decisions and strategy status moves, through the admin actions."""

import datetime

import pytest
from django.contrib.admin import helpers

from strategy.enums import ActionStatus, DecisionKind, MeetingKind, OrientationStatus, StrategyStatus
from strategy.models import Action, Decision, Meeting, Orientation, Strategy
from tests.strategy.admin.conftest import admin_url
from tests.strategy.factories import ActionFactory, MeetingFactory, OrientationFactory, StrategyFactory


def run_action(client, model, action, objects, **extra):
    data = {"action": action, helpers.ACTION_CHECKBOX_NAME: [str(obj.pk) for obj in objects], **extra}
    return client.post(admin_url(model, "changelist"), data)


@pytest.fixture
def proposed_actions(db):
    strategy = StrategyFactory(status=StrategyStatus.CONSULTATION)
    return [ActionFactory(strategy=strategy, status=ActionStatus.PROPOSED) for _ in range(2)]


def test_validating_in_copil_first_asks_for_the_meeting_and_the_decision(
    client, coordination_user, proposed_actions
):
    client.force_login(coordination_user)
    response = run_action(client, Action, "validate_actions", proposed_actions)
    assert response.status_code == 200
    assert "Texte de la décision" in response.content.decode()
    assert not Decision.objects.exists()
    assert set(Action.objects.values_list("status", flat=True)) == {ActionStatus.PROPOSED}


def test_copil_validates_actions_at_a_new_meeting(client, copil_user, proposed_actions):
    client.force_login(copil_user)
    response = run_action(
        client,
        Action,
        "validate_actions",
        proposed_actions,
        apply="1",
        new_meeting_date="2025-06-12",
        text="Le COPIL valide les deux actions.",
    )
    assert response.status_code == 302
    decision = Decision.objects.get()
    assert decision.kind == DecisionKind.VALIDATE_ACTIONS
    assert decision.meeting.kind == MeetingKind.COPIL
    assert decision.meeting.date == datetime.date(2025, 6, 12)
    assert set(decision.actions.all()) == set(proposed_actions)
    assert set(Action.objects.values_list("status", flat=True)) == {ActionStatus.VALIDATED}


def test_coordination_postpones_an_action_at_an_existing_copil_meeting(
    client, coordination_user, proposed_actions
):
    client.force_login(coordination_user)
    meeting = MeetingFactory(strategy=proposed_actions[0].strategy)
    run_action(
        client,
        Action,
        "postpone_actions",
        proposed_actions[:1],
        apply="1",
        meeting=meeting.pk,
        text="Reportée à 2026.",
    )
    assert Decision.objects.get().kind == DecisionKind.STOP_ACTIONS
    assert Meeting.objects.count() == 1
    assert Action.objects.get(pk=proposed_actions[0].pk).status == ActionStatus.POSTPONED
    assert Action.objects.get(pk=proposed_actions[1].pk).status == ActionStatus.PROPOSED


def test_a_decision_needs_a_meeting(client, coordination_user, proposed_actions):
    client.force_login(coordination_user)
    response = run_action(client, Action, "abandon_actions", proposed_actions, apply="1", text="Abandon.")
    assert response.status_code == 200
    assert response.context["form"].errors
    assert not Decision.objects.exists()


def test_pilot_is_not_offered_the_copil_actions(client, proposed_actions):
    from tests.strategy.factories import pilot_user

    pilot = pilot_user(organisation=proposed_actions[0].pilot)
    client.force_login(pilot)
    response = client.get(admin_url(Action, "changelist"))
    form = response.context["action_form"]
    offered = set() if form is None else {name for name, _ in form.fields["action"].choices}
    assert not offered & {"validate_actions", "postpone_actions", "abandon_actions"}
    run_action(
        client,
        Action,
        "validate_actions",
        proposed_actions[:1],
        apply="1",
        new_meeting_date="2025-06-12",
        text="x",
    )
    assert Action.objects.get(pk=proposed_actions[0].pk).status == ActionStatus.PROPOSED


def test_copil_validates_orientations_with_the_meeting_date(client, copil_user):
    client.force_login(copil_user)
    strategy = StrategyFactory(status=StrategyStatus.DRAFT)
    orientations = [
        OrientationFactory(strategy=strategy, status="proposed", validated_on=None) for _ in range(2)
    ]
    run_action(
        client,
        Orientation,
        "validate_orientations",
        orientations,
        apply="1",
        new_meeting_date="2021-06-25",
        text="Les orientations sont validées.",
    )
    assert set(Orientation.objects.values_list("status", "validated_on")) == {
        (OrientationStatus.VALIDATED, datetime.date(2021, 6, 25))
    }
    assert set(Decision.objects.get().orientations.all()) == set(orientations)


def test_coordination_moves_a_strategy_from_draft_to_closed(client, coordination_user):
    client.force_login(coordination_user)
    strategy = StrategyFactory(status=StrategyStatus.DRAFT)
    for action, status in [
        ("open_consultation", StrategyStatus.CONSULTATION),
        ("adopt_strategy", StrategyStatus.ADOPTED),
        ("close_strategy", StrategyStatus.CLOSED),
    ]:
        assert run_action(client, Strategy, action, [strategy]).status_code == 302
        strategy.refresh_from_db()
        assert strategy.status == status


def test_a_strategy_skips_no_step(client, coordination_user):
    client.force_login(coordination_user)
    strategy = StrategyFactory(status=StrategyStatus.DRAFT)
    run_action(client, Strategy, "adopt_strategy", [strategy])
    strategy.refresh_from_db()
    assert strategy.status == StrategyStatus.DRAFT


def test_copil_cannot_move_a_strategy(client, copil_user):
    client.force_login(copil_user)
    strategy = StrategyFactory(status=StrategyStatus.DRAFT)
    run_action(client, Strategy, "open_consultation", [strategy])
    strategy.refresh_from_db()
    assert strategy.status == StrategyStatus.DRAFT
