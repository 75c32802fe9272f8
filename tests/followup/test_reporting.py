"""followup.reporting: which round a year's report prints, and the record of an answer read back."""

import datetime

import pytest

from followup import reporting
from followup.enums import ReportStatus, RoundStatus
from followup.models import ActionReport, ReportingRound, RoundParticipant
from strategy.enums import ActionStatus
from tests.strategy.factories import ActionFactory, StrategyFactory

pytestmark = pytest.mark.django_db


def _round(strategy, period, year, status):
    return ReportingRound.objects.create(
        strategy=strategy, period=period, year=year, deadline=datetime.date(year, 7, 1), status=status
    )


def test_a_years_report_prints_the_round_of_that_budget_year_never_one_in_preparation():
    strategy = StrategyFactory()
    _round(strategy, "2024", 2024, RoundStatus.PREPARING)
    school_year = _round(strategy, "2023-2024", 2024, RoundStatus.OPEN)
    _round(strategy, "2024-2025", 2025, RoundStatus.CLOSED)
    assert reporting.round_for_report(strategy, 2024) == school_year
    assert reporting.round_for_report(strategy, 2023) is None
    assert reporting.round_for_report(StrategyFactory(title="Autre"), 2024) is None


def test_of_two_rounds_of_the_same_year_the_closed_one_then_the_later_one_wins():
    strategy = StrategyFactory()
    open_later = _round(strategy, "2025-2026", 2025, RoundStatus.OPEN)
    closed = _round(strategy, "2024-2025", 2025, RoundStatus.CLOSED)
    assert reporting.round_for_report(strategy, 2025) == closed
    closed_later = _round(strategy, "2025", 2025, RoundStatus.CLOSED)
    assert reporting.round_for_report(strategy, 2025) == closed_later
    ReportingRound.objects.filter(pk__in=[closed.pk, closed_later.pk]).update(status=RoundStatus.OPEN)
    assert reporting.round_for_report(strategy, 2025) == open_later


def _answer(beneficiaries):
    return reporting.SentAnswer(
        status="", status_label="", progress=None, milestone_note="", budget=[],
        planned=0, executed=0, beneficiaries=beneficiaries,
    )  # fmt: skip


def _counts(total, **parts):
    return {"total": total, "by_audience": parts.pop("by_audience", {}), **parts}


def test_the_beneficiaries_add_up_with_a_breakdown_only_where_it_accounts_for_everyone():
    totals = reporting.beneficiary_totals(
        [
            _answer(_counts(10, girls=4, boys=6, by_audience={"Parents": 10})),
            _answer(_counts(5, girls=5, in_priority_area=2, by_audience={"Parents": 5})),
            _answer(None),  # sent without beneficiaries
            None,  # no answer at all
        ]
    )
    assert (totals.answered, totals.counted, totals.total) == (3, 2, 15)
    assert totals.by_sex.complete and totals.by_sex.parts == [("filles", 9), ("garçons", 6)]
    assert (totals.by_place.known, totals.by_place.of, totals.by_place.complete) == (0, 2, False)
    assert totals.by_audience.parts == [("Parents", 15)]


def test_only_a_sent_report_has_a_record_and_it_reads_the_answer_not_the_live_note():
    action = ActionFactory(status=ActionStatus.IN_PROGRESS)
    round = _round(action.strategy, "2024", 2024, RoundStatus.OPEN)
    participant = RoundParticipant.objects.create(round=round, organisation=action.pilot)
    report = ActionReport.objects.create(
        round=round, participant=participant, action=action, status=ReportStatus.DRAFT,
        milestone_note="Brouillon", answer={"milestone_note": "Ancien envoi"},
    )  # fmt: skip
    assert reporting.sent_answer(report) is None
    report.status, report.sent_at = ReportStatus.SENT, datetime.datetime(2024, 6, 1, tzinfo=datetime.UTC)
    report.answer = {
        "action_status": "in_progress",
        "progress": 30,
        "milestone_note": "Envoyé",
        "budget": [{"funder": "CAF", "planned": "100.00", "executed": "40.50", "stage": ""}],
        "beneficiaries": None,
    }
    record = reporting.sent_answer(report)
    assert (record.status_label, record.progress, record.milestone_note) == ("En cours", 30, "Envoyé")
    assert str(record.executed) == "40.50" and record.beneficiary_groups == []
