"""The cache of the public pages and CSVs, keyed on the content revision of what they show.

``@public_page()`` decorates a view of one strategy (its ``slug`` argument);
``@public_page(every_strategy=True)`` a view that shows them all (the home page, a legal page). For
an anonymous visitor (no session cookie, no pending message) the answer is kept under a key made of
the host, the path, the sorted query string, the language, the local date (an action's lateness
depends on it) and the revision(s) (``strategy.revision``): a write bumps the revision, so the next
visitor gets a new key and sees the change; nothing is ever cleared by hand. The cache is Django's
(``CACHE_URL``: one process's memory by default, Redis in production), each entry kept ``TIMEOUT``
seconds at most.

- **ETag**: the key's digest, weak (the same ETag for the gzip and identity encodings). A request
  whose ``If-None-Match`` holds it gets a 304 before the view runs: one query (the revision).
- **Cache-Control**: ``public, max-age=0, must-revalidate`` for the anonymous answer; every use is
  revalidated, so a shared cache never serves it to a logged-in reader without asking (and the
  answer to them is another, ``private``, with no ETag). That is why the anonymous answer does not
  carry ``Vary: Cookie`` (``PublicPageMiddleware`` removes what the session middleware adds), but
  keeps ``Vary: Accept-Language, Accept-Encoding``.
- **Compression**: gzip, here and only for these answers. BREACH guesses a secret by compressing it
  beside text the attacker chose (a query string echoed in the page); an anonymous public page
  holds no secret: no CSRF token (no form: the language switch is a link), no session, no personal
  data. Pages with a CSRF token (login, admin, a partner's contribution form) are never compressed.
  The gzip variant is stored beside the identity one, so a hit compresses nothing.
- Only GET/HEAD answered 200, with no cookie set, no CSRF token and no ``Vary: Cookie`` from the
  view, are stored. A streamed answer (a CSV) is streamed as it is produced and stored at its end
  when it stays under ``MAX_STORED_BYTES``.
- Logged-in readers (partners, staff) see other things (drafts under consultation, contributions):
  their answers are never cached nor given an ETag, and are marked ``private, no-store``.
"""

import functools
import hashlib

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse, HttpResponseNotModified
from django.middleware.gzip import GZipMiddleware
from django.utils import timezone, translation
from django.utils.cache import add_never_cache_headers, cc_delim_re, patch_cache_control, patch_vary_headers
from django.utils.http import parse_etags

from strategy import revision

#: Bump when what a cached page holds changes shape (a deployment changing templates needs no bump:
#: set ``CACHE_URL`` to a fresh Redis database, or restart for the in-memory cache).
VERSION = "1"
#: The longest an entry is kept: the revision already makes a stale entry unreachable.
TIMEOUT = 60 * 60
#: A streamed answer longer than this is streamed but not stored.
MAX_STORED_BYTES = 8 * 1024 * 1024
#: Headers of the view's answer that are not kept with it (set again on each answer).
_NOT_STORED = {"set-cookie", "etag", "cache-control"}


class _Gzip(GZipMiddleware):
    # The random padding of Django's gzip mitigates BREACH for pages with a secret; ours have none.
    max_random_bytes = 0


_gzip = _Gzip(lambda request: None)


def public_page(every_strategy=False, strategy_argument="slug"):
    """Caches the view's anonymous answers under the revision of its strategy (the view's
    ``strategy_argument``), or of every strategy when ``every_strategy``."""

    def decorator(view):
        @functools.wraps(view)
        def wrapper(request, *args, **kwargs):
            if not _cacheable_request(request):
                response = view(request, *args, **kwargs)
                if request.user.is_authenticated:
                    add_never_cache_headers(response)
                return response
            if every_strategy:
                revisions = ("all", revision.all_revisions())
            else:
                revisions = revision.of_slug(kwargs[strategy_argument])
                if revisions is None:  # no such strategy: the view answers its 404
                    return view(request, *args, **kwargs)
            return _serve(request, _key(request, revisions), view, args, kwargs)

        return wrapper

    return decorator


def _cacheable_request(request):
    """An anonymous GET/HEAD with nothing personal to show (no session, no message waiting)."""
    return (
        request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and getattr(settings, "MESSAGE_COOKIE_NAME", "messages") not in request.COOKIES
    )


