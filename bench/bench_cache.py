"""The public pages' cache through a real server: each page cached, revalidated (304) and uncached,
against the floor ``/healthz`` served by the same gunicorn in the same run.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/citedu_bench .venv/bin/python bench/bench_cache.py

Builds (``migrate``, ``loadsynthetic --actions N``) a strategy in the database of ``DATABASE_URL``
(PostgreSQL: the goal is stated for it; the database is created when missing), serves the portal
with gunicorn (2 workers, DEBUG off) on 127.0.0.1, and times sequential keep-alive requests of an
anonymous browser (``Accept-Encoding: gzip``), median of each:

- **cached**: the page as the cache serves it (each worker warmed first);
- **304**: the same request with the page's ETag in ``If-None-Match``;
- **uncached**: the same page rendered, the cache bypassed by a session cookie (an anonymous visitor
  with a session is never served from the cache; the invalid session costs one query);
- **floor**: ``/healthz`` (one database query, a few bytes of JSON) through the same server.

Goal (issue 15): cached ≤ 1.5 × floor at 5,000 actions on PostgreSQL.
"""

import argparse
import http.client
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
SLUG = "bench-cache"
PORT = 8771
GOAL = 1.5


def server_env():
    env = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO")}
    env.update(
        DEBUG="0",
        SECRET_KEY="bench-cache-" + "k" * 60,
        ALLOWED_HOSTS="127.0.0.1,localhost",
        EMAIL_URL="console://",
        SITE_URL=f"http://127.0.0.1:{PORT}",
        SECURE_SSL_REDIRECT="0",
        SECURE_HSTS_SECONDS="0",
        MEDIA_ROOT=str(ROOT / "var" / "bench" / "media"),
        CONN_MAX_AGE="60",
    )
    return env


def create_database(url):
    """Creates the PostgreSQL database of ``url`` when it does not exist."""
    from urllib.parse import urlparse

    import psycopg

    parsed = urlparse(url)
    name = parsed.path.lstrip("/")
    admin = parsed._replace(path="/postgres").geturl()
    with psycopg.connect(admin, autocommit=True) as connection:
        if not connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            connection.execute(f'CREATE DATABASE "{name}"')


def manage(env, *args):
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True)


def first_action_slug(env):
    code = (
        "from django.contrib.auth.models import AnonymousUser\n"
        "from strategy.models import Action\n"
        f"print(Action.objects.visible_to(AnonymousUser()).filter(strategy__slug='{SLUG}')"
        ".in_code_order().first().slug)\n"
        "from indicators.models import Indicator\n"
        f"print(Indicator.objects.visible_to(AnonymousUser()).filter(strategy__slug='{SLUG}')"
        ".order_by('code').first().slug)\n"
    )
    out = subprocess.run(
        [PYTHON, "manage.py", "shell", "--no-imports", "-c", code],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()
    return out[-2], out[-1]


class Browser:
    """One keep-alive connection, as a browser tab holds."""

    def __init__(self):
        self.connection = http.client.HTTPConnection("127.0.0.1", PORT, timeout=120)

    def get(self, path, **headers):
        headers = {"Accept-Encoding": "gzip", "Accept-Language": "fr-FR,fr;q=0.9", **headers}
        start = time.perf_counter()
        self.connection.request("GET", path, headers=headers)
        response = self.connection.getresponse()
        body = response.read()
        elapsed = (time.perf_counter() - start) * 1000
        return response, body, elapsed


def median_ms(browser, path, repeat, **headers):
    durations = []
    for _ in range(repeat):
        response, _body, elapsed = browser.get(path, **headers)
        assert response.status in (200, 304), (path, response.status)
        durations.append(elapsed)
    return statistics.median(durations), response


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--actions", type=int, default=5000)
    parser.add_argument("--repeat", type=int, default=200, help="requests per cached figure")
    parser.add_argument("--repeat-uncached", type=int, default=5)
    parser.add_argument("--skip-load", action="store_true", help="the strategy is already loaded")
    args = parser.parse_args()
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        sys.exit("Set DATABASE_URL to a PostgreSQL database (created when missing).")
    env = server_env()
    create_database(url)
    if not args.skip_load:
        start = time.perf_counter()
        manage(env, "migrate", "-v0")
        manage(env, "loadsynthetic", SLUG, "--actions", str(args.actions), "--seed", "1")
        manage(
            env,
            "shell",
            "--no-imports",
            "-c",
            "from django.db import connection; connection.cursor().execute('ANALYZE')",
        )
        print(f"{args.actions} actions loaded and analysed in {time.perf_counter() - start:.0f} s")
    manage(env, "collectstatic", "--noinput", "-v0")  # DEBUG off: the manifest storage needs it
    action_slug, indicator_slug = first_action_slug(env)
    base = f"/strategies/{SLUG}"
    pages = [
        "/",
        f"{base}/",
        f"{base}/actions/",
        f"{base}/actions/?q=action&page=3",
        f"{base}/actions/{action_slug}/",
        f"{base}/indicateurs/",
        f"{base}/indicateurs/{indicator_slug}/",
        f"{base}/acteurs/",
        f"{base}/concertation/",
        f"{base}/actions.csv",
        f"{base}/indicateurs.csv",
        f"{base}/beneficiaires.csv",
    ]
    gunicorn = subprocess.Popen(
        [
            str(Path(PYTHON).parent / "gunicorn"),
            "citedu.wsgi",
            "-b",
            f"127.0.0.1:{PORT}",
            "-w",
            "2",
            "--timeout",
            "300",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
    )
    try:
        browser = _wait_for_server()
        floor, _ = median_ms(browser, "/healthz", args.repeat)
        rows = []
        for path in pages:
            uncached, _ = median_ms(browser, path, args.repeat_uncached, Cookie="sessionid=bench-no-cache")
            for _ in range(6):  # each worker renders and caches it (a new connection may reach either)
                Browser().get(path)
            cached, response = median_ms(browser, path, args.repeat)
            etag = response.getheader("ETag")
            not_modified, _ = median_ms(browser, path, args.repeat, **{"If-None-Match": etag})
            size = len(browser.get(path)[1])
            rows.append((path, size, uncached, cached, not_modified))
        floor_again, _ = median_ms(browser, "/healthz", args.repeat)
        floor = min(floor, floor_again)
    finally:
        gunicorn.terminate()
        gunicorn.wait(timeout=30)
    print(f"\ngunicorn, 2 workers, PostgreSQL, {args.actions} actions; anonymous, gzip, keep-alive, medians")
    print(f"floor /healthz: {floor:.2f} ms; goal: cached ≤ {GOAL} × floor")
    print(
        f"{'page':52} {'KB gz':>6} {'uncached ms':>12} {'cached ms':>10} {'×floor':>7} {'304 ms':>7} {'×floor':>7}"
    )
    worst = 0
    for path, size, uncached, cached, not_modified in rows:
        worst = max(worst, cached / floor)
        print(
            f"{path[:52]:52} {size / 1024:6.1f} {uncached:12.1f} {cached:10.2f} {cached / floor:7.2f} "
            f"{not_modified:7.2f} {not_modified / floor:7.2f}"
        )
    print(f"\nworst cached page: {worst:.2f} × floor ({'goal met' if worst <= GOAL else 'goal NOT met'})")


def _wait_for_server():
    for _ in range(150):
        try:
            browser = Browser()
            if browser.get("/healthz")[0].status == 200:
                return browser
        except OSError:
            time.sleep(0.2)
    sys.exit("gunicorn did not answer /healthz")


if __name__ == "__main__":
    main()
