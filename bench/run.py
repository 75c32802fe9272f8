"""Citédu's benchmark entry point: a large synthetic territory, each figure against its floor.

    make bench            # or: .venv/bin/python bench/run.py [--actions 5000] [--skip-pdf] [--skip-import]

1. Pages and API lists: builds a synthetic strategy of --actions actions (loadsynthetic: about one
   organisation and one indicator per 15 actions, 10 periods of measurements, 3 budget lines per
   action) in a throwaway SQLite database under var/bench/ (or DATABASE_URL), then times each public
   page and API list through Django's full stack (middleware included, anonymous visitor), against a
   floor: a trivial view returning the same bytes through the same stack.
2. The strategy PDF against WeasyPrint alone on the same HTML (bench/bench_pdf.py).
3. The import of a 10,000-row funding table against reading the file and bulk-inserting the same
   rows (bench/bench_import.py).
"""

import argparse
import io
import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH_DIR = ROOT / "var" / "bench"
SLUG = "bench-territoire"


def setup_django():
    sys.path.insert(0, str(ROOT))
    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    database = BENCH_DIR / "pages.sqlite3"
    if "DATABASE_URL" not in os.environ:
        database.unlink(missing_ok=True)
        os.environ["DATABASE_URL"] = f"sqlite:///{database}"
    # Production-like: DEBUG off (no query log), static files without a manifest.
    os.environ["DJANGO_SETTINGS_MODULE"] = "tests.settings"
    os.environ.pop("DEBUG", None)
    import django

    django.setup()
    from django.conf import settings

    settings.ROOT_URLCONF = "bench.urls"
    settings.MEDIA_ROOT = BENCH_DIR / "media"


def timed(client, url, repeat):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url)  # warm-up: caches, template loading
    durations = []
    for _ in range(repeat):
        start = time.perf_counter()
        response = client.get(url)
        durations.append((time.perf_counter() - start) * 1000)
    assert response.status_code == 200, (url, response.status_code)
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    return response, statistics.median(durations), len(queries)


def give_actions_a_history():
    """Three records per action (validated, in progress, then its status): loadsynthetic writes none."""
    import datetime

    from django.utils import timezone

    from strategy.models import Action

    model, start, rows = Action.history.model, timezone.now() - datetime.timedelta(days=400), []
    columns = [field.attname for field in Action._meta.concrete_fields]
    for index, action in enumerate(Action.objects.filter(strategy__slug=SLUG).order_by("pk")):
        values = {column: getattr(action, column) for column in columns}
        for step, status in enumerate(("validated", "in_progress", action.status)):
            moment = start + datetime.timedelta(days=step * 100, minutes=index)
            rows.append(model(**{**values, "status": status}, history_date=moment, history_type="~"))
    model.objects.bulk_create(rows, batch_size=2000)
    return len(rows)


def bench_pages(actions, repeat):
    from django.core.management import call_command
    from django.test import Client

    from bench.urls import FLOOR_BODIES

    start = time.perf_counter()
    call_command("migrate", verbosity=0)
    call_command("loadsynthetic", SLUG, actions=actions, seed=1, stdout=io.StringIO())
    print(f"Synthetic territory of {actions} actions built in {time.perf_counter() - start:.1f} s")

    from actors.models import Organisation
    from indicators.models import Indicator, Measurement
    from strategy.models import BudgetLine

    print(
        f"  {Organisation.objects.count()} organisations, {Indicator.objects.count()} indicators, "
        f"{Measurement.objects.count()} measurements, {BudgetLine.objects.count()} budget lines"
    )
    from django.contrib.auth.models import AnonymousUser

    from strategy.models import Action

    print(f"  {give_actions_a_history()} history records of status changes (the Atom feed reads them)")
    client = Client()
    detail_slug = Action.objects.visible_to(AnonymousUser()).filter(strategy__slug=SLUG).first().slug
    urls = [
        "/",
        f"/strategies/{SLUG}/",
        f"/strategies/{SLUG}/actions/",
        f"/strategies/{SLUG}/actions/?q=action&page=5",
        f"/strategies/{SLUG}/actions/{detail_slug}/",
        f"/strategies/{SLUG}/indicateurs/",
        f"/strategies/{SLUG}/acteurs/",
        f"/strategies/{SLUG}/actualites.atom",
        f"/api/v1/strategies/{SLUG}/actions/",
        f"/api/v1/strategies/{SLUG}/indicateurs/",
        "/api/v1/organisations/",
    ]
    rows = []
    for key, url in enumerate(urls):
        response, median_ms, queries = timed(client, url, repeat)
        FLOOR_BODIES[key] = (response.content, response["Content-Type"])
        _, floor_ms, _ = timed(client, f"/__floor__/{key}", repeat)
        rows.append((url, len(response.content), queries, median_ms, floor_ms))
    print(f"\nPages and API lists (anonymous, median of {repeat} requests, full Django stack in-process)")
    print(f"{'URL':60} {'KB':>6} {'queries':>8} {'ms':>8} {'floor ms':>9} {'ratio':>6}")
    for url, size, queries, median_ms, floor_ms in rows:
        print(
            f"{url[:60]:60} {size / 1024:6.0f} {queries:8d} {median_ms:8.1f} {floor_ms:9.2f} {median_ms / floor_ms:6.0f}"
        )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--actions", type=int, default=5000)
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--skip-pdf", action="store_true")
    parser.add_argument("--skip-import", action="store_true")
    args = parser.parse_args()
    print(
        f"Machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    )
    engine = "PostgreSQL" if os.environ.get("DATABASE_URL", "").startswith("postgres") else "SQLite"
    print(f"Database: {engine}\n")
    child_env = dict(os.environ)
    setup_django()
    bench_pages(args.actions, args.repeat)
    python = sys.executable
    if not args.skip_pdf:
        print("\nStrategy document (bench/bench_pdf.py)", flush=True)
        subprocess.run(
            [python, str(ROOT / "bench" / "bench_pdf.py")], env={**child_env, "DEBUG": "1"}, check=True
        )
    if not args.skip_import:
        print("\nFunding table import (bench/bench_import.py)", flush=True)
        subprocess.run(
            [python, str(ROOT / "bench" / "bench_import.py")], env={**child_env, "DEBUG": "1"}, check=True
        )


if __name__ == "__main__":
    main()
