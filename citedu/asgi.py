"""ASGI entry point."""

import os

from django.core.asgi import get_asgi_application

from citedu.environment import require_production_settings

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "citedu.settings")
require_production_settings()
application = get_asgi_application()
