"""``notify``: the one door through which the apps send mail.

The apps call ``notify(kind, users, params=..., link=...)`` when something happens, inside the
transaction that made it happen. Each recipient who has an address and has not turned the kind off
gets a ``Notification``; it is sent by the worker (queue « mail »), at once or in the next daily
digest as the user chose. Nothing is sent from the request.
"""

from notifications import kinds
from notifications.models import MailPreference, Notification
from notifications.tasks import send_notification


def reachable(users):
    """The users among ``users`` that mail can reach: active, with an address."""
    return [user for user in users if user.is_active and user.email]


def notify(kind_code, users, *, params, link):
    """Queue one mail of ``kind_code`` to each of ``users`` (deduplicated); returns the notifications."""
    kind = kinds.get(kind_code)
    recipients = {user.pk: user for user in reachable(users)}
    preferences = MailPreference.objects.in_bulk(list(recipients), field_name="user_id")
    created = []
    for user_pk, user in recipients.items():
        preference = preferences.get(user_pk)
        if preference is not None and kind.optional and not preference.wants(kind.code):
            continue
        created.append(
            Notification.objects.create(
                user=user,
                kind=kind.code,
                params=params,
                link=link,
                in_digest=preference is not None and preference.digest,
            )
        )
    _queue_sending([notification for notification in created if not notification.in_digest])
    return created


def _queue_sending(notifications):
    # The database backend writes the tasks in the caller's transaction: nothing is sent for an
    # event that is rolled back.
    for notification in notifications:
        send_notification.enqueue(notification_id=notification.pk)
    return notifications
