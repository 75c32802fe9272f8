"""Benchmark of the open-data CSVs on a large synthetic strategy, each against its floor.

    DATABASE_URL=postgres://… .venv/bin/python bench/bench_csv.py [--actions 20000] [--before 5000]

Builds a synthetic strategy (``loadsynthetic``) in the database of DATABASE_URL (default: a throwaway
SQLite file under var/bench/), then times, through Django's full stack (middleware included, anonymous
visitor, the streamed body read to its end):
- ``actions.csv``, ``beneficiaires.csv`` and ``indicateurs.csv``;
- two floors measured in the same run: a trivial view returning the same bytes (the stack's cost of
  sending that many bytes), and the same number of rows of fixed text through ``stream_csv`` (the
  cost of writing that many CSV rows, no database);
- "before": the former export (the import/export resource, then ``write_table``) of ``--before``
  actions, capped because at 20,000 actions it took more than 30 s on PostgreSQL.
"""

import argparse
import io
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.run import SLUG, setup_django


def timed(client, url, repeat):
    """Median seconds of ``repeat`` GETs of ``url`` (streamed body consumed), the body, the queries."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    durations = []
    for _ in range(repeat):
        start = time.perf_counter()
        response = client.get(url)
        body = response.getvalue()
        durations.append(time.perf_counter() - start)
        assert response.status_code == 200, (url, response.status_code)
    with CaptureQueriesContext(connection) as queries:
        client.get(url).getvalue()
    return statistics.median(durations), body, len(queries)


def median_seconds(function, repeat):
    durations = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        durations.append(time.perf_counter() - start)
    return statistics.median(durations)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--actions", type=int, default=20000)
    parser.add_argument("--before", type=int, default=5000, help="actions exported the former way")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    setup_django()

    from django.core.management import call_command
    from django.http import StreamingHttpResponse
    from django.test import Client
    from django.urls import path

    from api.csv_rows import action_rows
    from api.schemas import ACTIONS
    from bench import urls
    from bench.urls import FLOOR_BODIES
    from shared.spreadsheets import stream_csv, write_table
    from strategy.models import Action, Strategy
    from strategy.resources import ActionResource

    start = time.perf_counter()
    call_command("migrate", verbosity=0)
    call_command("loadsynthetic", SLUG, actions=args.actions, seed=1, stdout=io.StringIO())
    print(f"Synthetic strategy of {args.actions} actions built in {time.perf_counter() - start:.1f} s\n")

    fixed_rows = {}

    def fixed_text(request, key):
        headers, count = fixed_rows[key]
        rows = ([f"cellule {column}" for column in range(len(headers))] for _ in range(count))
        return StreamingHttpResponse(stream_csv(headers, rows), content_type="text/csv; charset=utf-8")

    urls.urlpatterns.insert(0, path("__fixed__/<int:key>", fixed_text))
    client = Client()
    print(
        f"{'URL':45} {'rows':>7} {'KB':>7} {'queries':>7} {'s':>7} {'bytes floor s':>13} {'rows floor s':>12}"
    )
    for key, name in enumerate(("actions", "beneficiaires", "indicateurs")):
        url = f"/strategies/{SLUG}/{name}.csv"
        seconds, body, queries = timed(client, url, args.repeat)
        lines = body.decode("utf-8-sig").splitlines()
        FLOOR_BODIES[key] = (body, "text/csv; charset=utf-8")
        fixed_rows[key] = (lines[0].split(";"), len(lines) - 1)
        bytes_floor, _, _ = timed(client, f"/__floor__/{key}", args.repeat)
        rows_floor, _, _ = timed(client, f"/__fixed__/{key}", args.repeat)
        print(
            f"{url:45} {len(lines) - 1:7d} {len(body) / 1024:7.0f} {queries:7d} {seconds:7.2f} "
            f"{bytes_floor:13.3f} {rows_floor:12.3f}"
        )

    strategy = Strategy.objects.get(slug=SLUG)
    first = Action.objects.filter(strategy=strategy).in_code_order().values("pk")[: args.before]
    rows = Action.objects.filter(pk__in=first).in_code_order()
    before = median_seconds(
        lambda: write_table(ActionResource(strategy=strategy).export(queryset=rows), "csv"), 1
    )
    after = median_seconds(lambda: b"".join(stream_csv(ACTIONS.headers, action_rows(rows))), args.repeat)
    print(
        f"\nThe same {args.before} actions without the HTTP stack: the former resource export "
        f"{before:.2f} s, the streamed rows {after:.2f} s (×{before / after:.0f} faster)"
    )


if __name__ == "__main__":
    main()
