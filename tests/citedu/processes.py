"""Starting the portal's commands in a fresh process with a given environment."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION_ENV = {
    "DEBUG": "0",
    "SECRET_KEY": "x7#Lq9!vR2@mZ4$wT8^pK1&nB6*cY3(eH5)jD0_sF2+gA9=uW4-iO7~lE1",
    "ALLOWED_HOSTS": "education.ville.example.fr",
    "CSRF_TRUSTED_ORIGINS": "https://education.ville.example.fr",
    "DATABASE_URL": "sqlite:////tmp/citedu-deploy-check.sqlite3",
    "EMAIL_URL": "smtp://citedu:motdepasse@smtp.ville.example.fr:587",
    "SITE_URL": "https://education.ville.example.fr",
}
# The test process itself runs with test defaults (tests/settings.py) and maybe a DATABASE_URL:
# every start begins from a clean slate of the portal's settings.
_PORTAL_VARIABLES = {
    "DEBUG",
    "SECRET_KEY",
    "ALLOWED_HOSTS",
    "CSRF_TRUSTED_ORIGINS",
    "DATABASE_URL",
    "EMAIL_URL",
    "SITE_URL",
    "CACHE_URL",
    "SECURE_SSL_REDIRECT",
    "SECURE_HSTS_SECONDS",
    "DJANGO_ALLOW_ASYNC_UNSAFE",
    "DJANGO_SETTINGS_MODULE",
}


def clean_environment(env):
    base = {key: value for key, value in os.environ.items() if key not in _PORTAL_VARIABLES}
    return {**base, **env}


def run_manage(*args, env):
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=clean_environment(env),
        capture_output=True,
        text=True,
    )


def run_python(code, env):
    return subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=clean_environment(env), capture_output=True, text=True
    )


def settings_under(env, *names):
    """The values of these settings in a process started with this environment."""
    code = (
        "from django.conf import settings; import json; "
        f"print(json.dumps({{name: getattr(settings, name) for name in {names!r}}}, default=str))"
    )
    result = run_manage("shell", "--no-imports", "-c", code, env=env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)
