"""WSGI entry point (gunicorn citedu.wsgi)."""

import os

from django.core.wsgi import get_wsgi_application

from citedu.environment import require_production_settings

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "citedu.settings")
require_production_settings()
application = get_wsgi_application()
