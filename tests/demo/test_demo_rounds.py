"""The demo's reporting rounds of the PEDT: exactly the scenario ``demo/rounds.py`` tells."""

import datetime

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from demo.load import reset_portal
from followup import rounds
from followup.enums import ParticipantState as State
from followup.enums import ReportStatus, RoundStatus
from followup.models import ReportingRound
from notifications.models import Notification
from tests.demo.test_loaddemo import DEMO_USERNAMES

PEDT = "pedt-ivry-sur-seine"
DEE = "ivry-direction-enfance-education"
YOUTH = "ivry-direction-jeunesse"
CULTURE = "ivry-direction-culture"


@pytest.fixture(scope="class")
def demo_rounds(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        with override_settings(DEBUG=True):
            call_command("loaddemo", users=True)
        yield
        reset_portal()
        User.objects.filter(username__in=DEMO_USERNAMES).delete()


def by_slug(round):
    return {
        participant.organisation.slug: participant for participant in rounds.participants_with_progress(round)
    }


def local(moment):
    return timezone.localtime(moment).replace(tzinfo=None)


@pytest.mark.django_db
@pytest.mark.usefixtures("demo_rounds")
class TestTheDemoRounds:
    def test_the_pedt_has_a_closed_round_for_a_past_year_and_an_open_one(self):
        found = dict(ReportingRound.objects.filter(strategy__slug=PEDT).values_list("period", "status"))
        assert found == {"2024-2025": RoundStatus.CLOSED, "2025-2026": RoundStatus.OPEN}

    def test_the_closed_round_keeps_its_fixed_dates(self):
        round = ReportingRound.objects.get(strategy__slug=PEDT, period="2024-2025")
        assert round.deadline == datetime.date(2025, 10, 17)
        assert local(round.opened_at) == datetime.datetime(2025, 9, 15, 9, 30)
        assert local(round.closed_at) == datetime.datetime(2025, 11, 14, 17, 0)
        assert (round.opened_by.username, round.closed_by.username) == ("coordination", "coordination")

    def test_in_the_closed_round_one_answered_on_time_one_late_after_reminders_the_rest_never(self):
        participants = by_slug(ReportingRound.objects.get(strategy__slug=PEDT, period="2024-2025"))
        states = {slug: participant.current_state for slug, participant in participants.items()}
        assert states.pop(DEE) == State.ANSWERED
        assert states.pop(YOUTH) == State.ANSWERED_LATE
        assert states.pop(CULTURE) == State.NO_ANSWER
        assert len(states) == 10 and set(states.values()) == {State.NO_ANSWER}
        dee, youth, culture = participants[DEE], participants[YOUTH], participants[CULTURE]
        assert local(dee.completed_at) == datetime.datetime(2025, 10, 8, 11, 5)
        assert local(youth.completed_at) == datetime.datetime(2025, 10, 24, 10, 30)
        assert (youth.reminder_count, local(youth.last_reminded_at)) == (
            2,
            datetime.datetime(2025, 10, 17, 7, 0),
        )
        assert (culture.reminder_count, culture.report_sent, culture.report_started) == (2, 0, 1)
        assert (dee.report_sent, dee.report_total, youth.report_sent, youth.report_total) == (3, 3, 6, 6)
        assert sum(participant.reminder_count for participant in participants.values()) == 4

    def test_each_sent_report_records_who_sent_what_and_when(self):
        round = ReportingRound.objects.get(strategy__slug=PEDT, period="2024-2025")
        report = round.reports.select_related("sent_by").get(action__code="2.5")
        assert report.status == ReportStatus.SENT
        assert report.sent_by.username == "pilote-jeunesse"
        assert local(report.sent_at) == datetime.datetime(2025, 10, 24, 10, 15)
        assert report.answer["milestone_note"].startswith("La cérémonie de juin")
        assert report.milestone_note == report.answer["milestone_note"]
        assert report.answer["action_status"] == "in_progress"
        assert round.reports.filter(status=ReportStatus.SENT).count() == 9

    def test_the_open_round_is_open_whenever_the_demo_is_loaded(self):
        round = ReportingRound.objects.get(strategy__slug=PEDT, period="2025-2026")
        today = timezone.localdate()
        assert round.deadline == today + datetime.timedelta(days=21)
        assert timezone.localdate(round.opened_at) == today - datetime.timedelta(days=5)
        assert not round.is_past_deadline()

    def test_in_the_open_round_some_reports_are_sent_some_in_progress_some_not_started(self):
        round = ReportingRound.objects.get(strategy__slug=PEDT, period="2025-2026")
        participants = by_slug(round)
        states = {slug: participant.current_state for slug, participant in participants.items()}
        assert states.pop(DEE) == State.ANSWERED
        assert states.pop(YOUTH) == State.IN_PROGRESS
        assert len(states) == 11 and set(states.values()) == {State.WAITING}
        youth = participants[YOUTH]
        assert (youth.report_sent, youth.report_started, youth.report_total) == (2, 3, 5)
        statuses = dict(round.reports.values_list("action__code", "status"))
        assert statuses["2.4"] == ReportStatus.DRAFT and statuses["3.1"] == ReportStatus.TODO
        assert sorted(code for code, status in statuses.items() if status == ReportStatus.SENT) == [
            "1.1",
            "1.9",
            "2.1",
            "2.2",
            "3.7",
        ]
        assert not any(participant.reminder_count for participant in participants.values())

    def test_loading_the_demo_writes_no_mail(self):
        assert not Notification.objects.exists()
        assert not DBTaskResult.objects.filter(queue_name="mail").exists()
