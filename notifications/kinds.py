"""The kinds of e-mail Citédu sends, registered by the apps whose events send them.

A kind has a code (stored on each notification and in the users' preferences), a label for the
preferences page, the reason every mail of the kind gives (« Vous recevez ce courriel parce que… »),
and its templates: ``notifications/mail/<code>.txt``, ``.html`` and ``_subject.txt``. The domain
apps register their kinds (``register``) from their ``AppConfig.ready``; this app imports none of
them.
"""

from dataclasses import dataclass

from django.utils.functional import Promise


@dataclass(frozen=True)
class MailKind:
    code: str
    label: Promise
    reason: Promise
    #: Whether a user may turn this kind off (every kind so far may).
    optional: bool = True

    @property
    def template_base(self):
        return f"notifications/mail/{self.code}"


KINDS: dict[str, MailKind] = {}


def register(kind):
    if kind.code in KINDS and KINDS[kind.code] != kind:
        raise ValueError(f"Two mail kinds are registered under {kind.code!r}.")
    KINDS[kind.code] = kind
    return kind


def get(code):
    return KINDS[code]
