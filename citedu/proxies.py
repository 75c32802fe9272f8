"""The client's address behind the trusted reverse proxies (``CITEDU_TRUSTED_PROXIES``)."""

from django.conf import settings


def client_address(request):
    """REMOTE_ADDR, or with N trusted proxies the N-th address from the right of X-Forwarded-For.

    Each proxy appends the address it received the request from, so whatever a client writes in the
    header itself stays on the left and is never read. Without trusted proxies the header is ignored.
    """
    trusted = settings.CITEDU_TRUSTED_PROXIES
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    if trusted and len(forwarded) >= trusted and forwarded[-trusted]:
        return forwarded[-trusted]
    return request.META.get("REMOTE_ADDR")
