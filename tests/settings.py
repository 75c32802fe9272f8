"""Test settings: the production module, DEBUG off, with defaults that need no HTTPS proxy."""

import os

os.environ.setdefault("SECRET_KEY", "citedu-test-secret-key-not-for-production-0123456789")
os.environ.setdefault("ALLOWED_HOSTS", "testserver,localhost,127.0.0.1")
os.environ.setdefault("SECURE_SSL_REDIRECT", "0")
os.environ.setdefault("SECURE_HSTS_SECONDS", "0")
os.environ.setdefault("SITE_URL", "http://testserver")

from citedu.settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MEDIA_ROOT = BASE_DIR / "var" / "test-media"  # noqa: F405

# Tests don't run collectstatic: no manifest.
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}  # noqa: F405
# The lockout is tested on its own (tests/citedu/test_security.py); elsewhere client.login() has no request.
AXES_ENABLED = False

# The task queue in tests: the real worker (``runworker --once``) runs it; no pause before a retry
# or a rendering after edits, so one run of the worker does everything that is due.
CITEDU_TASK_RETRY_DELAY = 0
CITEDU_DOCUMENT_DEBOUNCE = 0
