"""Reading the portal's settings from the environment, in one place.

Every reader fails loudly on a value it cannot understand: a typo in production must stop the
start, never fall back silently to a development default. URLs (database, cache, e-mail) are parsed
by django-environ; the schemes each one accepts are the documented ones, so an unknown scheme
stops the start naming its variable instead of failing later in a backend.

Booleans and lists stay hand-written on purpose: django-environ reads any unknown word as false
(``SECURE_SSL_REDIRECT=ture`` would silently turn the redirect off) and keeps the spaces around
list items (``ALLOWED_HOSTS=a.fr, b.fr`` would serve `` b.fr``).
"""

import os
from urllib.parse import urlsplit

import environ
from django.core.exceptions import ImproperlyConfigured

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}

_SMTP = "django.core.mail.backends.smtp.EmailBackend"
_EMAIL_BACKENDS = {
    "smtp": _SMTP,
    "smtps": _SMTP,
    "console": "django.core.mail.backends.console.EmailBackend",
    "dummy": "django.core.mail.backends.dummy.EmailBackend",
}
_REDIS = "django.core.cache.backends.redis.RedisCache"
_CACHE_BACKENDS = {
    "redis": _REDIS,
    "rediss": _REDIS,
    "locmem": "django.core.cache.backends.locmem.LocMemCache",
}
_DATABASE_SCHEMES = {"sqlite", "postgres", "postgresql"}
_UNCONFIGURED_EMAIL_BACKEND = "citedu.environment.UnconfiguredEmailBackend"

# What the entry points require with DEBUG off, and how to give it.
_REQUIRED_IN_PRODUCTION = {
    "SECRET_KEY": "",
    "ALLOWED_HOSTS": " (the host names served, comma-separated)",
    "EMAIL_URL": " (smtp://user:password@host:587, smtps://user:password@host:465, "
    "or console:// to write mail to the log)",
    "SITE_URL": " (the portal's public address, e.g. https://education.ville.fr: every mail links to it)",
}


class _Env(environ.Env):
    """django-environ's parsers, with Citédu's scheme names (``smtps`` is implicit TLS, see below)."""

    EMAIL_SCHEMES = {**environ.Env.EMAIL_SCHEMES, **_EMAIL_BACKENDS}
    # Django's own Redis backend whether or not django-redis happens to be installed.
    CACHE_SCHEMES = {**environ.Env.CACHE_SCHEMES, **_CACHE_BACKENDS}


def env_str(name, default=None):
    value = os.environ.get(name)
    if value is None:
        if default is None:
            raise ImproperlyConfigured(f"The environment variable {name} is required.")
        return default
    return value


def env_bool(name, default=False):
    raw = os.environ.get(name)
    if raw is None:
        return default
    lowered = raw.strip().lower()
    if lowered in _TRUE:
        return True
    if lowered in _FALSE:
        return False
    raise ImproperlyConfigured(f"{name}={raw!r} is not a boolean (use 1/0, true/false, yes/no, on/off).")


def env_list(name, default=()):
    raw = os.environ.get(name)
    if raw is None:
        return list(default)
    return [item.strip() for item in raw.split(",") if item.strip()]


def env_int(name, default):
    raw = os.environ.get(name)
    if raw is None:
        return default
    try:
        return int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name}={raw!r} is not an integer.") from None


def _scheme(raw):
    return raw.partition("://")[0].lower() if "://" in raw else ""


def _shown(raw):
    """What an error message may show of a URL: its scheme, never a password."""
    return f"{_scheme(raw)}://…" if "://" in raw else "a value without a scheme"


def env_database_url(name, default):
    """The ``DATABASES["default"]`` entry for a ``sqlite://`` or ``postgres://`` URL."""
    raw = env_str(name, default=default)
    if _scheme(raw) not in _DATABASE_SCHEMES:
        raise ImproperlyConfigured(
            f"{name}: {_shown(raw)} is not a database URL; "
            "use sqlite:///path/to/file.sqlite3 or postgres://user:password@host:5432/name."
        )
    return _Env.db_url_config(raw)


def env_cache_url(name, default):
    """The ``CACHES["default"]`` entry for a ``redis://``, ``rediss://`` or ``locmem://`` URL."""
    raw = env_str(name, default=default)
    if _scheme(raw) not in _CACHE_BACKENDS:
        raise ImproperlyConfigured(
            f"{name}: {_shown(raw)} is not a cache URL; use redis://host:6379/0, rediss://… or locmem://."
        )
    config = _Env.cache_url_config(raw)
    if config["BACKEND"] != _REDIS:
        config.pop("LOCATION", None)
    return config


