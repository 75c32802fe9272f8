"""The signed token of a one-click unsubscribe link: who, and which kind of mail to stop.

Signed with the secret key (``django.core.signing``), so a link cannot be made for someone else or
another kind; it never expires, since a mail read months later must still let its reader stop it.
"""

from django.core import signing

_SALT = "citedu.notifications.unsubscribe"

#: The kind a digest's link stops: every kind of mail that may be turned off.
ALL_KINDS = "*"


def make(user, kind_code):
    return signing.dumps({"u": user.pk, "k": kind_code}, salt=_SALT, compress=False)


def read(token):
    """``(user_id, kind_code)`` from a token, or None for a bad or tampered one."""
    try:
        data = signing.loads(token, salt=_SALT)
    except signing.BadSignature:
        return None
    if not isinstance(data, dict) or not isinstance(data.get("u"), int) or not isinstance(data.get("k"), str):
        return None
    return data["u"], data["k"]
