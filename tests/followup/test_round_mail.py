"""The round's mail: the opening mail and the reminders, who they are for and on which days."""

import datetime

import pytest
from django.utils import timezone

from followup import reminders, rounds
from followup.tasks import send_reminders
from notifications import kinds, sending
from notifications.models import Notification
from tests.followup.conftest import report_of
from tests.followup.factories import ReportingRoundFactory
from tests.queue import run_worker
from tests.strategy.factories import ActionFactory, pilot_user


def reminded():
    return sorted(Notification.objects.filter(kind="round_reminder").values_list("user__username", flat=True))


def set_deadline(world, days_from_today):
    world["round"].deadline = timezone.localdate() + datetime.timedelta(days=days_from_today)
    world["round"].save()


def test_both_kinds_are_registered_with_a_reason():
    for code in ("round_opened", "round_reminder"):
        assert kinds.get(code).reason


@pytest.mark.parametrize("days_from_today", [3, 0])  # reminder_days before the deadline, the day itself
def test_reminders_go_on_the_reminder_day_and_the_deadline(open_world, days_from_today):
    set_deadline(open_world, days_from_today)

    sent = reminders.send_due_reminders()

    assert sent == {open_world["round"].pk: 2}
    # Youth's pilot with an address and culture's pilot; sport has no account, santé is not asked.
    assert reminded() == ["pilote-culture", "pilote-jeunesse"]
    assert {n.params["days_left"] for n in Notification.objects.filter(kind="round_reminder")} == {
        days_from_today
    }


@pytest.mark.parametrize("days_from_today", [7, 4, 2, 1, -1])
def test_no_reminder_on_the_other_days(open_world, days_from_today):
    set_deadline(open_world, days_from_today)

    assert reminders.send_due_reminders() == {}
    assert reminded() == []


def test_a_second_run_the_same_day_sends_nothing_more(open_world):
    set_deadline(open_world, 3)
    reminders.send_due_reminders()

    assert reminders.send_due_reminders() == {open_world["round"].pk: 0}
    assert reminded() == ["pilote-culture", "pilote-jeunesse"]
    counts = dict(open_world["round"].participants.values_list("organisation__name", "reminder_count"))
    assert counts == {"Direction de la culture": 1, "Direction de la jeunesse": 1, "Direction des sports": 0}


def test_an_organisation_that_sent_everything_is_not_reminded(open_world):
    for key in ("youth_1", "youth_2"):
        rounds.send_report(report_of(open_world, key), open_world["users"]["youth"])
    set_deadline(open_world, 0)

    reminders.send_due_reminders()

    assert reminded() == ["pilote-culture"]


def test_an_organisation_halfway_is_reminded_of_what_is_left(open_world):
    rounds.send_report(report_of(open_world, "youth_1"), open_world["users"]["youth"])
    set_deadline(open_world, 3)

    reminders.send_due_reminders()

    youth = Notification.objects.get(kind="round_reminder", user=open_world["users"]["youth"])
    assert (youth.params["action_count"], youth.params["sent_count"], youth.params["remaining_count"]) == (
        2,
        1,
        1,
    )


def test_a_round_in_preparation_or_closed_reminds_nobody(round_world, open_world):
    set_deadline(open_world, 0)
    rounds.close_round(open_world["round"], open_world["users"]["coordination"])
    preparing = ReportingRoundFactory(strategy=open_world["strategy"], period="2025-2026", year=2026)
    preparing.deadline = timezone.localdate()
    preparing.save()

    assert reminders.send_due_reminders() == {}
    assert reminded() == []


def test_only_the_rounds_due_today_remind_their_own_organisations(open_world, coordination_user):
    other = ActionFactory(title="Action d'un autre projet")
    pilot_user(organisation=other.pilot, username="pilote-autre-projet")
    later = ReportingRoundFactory(strategy=other.strategy)
    rounds.open_round(later, coordination_user, send_mail=False)
    set_deadline(open_world, 3)  # the other round is due in 7 days with reminders 3 days before

    reminders.send_due_reminders()

    assert "pilote-autre-projet" not in reminded()
    assert reminded() == ["pilote-culture", "pilote-jeunesse"]


def test_the_worker_runs_the_daily_task(open_world):
    set_deadline(open_world, 3)

    send_reminders.enqueue()
    run_worker()

    assert reminded() == ["pilote-culture", "pilote-jeunesse"]


def test_opening_the_round_mails_each_organisation_once_through_the_worker(round_world):
    rounds.open_round(round_world["round"], round_world["users"]["coordination"])
    # The request that opens the round only queues the announcement: at 1,000 actions it is 67 mails.
    assert not Notification.objects.filter(kind="round_opened").exists()

    run_worker()

    opened = list(Notification.objects.filter(kind="round_opened").values_list("user__username", flat=True))
    assert sorted(opened) == ["pilote-culture", "pilote-jeunesse"]


def rendered_mail(kind, **extra):
    """The mail of ``kind`` as the worker sends it (``notifications.sending.message_for``), by part."""
    params = {
        "strategy": "Projet éducatif d'Ivry",
        "period": "2024-2025",
        "deadline": "2026-12-22",
        "organisation": "Direction de la jeunesse",
        "action_count": 2,
        **extra,
    }
    user = pilot_user(username="pilote-lecteur")
    notification = Notification.objects.create(user=user, kind=kind, params=params, link="/admin/suivi/7/")
    message = sending.message_for(notification)
    return {"_subject.txt": message.subject, ".txt": message.body, ".html": message.alternatives[0][0]}


@pytest.fixture
def site_url(settings):
    settings.CITEDU_SITE_URL = "https://citedu.example.org"


def test_plain_text_mail_is_not_html_escaped(db, site_url):
    text = rendered_mail("round_opened", message="A & B")[".txt"]

    assert "« Projet éducatif d'Ivry »" in text and "A & B" in text


@pytest.mark.parametrize("part", ["_subject.txt", ".txt", ".html"])
def test_the_opening_mail_says_what_to_do_by_when_with_the_link(db, site_url, part):
    text = rendered_mail("round_opened", message="Avant le COPIL de janvier.")[part]

    if part == "_subject.txt":
        assert text.strip() == "Campagne de suivi 2024-2025 ouverte : vos fiches sont à remplir"
        return
    assert "22 décembre 2026" in text
    assert "« Projet éducatif d'Ivry » ouvre la campagne de suivi 2024-2025" in text.replace("&#x27;", "'")
    assert "2 actions de votre structure sont concernées" in text
    assert "Avant le COPIL de janvier." in text
    assert "https://citedu.example.org/admin/suivi/7/" in text


@pytest.mark.parametrize(
    ("days_left", "subject"),
    [
        (3, "Campagne de suivi 2024-2025 : plus que 3 jours pour envoyer vos fiches"),
        (0, "Campagne de suivi 2024-2025 : vos fiches sont attendues aujourd'hui"),
        (-2, "Campagne de suivi 2024-2025 : vos fiches sont en retard"),
    ],
)
def test_the_reminder_says_how_long_is_left_and_what_is_missing(db, site_url, days_left, subject):
    rendered = rendered_mail(
        "round_reminder", sent_count=1, remaining_count=1, days_left=days_left, message=""
    )

    assert rendered["_subject.txt"].strip() == subject
    for part in (".txt", ".html"):
        assert "Il reste une fiche à envoyer sur 2." in rendered[part]
        assert "22 décembre 2026" in rendered[part]
        assert "https://citedu.example.org/admin/suivi/7/" in rendered[part]
