# Citédu under gunicorn; built from the project's own files.
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    MEDIA_ROOT=/data/media

# WeasyPrint's native libraries, and gettext to compile the English translation.
RUN apt-get update \
    && apt-get install -y --no-install-recommends libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 gettext \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /app
COPY pyproject.toml README.md ./
COPY citedu citedu
COPY shared shared
COPY worker worker
COPY notifications notifications
COPY actors actors
COPY legal legal
COPY strategy strategy
COPY indicators indicators
COPY followup followup
COPY charts charts
COPY documents documents
COPY portal portal
COPY api api
COPY demo demo
COPY maintenance maintenance
RUN pip install .
COPY . .
RUN DEBUG=1 python manage.py compilemessages --verbosity 0 --ignore '.venv/*' \
    && useradd --system --home /app citedu \
    && mkdir -p /data/media /app/staticfiles \
    && chown -R citedu /data /app/staticfiles

USER citedu
EXPOSE 8000
ENTRYPOINT ["/app/docker/entrypoint.sh"]
CMD ["gunicorn", "citedu.wsgi", "--bind", "0.0.0.0:8000", "--workers", "3", "--timeout", "120", "--access-logfile", "-"]
