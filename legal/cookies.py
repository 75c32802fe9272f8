"""The cookies the portal sets, all strictly necessary (no consent needed, CNIL guidance on art. 82
of the loi Informatique et Libertés): what the cookies section of the personal data page lists."""

from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

DAY = 24 * 60 * 60


@dataclass(frozen=True)
class Cookie:
    name: str
    purpose: str
    lifetime: str


def _lifetime(seconds):
    if seconds is None:
        return _("jusqu'à la fermeture du navigateur")
    days = max(1, seconds // DAY)
    return ngettext("%(days)d jour au plus", "%(days)d jours au plus", days) % {"days": days}


def portal_cookies():
    """The session, the forms' protection and the chosen language, under the names and for the
    lifetimes the settings give."""
    session_age = None if settings.SESSION_EXPIRE_AT_BROWSER_CLOSE else settings.SESSION_COOKIE_AGE
    return [
        Cookie(
            settings.SESSION_COOKIE_NAME,
            _("garder votre connexion ouverte, seulement si vous vous connectez"),
            _lifetime(session_age),
        ),
        Cookie(
            settings.CSRF_COOKIE_NAME,
            _("protéger les formulaires contre leur envoi depuis un autre site"),
            _lifetime(settings.CSRF_COOKIE_AGE),
        ),
        Cookie(
            settings.LANGUAGE_COOKIE_NAME,
            _("retenir la langue choisie, seulement si vous en choisissez une"),
            _lifetime(settings.LANGUAGE_COOKIE_AGE),
        ),
    ]