def env_site_url(name, default):
    """The portal's public address (``https://host[:port][/prefix]``, no trailing slash), or "" when
    the variable is missing and ``default`` is None (production: the entry points then refuse to serve
    and every mail refuses to go, naming it)."""
    raw = os.environ.get(name, default)
    if raw is None:
        return ""
    parsed = urlsplit(raw.strip())
    if parsed.scheme not in {"http", "https"} or not parsed.netloc or parsed.query or parsed.fragment:
        raise ImproperlyConfigured(
            f"{name}={raw!r} is not the portal's address; write it as https://education.ville.fr."
        )
    return raw.strip().rstrip("/")


def env_email_url(name, default, production):
    """The ``EMAIL_*`` settings for a ``smtp://``, ``smtps://``, ``console://`` or ``dummy://`` URL.

    ``smtps://`` is implicit TLS (port 465 by default); ``smtp://`` uses STARTTLS on port 587.
    In production (``production`` true) mail is never dropped: ``dummy://`` is refused, and without
    the variable (``default`` None) the backend refuses to send, naming it, and the entry points
    refuse to serve (:func:`require_production_settings`).
    """
    raw = os.environ.get(name, default)
    if raw is None:
        return _email_settings(_UNCONFIGURED_EMAIL_BACKEND)
    scheme = _scheme(raw)
    if scheme not in _EMAIL_BACKENDS:
        raise ImproperlyConfigured(
            f"{name}: {_shown(raw)} is not an e-mail URL; use smtp://, smtps://, console:// or dummy://."
        )
    if scheme == "dummy" and production:
        raise ImproperlyConfigured(
            f"{name}: dummy:// drops every e-mail, which is refused when DEBUG is off: "
            "give an smtp:// or smtps:// server, or console:// to write mail to the log."
        )
    config = _Env.email_url_config(raw)
    if config.get("OPTIONS"):
        raise ImproperlyConfigured(f"{name}: query options (?…) are not read, remove them.")
    port = config["EMAIL_PORT"] or (465 if scheme == "smtps" else 25)
    return _email_settings(
        config["EMAIL_BACKEND"],
        host=config["EMAIL_HOST"] or "localhost",
        port=port,
        user=config["EMAIL_HOST_USER"] or "",
        password=config["EMAIL_HOST_PASSWORD"] or "",
        # django-environ reads smtps:// as STARTTLS; here it is implicit TLS, as mail providers name it.
        use_ssl=scheme == "smtps",
        use_tls=scheme == "smtp" and port == 587,
    )


def _email_settings(backend, host="localhost", port=25, user="", password="", use_ssl=False, use_tls=False):
    return {
        "EMAIL_BACKEND": backend,
        "EMAIL_HOST": host,
        "EMAIL_PORT": port,
        "EMAIL_HOST_USER": user,
        "EMAIL_HOST_PASSWORD": password,
        "EMAIL_USE_SSL": use_ssl,
        "EMAIL_USE_TLS": use_tls,
    }


class UnconfiguredEmailBackend:
    """The e-mail backend of a production without ``EMAIL_URL``: it refuses, never drops, mail."""

    def __init__(self, *args, **kwargs):
        raise ImproperlyConfigured(
            "EMAIL_URL must be set when DEBUG is off" + _REQUIRED_IN_PRODUCTION["EMAIL_URL"] + "."
        )


def missing_production_settings():
    """The names of the variables production requires and lacks (none when DEBUG is on)."""
    from django.conf import settings

    if settings.DEBUG:
        return []
    missing = []
    if not os.environ.get("SECRET_KEY"):
        missing.append("SECRET_KEY")
    if not settings.ALLOWED_HOSTS:
        missing.append("ALLOWED_HOSTS")
    if settings.EMAIL_BACKEND == _UNCONFIGURED_EMAIL_BACKEND:
        missing.append("EMAIL_URL")
    if not settings.CITEDU_SITE_URL:
        missing.append("SITE_URL")
    return missing


def require_production_settings():
    """Called by the WSGI and ASGI entry points: never serve production without a real secret key,
    the host names it answers for and a way to send mail.

    Settings themselves don't require them, so that commands that need none (``makemigrations``,
    ``migrate``) still run on a bare checkout.
    """
    missing = missing_production_settings()
    if missing:
        raise ImproperlyConfigured(
            " ".join(
                f"{name} must be set when DEBUG is off{_REQUIRED_IN_PRODUCTION[name]}." for name in missing
            )
        )