def _key(request, revisions):
    query = sorted(request.GET.lists(), key=lambda item: item[0])
    parts = (
        VERSION,
        request.scheme,
        request.get_host(),
        request.path,
        query,
        translation.get_language(),
        timezone.localdate().isoformat(),
        revisions,
    )
    return "citedu.page." + hashlib.sha256(repr(parts).encode()).hexdigest()[:40]


def etag_of(key):
    return f'W/"{key.rsplit(".", 1)[1]}"'


def _serve(request, key, view, args, kwargs):
    etag = etag_of(key)
    if _matches(request, etag):
        return _public(HttpResponseNotModified(), etag)
    gzip = _gzip_accepted(request)
    if gzip and (entry := cache.get(key + ".gzip")) is not None:
        return _public(_rebuild(entry), etag)
    if (entry := cache.get(key + ".identity")) is not None:
        response = _rebuild(entry)
        if gzip:
            response = _compress_and_store(request, response, key)
        return _public(response, etag)
    response = view(request, *args, **kwargs)
    if not _storable(request, response):
        return response
    if response.streaming:
        # A filtered file (a query string) is streamed but not stored: any parameter makes a new key,
        # and files are large (the cache's memory is not the visitor's to fill).
        if not request.GET:
            # The headers as they are now, before gzip adds its Content-Encoding: what is stored is
            # the plain body.
            headers = _stored_headers(response)
            response.streaming_content = _stored_at_end(response.streaming_content, headers, key)
        if gzip:
            response = _gzip.process_response(request, response)
    else:
        cache.set(key + ".identity", _frozen(response), TIMEOUT)
        if gzip:
            response = _compress_and_store(request, response, key)
    return _public(response, etag)


def _matches(request, etag):
    header = request.META.get("HTTP_IF_NONE_MATCH")
    if not header:
        return False
    wanted = etag.removeprefix("W/")
    # Not « * »: it would answer 304 for a draft's address before the view says 404.
    return any(tag.removeprefix("W/") == wanted for tag in parse_etags(header))


def _gzip_accepted(request):
    return "gzip" in request.META.get("HTTP_ACCEPT_ENCODING", "")


def _storable(request, response):
    vary = {value.strip().lower() for value in cc_delim_re.split(response.get("Vary", ""))}
    return (
        response.status_code == 200
        and not response.cookies
        and "cookie" not in vary
        and not response.has_header("Content-Encoding")
        # The page asked for a CSRF token (a form): it is someone's, never the public's.
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
    )


def _frozen(response):
    return {"headers": _stored_headers(response), "body": response.content}


def _rebuild(entry):
    response = HttpResponse(entry["body"])
    for name, value in entry["headers"]:
        response[name] = value
    return response


def _compress_and_store(request, response, key):
    response = _gzip.process_response(request, response)
    if response.has_header("Content-Encoding"):
        cache.set(key + ".gzip", _frozen(response), TIMEOUT)
    return response


def _stored_headers(response):
    return [(name, value) for name, value in response.items() if name.lower() not in _NOT_STORED]


def _stored_at_end(chunks, headers, key):
    """Yields the streamed chunks and stores the whole body once streamed (if not too long)."""
    kept, size = [], 0
    for chunk in chunks:
        if kept is not None:
            size += len(chunk)
            if size <= MAX_STORED_BYTES:
                kept.append(chunk)
            else:
                kept = None
        yield chunk
    if kept is not None:
        cache.set(key + ".identity", {"headers": headers, "body": b"".join(kept)}, TIMEOUT)


def _public(response, etag):
    response["ETag"] = etag
    patch_cache_control(response, public=True, max_age=0, must_revalidate=True)
    patch_vary_headers(response, ("Accept-Encoding",))
    response.citedu_public = True
    return response


class PublicPageMiddleware:
    """Removes ``Vary: Cookie`` from the anonymous answers of ``public_page`` (placed before the
    session middleware, it sees the answer after it): they depend on no cookie, and each use of
    them is revalidated (``must-revalidate``), by the reader's browser or any cache between."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if getattr(response, "citedu_public", False) and response.has_header("Vary"):
            kept = [
                value for value in cc_delim_re.split(response["Vary"]) if value.strip().lower() != "cookie"
            ]
            if kept:
                response["Vary"] = ", ".join(kept)
            else:
                del response["Vary"]
        return response
