"""Citédu's one settings module, read from the environment (see README and CONTRACT)."""

from pathlib import Path

from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from citedu.environment import (
    env_bool,
    env_cache_url,
    env_database_url,
    env_email_url,
    env_int,
    env_list,
    env_site_url,
    env_str,
)

BASE_DIR = Path(__file__).resolve().parent.parent

DEBUG = env_bool("DEBUG", default=False)

_DEV_SECRET_KEY = "citedu-insecure-development-key-never-use-in-production"
# Without DEBUG there is no default: an empty key makes Django refuse every use of it (signing,
# sessions, `check --deploy`), and the WSGI/ASGI entry points refuse to serve. Commands that never
# sign anything (makemigrations, migrate) still run, so a bare checkout can check its migrations.
# ALLOWED_HOSTS, EMAIL_URL and SITE_URL follow the same rule (citedu.environment.require_production_settings).
SECRET_KEY = env_str("SECRET_KEY", default=_DEV_SECRET_KEY if DEBUG else "")
if SECRET_KEY == _DEV_SECRET_KEY and not DEBUG:
    raise ImproperlyConfigured("The development SECRET_KEY cannot be used with DEBUG off.")

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "testserver"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
CSRF_FAILURE_VIEW = "citedu.errors.csrf_failure"

INSTALLED_APPS = [
    "citedu.apps.CiteduAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.postgres",
    "django_filters",
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "import_export",
    "simple_history",
    "citedu.apps.LoginSecurityConfig",
    "django_tasks",
    "citedu.apps.TaskQueueConfig",
    "worker",
    "notifications",
    "actors",
    "legal",
    "strategy",
    "indicators",
    "followup",
    "documents",
    "portal",
    "api",
    "demo",
    "maintenance",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    # Before the sessions: sees the anonymous public pages after it, to drop its Vary: Cookie.
    "strategy.page_cache.PublicPageMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "citedu.health.DatabaseUnavailableMiddleware",
    # Last, as django-axes requires: turns a lockout into its French answer.
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    # Counts failed logins and locks an account/IP pair out after too many.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "citedu.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "citedu.branding.portal",
                "legal.context_processors.accessibility",
            ],
            # |fr, |fr_paragraphs and {% lang_fr %}: French content marked in an English interface.
            "builtins": ["shared.content_language"],
        },
    },
]

WSGI_APPLICATION = "citedu.wsgi.application"

DATABASES = {
    "default": env_database_url("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'var' / 'db.sqlite3'}")
}
DATABASES["default"]["CONN_MAX_AGE"] = env_int("CONN_MAX_AGE", 60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Several processes (server, loaddemo) share the file: wait for locks instead of failing.
    DATABASES["default"]["OPTIONS"] = {"timeout": 20, "transaction_mode": "IMMEDIATE"}
    DATABASES["default"]["CONN_MAX_AGE"] = 0

# A cache shared by the processes (throttling, login lockouts, rendered PDFs) when CACHE_URL is set.
CACHES = {"default": env_cache_url("CACHE_URL", default="locmem://")}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", _("Français")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Paris"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = BASE_DIR / "staticfiles"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
MEDIA_URL = "media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", default=str(BASE_DIR / "var" / "media")))

# Mail is never dropped silently in production: see env_email_url.
_email = env_email_url("EMAIL_URL", default="console://" if DEBUG else None, production=not DEBUG)
EMAIL_BACKEND = _email["EMAIL_BACKEND"]
EMAIL_HOST = _email["EMAIL_HOST"]
EMAIL_PORT = _email["EMAIL_PORT"]
EMAIL_HOST_USER = _email["EMAIL_HOST_USER"]
EMAIL_HOST_PASSWORD = _email["EMAIL_HOST_PASSWORD"]
EMAIL_USE_SSL = _email["EMAIL_USE_SSL"]
EMAIL_USE_TLS = _email["EMAIL_USE_TLS"]
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", default="citedu@localhost")
#: The portal's public address: every mail's links are made absolute with it. Required in production
#: (like EMAIL_URL): a mail whose link points nowhere is not sent.
CITEDU_SITE_URL = env_site_url("SITE_URL", default="http://127.0.0.1:8000" if DEBUG else None)

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "/"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", default="INFO")},
    "loggers": {
        "weasyprint": {"level": "ERROR"},
        "fontTools": {"level": "ERROR"},
        "pikepdf": {"level": "WARNING"},
        # pyHanko logs a traceback for each certificate it cannot chain to a trust root; the signature
        # check stores that outcome itself (documents.signatures).
        "pyhanko": {"level": "ERROR"},
        "pyhanko_certvalidator": {"level": "ERROR"},
    },
}

REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
}

SPECTACULAR_SETTINGS = {
    # Plain ASCII: code generators name the client package after the title (openapi-python-client made
    # « api-cit-é-du-client » of « Citédu », which no installer accepts); the docs page keeps the accent.
    "TITLE": "API Citedu",
    "DESCRIPTION": "Données ouvertes des stratégies éducatives territoriales (Licence Ouverte 2.0).",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    # The action's status is in two components (an action in a list, one action with its
    # beneficiaries): its enum keeps the name it had with one.
    "ENUM_NAME_OVERRIDES": {"ActionStatusEnum": "strategy.enums.ActionStatus"},
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "api.schema.drop_answer_defaults",
        "api.schema.declare_parameters",
    ],
}

# Throttling of the API (per client, in the shared cache).
CITEDU_API_ANON_RATE = env_str("CITEDU_API_ANON_RATE", default="120/min")
CITEDU_API_USER_RATE = env_str("CITEDU_API_USER_RATE", default="600/min")

IMPORT_EXPORT_SKIP_ADMIN_ACTION_EXPORT_UI = False

# Login throttling, for 15 minutes: five failures lock an account for the address they came from, and
# five failures from one address, whatever the usernames tried, lock that address.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = 0.25  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "ip_address"]
# How many reverse proxies in front of the portal append to X-Forwarded-For. 0: the header is ignored
# (anyone can forge it) and the address is the connection's own.
CITEDU_TRUSTED_PROXIES = env_int("CITEDU_TRUSTED_PROXIES", 0)
AXES_CLIENT_IP_CALLABLE = "citedu.proxies.client_address"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
AXES_LOCKOUT_TEMPLATE = "registration/lockout.html"

# A strict Content Security Policy: no inline script or style anywhere.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

# Security defaults that hold in every environment; production adds the HTTPS ones below.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True

if not DEBUG:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    # The health check is probed over plain HTTP by the orchestrator.
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]

# Territory branding (issue: public portal).
CITEDU_BRAND_COLOUR = env_str("CITEDU_BRAND_COLOUR", default="#1d4f91")
CITEDU_PORTAL_NAME = env_str("CITEDU_PORTAL_NAME", default="Citédu")
# The territory's logo: a same-origin URL (the CSP allows images from 'self' only), e.g. /media/logo.svg.
CITEDU_LOGO_URL = env_str("CITEDU_LOGO_URL", default="")

# The background task queue (django-tasks, database backend: the Django 6 ``django.tasks`` API, with
# no server beside the database). ``python manage.py runworker`` processes it.
TASKS = {
    "default": {
        "BACKEND": "django_tasks_db.DatabaseBackend",
        "QUEUES": ["default", "documents", "mail"],
    }
}
#: How many times a task runs before its failure is final, and the first pause before a retry
#: (doubled at each attempt).
CITEDU_TASK_ATTEMPTS = env_int("CITEDU_TASK_ATTEMPTS", 3)
CITEDU_TASK_RETRY_DELAY = env_int("CITEDU_TASK_RETRY_DELAY", 30)
#: Edits within this many seconds of the first one are rendered together (one rendering).
CITEDU_DOCUMENT_DEBOUNCE = env_int("CITEDU_DOCUMENT_DEBOUNCE", 20)
#: Root certificates (PEM or DER files) the signatures of a signed copy may chain up to. None by
#: default: a signer's certificate is then reported as not verified, never as trusted.
CITEDU_SIGNATURE_TRUST_ROOTS = env_list("CITEDU_SIGNATURE_TRUST_ROOTS")
#: Above this many fiches actions, a document is rendered in parts of at most this many, assembled into
#: one file: WeasyPrint's memory grows with the pages it lays out (about 1.3 MB per action).
CITEDU_DOCUMENT_PART_SIZE = env_int("CITEDU_DOCUMENT_PART_SIZE", 100)
#: The worker's schedule (``worker.schedule``): each job's task and its time of day in TIME_ZONE,
#: enqueued once a day by ``runworker`` (no cron). A job whose task does not import is skipped.
CITEDU_SCHEDULE = {
    "daily_digest": {"task": "notifications.tasks.send_daily_digests", "at": "07:00"},
    "prune_task_results": {"task": "worker.tasks.prune_task_results", "at": "03:00"},
    "round_reminders": {"task": "followup.tasks.send_reminders", "at": "08:00"},
}
