"""The daily digest through the worker's schedule, the one-click unsubscribe link, and sending once."""

import datetime
import html

from django.test import Client
from django.utils import timezone

from actors import roles
from notifications import outbox, tokens
from notifications.models import MailPreference, Notification
from notifications.tasks import send_notification
from strategy import mail as strategy_mail
from tests.mail import html_of, text_of
from tests.notifications.conftest import prefer, unsubscribe_path
from tests.queue import run_worker
from tests.strategy.factories import ContributionFactory, UserFactory
from worker.models import ScheduledJob


def _two_contributions():
    first = ContributionFactory(body="Première idée.")
    second = ContributionFactory(body="Seconde idée.", strategy=first.strategy)
    strategy_mail.contribution_new(first)
    strategy_mail.contribution_new(second)


def test_a_digest_user_gets_the_day_in_one_mail_when_the_schedule_says_so(smtp, coordinators):
    digest_user, instant_user = coordinators[:2]
    prefer(digest_user, digest=True)
    _two_contributions()
    run_worker()  # the instant mail goes; the digest waits for its time
    assert smtp.recipients() == [instant_user.email, instant_user.email]
    job = ScheduledJob.objects.get(name="daily_digest")
    assert timezone.localtime(job.next_run_at).time() == datetime.time(7, 0)
    ScheduledJob.objects.filter(pk=job.pk).update(next_run_at=timezone.now() - datetime.timedelta(minutes=1))
    run_worker()
    digests = smtp.to(digest_user.email)
    assert len(digests) == 1
    assert digests[0]["Subject"].strip() == "Citédu : 2 nouvelles du jour"
    assert text_of(digests[0]).count("Nouvelle contribution sur") == 2
    assert "/admin/strategy/contribution/" in html_of(digests[0])
    assert not Notification.objects.filter(user=digest_user, sent_at__isnull=True).exists()
    assert ScheduledJob.objects.get(pk=job.pk).next_run_at > timezone.now()
    run_worker()  # the job ran for today: nothing more
    assert len(smtp.to(digest_user.email)) == 1


def test_the_one_click_unsubscribe_works_without_login_nor_csrf_token(smtp, coordinators):
    _two_contributions()
    run_worker()
    message = smtp.to(coordinators[0].email)[0]
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    robot = Client(enforce_csrf_checks=True)
    response = robot.post(unsubscribe_path(message), {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert "vous ne recevrez plus les courriels « Nouvelle contribution d'un partenaire »" in (
        html.unescape(response.content.decode())
    )
    assert MailPreference.objects.get(user=coordinators[0]).disabled_kinds == ["contribution_new"]
    smtp.messages.clear()
    _two_contributions()
    run_worker()
    assert smtp.to(coordinators[0].email) == []
    assert len(smtp.to(coordinators[1].email)) == 2


def test_the_unsubscribe_page_asks_before_stopping(client, coordinators):
    path = f"/comptes/courriels/arreter/{tokens.make(coordinators[0], 'contribution_new')}/"
    page = client.get(path)
    assert page.status_code == 200
    assert "Arrêter ces courriels" in page.content.decode()
    assert not MailPreference.objects.exists()


def test_a_tampered_or_unknown_token_gets_a_french_error_and_changes_nothing(client, coordinators):
    token = tokens.make(coordinators[0], "contribution_new")
    tampered = client.post(f"/comptes/courriels/arreter/{token[:-2]}xx/")
    assert tampered.status_code == 400
    assert "Ce lien de désinscription n'est pas valide" in html.unescape(tampered.content.decode())
    unknown = client.get(f"/comptes/courriels/arreter/{tokens.make(coordinators[0], 'no_such_kind')}/")
    assert unknown.status_code == 404
    assert "Ce lien ne correspond à aucun courriel" in html.unescape(unknown.content.decode())
    assert not MailPreference.objects.exists()


def test_a_refused_delivery_is_retried_and_the_mail_arrives_once(smtp, coordinators):
    smtp.refuse = 1  # the server is busy at the first attempt
    notification = outbox.notify(
        "contribution_new",
        [coordinators[0]],
        params=_params(),
        link="/admin/",
    )[0]
    run_worker()
    assert len(smtp.to(coordinators[0].email)) == 1
    notification.refresh_from_db()
    assert notification.sent_to == coordinators[0].email
    # The same task again (a retry after a lost answer): the row says it was sent.
    send_notification.enqueue(notification_id=notification.pk)
    run_worker()
    assert len(smtp.to(coordinators[0].email)) == 1


def test_an_account_without_address_gets_no_notification(smtp, db):
    silent = UserFactory(username="muet", email="", role=roles.COORDINATION)
    assert outbox.notify("contribution_new", [silent], params=_params(), link="/admin/") == []
    run_worker()
    assert smtp.messages == []


def _params():
    return {
        "strategy": "PEDT",
        "author": "Camille",
        "excerpt": "Une idée.",
        "target_type": "strategy",
        "target_code": "",
        "target_title": "",
    }
