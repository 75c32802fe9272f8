"""ASGI entry point."""

import os

from django.core.asgi import get_asgi_application

from citedu.environment import require_secret_key

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "citedu.settings")
require_secret_key()
application = get_asgi_application()
