"""Turning notifications into mail: rendered in the recipient's language, plain text with an HTML
alternative, a direct absolute link, and a footer that says why it was sent and how to stop it.

Every mail of a kind uses ``notifications/mail/<code>.txt``, ``.html`` and ``_subject.txt`` (they
extend ``notifications/mail/layout.txt`` and ``layout.html``); the digest lists each notification
by its subject line, its one sentence (``<code>_summary.txt``, the kind's label without it) and its link.
"""

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.mail import EmailMultiAlternatives
from django.template import TemplateDoesNotExist
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from notifications import kinds, preferences, tokens


def absolute(path):
    """The portal's address of a path (``/admin/…``, ``/strategies/…``)."""
    if not settings.CITEDU_SITE_URL:
        raise ImproperlyConfigured("SITE_URL must be set when DEBUG is off: a mail's links need it.")
    return settings.CITEDU_SITE_URL + path


def _footer_context(user, kind_code, reason):
    unsubscribe = absolute(reverse("notifications:unsubscribe", args=[tokens.make(user, kind_code)]))
    return {
        "reason": reason,
        "preferences_url": absolute(reverse("notifications:preferences")),
        "unsubscribe_url": unsubscribe,
        "portal_name": settings.CITEDU_PORTAL_NAME,
        "brand_colour": settings.CITEDU_BRAND_COLOUR,
        "site_url": settings.CITEDU_SITE_URL,
    }


def _subject(template, context):
    return " ".join(render_to_string(template, context).split())


def _message(user, subject, context, template_base, unsubscribe_url):
    message = EmailMultiAlternatives(
        subject=subject,
        body=render_to_string(f"{template_base}.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[user.email],
        headers={
            # RFC 2369 and RFC 8058: the mail client's own « unsubscribe » button, one click (POST).
            "List-Unsubscribe": f"<{unsubscribe_url}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            "Auto-Submitted": "auto-generated",
        },
    )
    message.attach_alternative(render_to_string(f"{template_base}.html", context), "text/html")
    return message


def _notification_context(notification):
    return {"params": notification.params, "link": absolute(notification.link), "user": notification.user}


def message_for(notification):
    """The mail of one notification, in its recipient's language."""
    kind = kinds.get(notification.kind)
    user = notification.user
    with translation.override(preferences.language_of(user)):
        context = {**_notification_context(notification), **_footer_context(user, kind.code, kind.reason)}
        context["subject"] = _subject(f"{kind.template_base}_subject.txt", context)
        return _message(user, context["subject"], context, kind.template_base, context["unsubscribe_url"])


def _summary(kind, context):
    try:
        return " ".join(render_to_string(f"{kind.template_base}_summary.txt", context).split())
    except TemplateDoesNotExist:
        return str(kind.label)


def digest_for(user, notifications):
    """One mail grouping ``notifications`` (oldest first), in the user's language."""
    with translation.override(preferences.language_of(user)):
        items = []
        for notification in notifications:
            kind = kinds.get(notification.kind)
            context = _notification_context(notification)
            items.append(
                {
                    "subject": _subject(f"{kind.template_base}_subject.txt", context),
                    "summary": _summary(kind, context),
                    "link": context["link"],
                }
            )
        reason = gettext(
            "Vous recevez ce résumé parce que vous avez choisi un seul courriel par jour "
            "dans vos préférences."
        )
        context = {"items": items, "user": user, **_footer_context(user, tokens.ALL_KINDS, reason)}
        context["subject"] = _subject("notifications/mail/digest_subject.txt", context)
        return _message(
            user, context["subject"], context, "notifications/mail/digest", context["unsubscribe_url"]
        )
