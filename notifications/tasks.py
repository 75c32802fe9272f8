"""Sending mail, on the worker's « mail » queue: never in a request.

- ``send_notification``: one notification, sent at most once (its row is locked and skipped once
  ``sent_at`` is set), so a retried task never sends it twice.
- ``send_daily_digests`` (scheduled every morning, ``CITEDU_SCHEDULE``): one ``send_digest`` per user
  with notifications waiting for their digest.
- ``send_digest``: one mail grouping a user's waiting notifications, which are then marked sent.

The lock is held while the SMTP server answers: if the server accepts a mail and the commit then
fails, a retry sends it again (at least once); every other failure leaves it unsent for the retry.
"""

from django.db import transaction
from django.utils import timezone
from django_tasks import task

from notifications import kinds, preferences, sending
from notifications.models import Notification


def _reachable(user):
    return user.is_active and bool(user.email)


@task(queue_name="mail")
def send_notification(notification_id):
    with transaction.atomic():
        notification = (
            Notification.objects.select_for_update()
            .select_related("user")
            .filter(pk=notification_id, sent_at__isnull=True)
            .first()
        )
        if notification is None:
            return "already sent"
        user = notification.user
        kind = kinds.get(notification.kind)
        wanted = not kind.optional or preferences.of(user).wants(kind.code)
        if not _reachable(user) or not wanted:
            # Address removed or kind turned off since: recorded as handled, sent to nobody.
            Notification.objects.filter(pk=notification.pk).update(sent_at=timezone.now(), sent_to="")
            return "dropped"
        sending.message_for(notification).send()
        Notification.objects.filter(pk=notification.pk).update(sent_at=timezone.now(), sent_to=user.email)
    return "sent"


@task(queue_name="mail")
def send_daily_digests():
    users = sorted(set(Notification.objects.for_digest().values_list("user_id", flat=True)))
    for user_id in users:
        send_digest.enqueue(user_id=user_id)
    return f"{len(users)} digests queued"


@task(queue_name="mail")
def send_digest(user_id):
    with transaction.atomic():
        waiting = list(
            Notification.objects.for_digest()
            .select_for_update()
            .filter(user_id=user_id)
            .select_related("user")
            .order_by("created_at", "pk")
        )
        if not waiting:
            return "nothing to send"
        user = waiting[0].user
        ids = [notification.pk for notification in waiting]
        if not _reachable(user):
            Notification.objects.filter(pk__in=ids).update(sent_at=timezone.now(), sent_to="")
            return "dropped"
        sending.digest_for(user, waiting).send()
        Notification.objects.filter(pk__in=ids).update(sent_at=timezone.now(), sent_to=user.email)
    return f"{len(ids)} grouped"
