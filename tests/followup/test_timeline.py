"""An action's timeline (``followup.timeline.timeline_of``): what each role reads of its past, in order."""

import datetime

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from actors import roles
from followup.enums import ReportStatus, RoundStatus
from followup.models import ActionReport
from followup.timeline import EventKind, timeline_of
from strategy.enums import ActionStatus, StrategyStatus
from strategy.models import Milestone
from tests.followup.factories import open_round_of
from tests.strategy.factories import (
    ActionFactory,
    DecisionFactory,
    MeetingFactory,
    StrategyFactory,
    pilot_user,
)

TODAY = datetime.date(2025, 11, 20)


def aware(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(10, 0)))


def change_status(action, status, day):
    """Save a new status, its history record dated ``day``."""
    action.status = status
    action.save()
    action.history.filter(history_id=action.history.latest().history_id).update(history_date=aware(day))


def send_note(action, note, day, *, closed=False):
    """The action's report in an opened round, sent on ``day`` with ``note`` as its point d'étape."""
    round = open_round_of(action.strategy)
    ActionReport.objects.filter(round=round, action=action).update(
        status=ReportStatus.SENT, sent_at=aware(day), answer={"milestone_note": note}
    )
    if closed:
        type(round).objects.filter(pk=round.pk).update(status=RoundStatus.CLOSED)
    return round


@pytest.fixture
def action(db):
    """An action proposed, then validated and started, with its milestones, a decision and a note."""
    action = ActionFactory(status=ActionStatus.PROPOSED, title="Coup de pouce lecture")
    action.history.update(history_date=aware(datetime.date(2024, 1, 10)))
    change_status(action, ActionStatus.VALIDATED, datetime.date(2024, 3, 15))
    change_status(action, ActionStatus.IN_PROGRESS, datetime.date(2024, 9, 2))
    Milestone.objects.create(
        action=action,
        title="Recrutement des animateurs",
        planned_date=datetime.date(2024, 6, 30),
        done_date=datetime.date(2024, 7, 5),
    )
    Milestone.objects.create(
        action=action, title="Bilan à mi-parcours", planned_date=datetime.date(2025, 6, 30)
    )
    Milestone.objects.create(
        action=action, title="Séminaire des intervenants", planned_date=datetime.date(2026, 2, 1)
    )
    Milestone.objects.create(
        action=action,
        title="Réunion budgétaire interne",
        planned_date=datetime.date(2025, 3, 1),
        is_public=False,
    )
    decision = DecisionFactory(
        meeting=MeetingFactory(
            strategy=action.strategy, date=datetime.date(2024, 3, 14), title="COPIL de mars"
        ),
        kind="validate_actions",
        text="Le comité valide l'action Coup de pouce lecture.",
    )
    decision.actions.add(action)
    return action


def titles(events):
    return [event.title for event in events]


def test_coordination_reads_every_event_in_date_order(action, coordination_user):
    send_note(action, "Douze groupes ouverts ; deux écoles en attente.", datetime.date(2025, 10, 3))
    events = timeline_of(action, coordination_user, today=TODAY)
    assert [(event.date, event.kind) for event in events] == [
        (datetime.date(2024, 3, 14), EventKind.DECISION),
        (datetime.date(2024, 3, 15), EventKind.STATUS),
        (datetime.date(2024, 7, 5), EventKind.MILESTONE_DONE),
        (datetime.date(2024, 9, 2), EventKind.STATUS),
        (datetime.date(2025, 3, 1), EventKind.MILESTONE_LATE),
        (datetime.date(2025, 6, 30), EventKind.MILESTONE_LATE),
        (datetime.date(2025, 10, 3), EventKind.NOTE),
        (datetime.date(2026, 2, 1), EventKind.MILESTONE_PLANNED),
    ]
    assert titles(events)[1] == "Proposée → Validée"
    assert titles(events)[3] == "Validée → En cours"
    assert events[2].detail == "Prévu le 30 juin 2024."
    assert events[4].internal and events[4].title == "Réunion budgétaire interne"
    assert events[6].detail == "Douze groupes ouverts ; deux écoles en attente."
    assert events[6].internal  # its round is still open


def test_a_save_without_a_status_change_is_no_event(action, coordination_user):
    action.title = "Coup de pouce lecture et écriture"
    action.save()
    statuses = [
        event for event in timeline_of(action, coordination_user, today=TODAY) if event.kind == "status"
    ]
    assert titles(statuses) == ["Proposée → Validée", "Validée → En cours"]


def test_a_milestone_is_late_only_once_its_planned_date_is_past(action, coordination_user):
    late = [event.title for event in timeline_of(action, coordination_user, today=TODAY) if event.is_late]
    assert late == ["Réunion budgétaire interne", "Bilan à mi-parcours"]
    early = timeline_of(action, coordination_user, today=datetime.date(2025, 1, 1))
    assert not any(event.is_late for event in early)


