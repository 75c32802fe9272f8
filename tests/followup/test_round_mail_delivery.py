"""The round's mail as pilots receive it: opened through the admin, reminded by the worker's schedule,
delivered by the real worker to a real SMTP server."""

import datetime

from django.utils import timezone

from followup import rounds
from followup.models import ReportingRound
from notifications.models import Notification
from tests.followup.conftest import report_of
from tests.followup.test_round_admin import url
from tests.mail import html_of, smtp, text_of  # noqa: F401  (the fixture)
from tests.notifications.conftest import link_of, prefer
from tests.queue import run_worker
from tests.strategy.admin.html_forms import submitted_data
from worker.models import ScheduledJob


def test_opening_a_round_mails_each_pilot_once_with_a_link_to_their_list(client, smtp, round_world):  # noqa: F811
    round, users = round_world["round"], round_world["users"]
    prefer(users["culture"], language="en")
    client.force_login(users["coordination"])
    page = client.get(url("open", round)).content.decode()
    client.post(url("open", round), submitted_data(page, "citedu-round-open-form"))
    assert smtp.messages == []  # nothing is sent from the request

    run_worker()

    assert smtp.recipients() == sorted([users["youth"].email, users["culture"].email])
    youth_mail = smtp.to(users["youth"].email)[0]
    assert youth_mail["Subject"].strip() == "Campagne de suivi 2024-2025 ouverte : vos fiches sont à remplir"
    assert "2 actions de votre structure sont concernées" in text_of(youth_mail)
    assert "Merci de remplir vos fiches avant le comité de pilotage." in html_of(youth_mail)
    assert "Vous recevez ce courriel parce que votre structure pilote des actions" in text_of(youth_mail)
    english = smtp.to(users["culture"].email)[0]
    assert '<html lang="en"' in html_of(english)
    client.force_login(users["youth"])
    answer = client.get(link_of(youth_mail))
    assert answer.status_code == 200
    listed = answer.content.decode()
    assert "Stages de collégiens" in listed and "Coup de pouce" in listed
    assert "Un film par an" not in listed  # the culture department's action
    run_worker()
    assert len(smtp.messages) == 2  # once


def _make_reminders_due(round, *, days_left):
    ReportingRound.objects.filter(pk=round.pk).update(
        deadline=timezone.localdate() + datetime.timedelta(days=days_left), reminder_days=days_left
    )
    run_worker()  # the worker writes its schedule
    ScheduledJob.objects.filter(name="round_reminders").update(
        next_run_at=timezone.now() - datetime.timedelta(minutes=1)
    )


def test_the_schedule_reminds_only_the_organisations_not_done_once_a_day(smtp, open_world):  # noqa: F811
    round, users = open_world["round"], open_world["users"]
    rounds.send_report(report_of(open_world, "culture"), users["culture"])
    _make_reminders_due(round, days_left=3)
    assert not Notification.objects.filter(kind="round_reminder").exists()

    run_worker()

    assert smtp.recipients() == [users["youth"].email]  # culture is done; sport has nobody to write to
    reminder = smtp.messages[0]
    assert (
        reminder["Subject"].strip()
        == "Campagne de suivi 2024-2025 : plus que 3 jours pour envoyer vos fiches"
    )
    assert "Il reste 2 fiches à envoyer sur 2." in text_of(reminder)
    youth = round.participants.get(organisation=open_world["organisations"]["youth"])
    assert youth.reminder_count == 1
    ScheduledJob.objects.filter(name="round_reminders").update(
        next_run_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    run_worker()
    assert len(smtp.messages) == 1  # never twice the same day
