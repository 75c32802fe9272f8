"""WSGI entry point (gunicorn citedu.wsgi)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "citedu.settings")
application = get_wsgi_application()