@pytest.mark.parametrize("reader", ["anonymous", "partner"])
def test_outside_readers_never_read_an_internal_milestone_nor_an_open_round_note(
    action, partner_user, reader
):
    send_note(action, "Deux écoles en attente.", datetime.date(2025, 10, 3))
    user = AnonymousUser() if reader == "anonymous" else partner_user
    events = timeline_of(action, user, today=TODAY)
    assert "Réunion budgétaire interne" not in titles(events)
    assert not any(event.kind == EventKind.NOTE for event in events)
    assert not any(event.internal for event in events)
    # What is public is there: the decision, the validation, the public milestones.
    assert "Proposée → Validée" in titles(events)
    assert "Recrutement des animateurs" in titles(events)
    assert "Le comité valide l'action Coup de pouce lecture." in titles(events)


def test_a_closed_round_note_is_public_once_the_action_is(action):
    send_note(action, "Douze groupes ouverts.", datetime.date(2025, 10, 3), closed=True)
    notes = [
        event for event in timeline_of(action, AnonymousUser(), today=TODAY) if event.kind == EventKind.NOTE
    ]
    assert [note.detail for note in notes] == ["Douze groupes ouverts."]
    assert not notes[0].internal


def test_an_unsent_note_is_read_by_nobody(action, coordination_user):
    round = open_round_of(action.strategy)
    ActionReport.objects.filter(round=round, action=action).update(
        status=ReportStatus.DRAFT, milestone_note="Brouillon du pilote", answer={}
    )
    assert not any(
        event.kind == EventKind.NOTE for event in timeline_of(action, coordination_user, today=TODAY)
    )


def test_the_public_reads_nothing_of_a_draft_action(db, coordination_user, partner_user):
    draft = ActionFactory(status=ActionStatus.PROPOSED)
    Milestone.objects.create(action=draft, title="Premier atelier", planned_date=datetime.date(2025, 1, 6))
    DecisionFactory(meeting=MeetingFactory(strategy=draft.strategy)).actions.add(draft)
    assert timeline_of(draft, AnonymousUser(), today=TODAY) == []
    assert timeline_of(draft, partner_user, today=TODAY) == []
    assert "Premier atelier" in titles(timeline_of(draft, coordination_user, today=TODAY))


def test_the_public_never_reads_a_move_back_to_proposed(action):
    change_status(action, ActionStatus.PROPOSED, datetime.date(2024, 10, 1))
    change_status(action, ActionStatus.VALIDATED, datetime.date(2024, 11, 1))
    public = [
        event.title for event in timeline_of(action, AnonymousUser(), today=TODAY) if event.kind == "status"
    ]
    assert public == ["Proposée → Validée", "Validée → En cours", "Proposée → Validée"]
    inside = timeline_of(action, pilot_user(username="pilote-x"), today=TODAY)
    assert "En cours → Proposée" in titles(inside)


def test_a_partner_reads_the_proposals_history_of_a_strategy_under_consultation(db, partner_user):
    proposal = ActionFactory(
        strategy=StrategyFactory(status=StrategyStatus.CONSULTATION), status=ActionStatus.VALIDATED
    )
    proposal.history.update(history_date=aware(datetime.date(2024, 1, 10)))
    change_status(proposal, ActionStatus.PROPOSED, datetime.date(2024, 5, 1))
    assert "Validée → Proposée" in titles(timeline_of(proposal, partner_user, today=TODAY))
    assert timeline_of(proposal, AnonymousUser(), today=TODAY) == []


@pytest.mark.parametrize("audience", [roles.PUBLIC_AUDIENCE, roles.PARTNER_AUDIENCE, roles.INSIDE_AUDIENCE])
def test_the_documents_reader_reads_what_its_audience_reads(action, audience):
    events = timeline_of(action, roles.AudienceReader(audience), today=TODAY)
    assert ("Réunion budgétaire interne" in titles(events)) == (audience == roles.INSIDE_AUDIENCE)


@pytest.mark.parametrize("reader", ["anonymous", "coordination"])
def test_the_timeline_costs_the_same_queries_whatever_its_length(
    action, coordination_user, django_assert_num_queries, reader
):
    user = AnonymousUser() if reader == "anonymous" else coordination_user
    send_note(action, "Point d'étape.", datetime.date(2025, 10, 3), closed=True)
    for day in range(1, 25):
        Milestone.objects.create(
            action=action, title=f"Atelier {day}", planned_date=datetime.date(2025, 12, day)
        )
        DecisionFactory(meeting=MeetingFactory(strategy=action.strategy)).actions.add(action)
        change_status(
            action,
            ActionStatus.POSTPONED if day % 2 else ActionStatus.IN_PROGRESS,
            datetime.date(2025, 1, day),
        )
    # Milestones, status history, decisions with their meeting, sent reports with their round;
    # then the signed-in user's groups (coordination), or whether the public may see the action.
    with django_assert_num_queries(5):
        events = timeline_of(action, user, today=TODAY)
    assert len([event for event in events if event.title.startswith("Atelier")]) == 24
