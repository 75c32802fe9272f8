"""Reading and changing what a user wants to receive (``MailPreference``), in one place."""

from django.conf import settings

from notifications import kinds
from notifications.models import MailPreference
from notifications.tokens import ALL_KINDS


def of(user):
    """The user's preferences, unsaved defaults (every kind, one mail at a time, French) without a row."""
    preference = MailPreference.objects.filter(user=user).first()
    return preference or MailPreference(user=user, language=settings.LANGUAGE_CODE)


def language_of(user):
    return MailPreference.objects.filter(user=user).values_list("language", flat=True).first() or (
        settings.LANGUAGE_CODE
    )


def turn_off(user, kind_code):
    """Stop one kind of mail (or every optional kind, ``tokens.ALL_KINDS``); returns the kinds stopped."""
    preference = of(user)
    codes = (
        [kind.code for kind in kinds.KINDS.values() if kind.optional]
        if kind_code == ALL_KINDS
        else [kind_code]
    )
    preference.disabled_kinds = sorted(set(preference.disabled_kinds) | set(codes))
    preference.save()
    return codes
