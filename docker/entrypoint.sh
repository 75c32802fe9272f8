#!/bin/sh
# Migrations and static files at start, then the command (gunicorn by default).
set -e
python manage.py migrate --noinput
python manage.py collectstatic --noinput --verbosity 0
exec "$@"
