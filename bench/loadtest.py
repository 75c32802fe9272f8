"""Load and fault test on loopback: gunicorn + a throwaway PostgreSQL cluster.

    .venv/bin/python bench/loadtest.py [--actions 2000] [--duration 10] [--connections 8]

1. starts a PostgreSQL cluster of its own (initdb in a temporary folder, port 55432), never the
   machine's; migrates, loads the demo and a synthetic strategy;
2. serves the portal under gunicorn (DEBUG off, production settings) on 127.0.0.1:8765;
3. load: wrk on the main public pages and API lists, each for --duration seconds: requests/s,
   latency percentiles, non-2xx answers and socket errors;
4. fault: a writer posts measurements through the API while a prober polls /healthz; the cluster is
   stopped for a few seconds then restarted. Reports what /healthz answered while it was down,
   how long recovery took, and checks that every write the API acknowledged (201) is in the database.
Every request goes to 127.0.0.1 only; every loop is bounded in count and time.
"""

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = str(ROOT / ".venv" / "bin" / "python")
PG_BIN = Path(sorted(Path("/usr/lib/postgresql").iterdir())[-1]) / "bin"
PG_PORT = 55432
WEB = "http://127.0.0.1:8765"
SLUG = "bench-charge"


def run(cmd, env=None, user=None, check=True):
    if user:
        cmd = ["runuser", "-u", user, "--", *cmd]
    return subprocess.run(cmd, env=env, check=check, capture_output=True, text=True, cwd=ROOT)


class Cluster:
    def __init__(self):
        self.dir = Path(tempfile.mkdtemp(prefix="citedu-pg-"))
        shutil.chown(self.dir, "postgres", "postgres")
        self.data = self.dir / "data"

    def init(self):
        run([str(PG_BIN / "initdb"), "-D", str(self.data), "-A", "trust", "-U", "postgres"], user="postgres")
        self.start()
        run([str(PG_BIN / "createdb"), "-h", "127.0.0.1", "-p", str(PG_PORT), "-U", "postgres", "citedu"])

    def start(self):
        options = f"-p {PG_PORT} -k {self.dir} -c listen_addresses=127.0.0.1"
        run(
            [
                str(PG_BIN / "pg_ctl"),
                "-D",
                str(self.data),
                "-o",
                options,
                "-l",
                str(self.dir / "log"),
                "-w",
                "start",
            ],
            user="postgres",
        )

    def stop(self):
        run(
            [str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-m", "fast", "-w", "stop"],
            user="postgres",
            check=False,
        )

    def psql(self, sql):
        out = run(
            [
                str(PG_BIN / "psql"),
                "-h",
                "127.0.0.1",
                "-p",
                str(PG_PORT),
                "-U",
                "postgres",
                "-d",
                "citedu",
                "-At",
                "-c",
                sql,
            ]
        )
        return out.stdout.strip()

    def remove(self):
        self.stop()
        shutil.rmtree(self.dir, ignore_errors=True)


def portal_env(cluster):
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO")}
    env.update(
        DATABASE_URL=f"postgres://postgres@127.0.0.1:{PG_PORT}/citedu",
        DEBUG="0",
        SECRET_KEY="bench-" + "k" * 60,
        ALLOWED_HOSTS="127.0.0.1,localhost",
        EMAIL_URL="console://",
        SECURE_SSL_REDIRECT="0",
        MEDIA_ROOT=str(cluster.dir / "media"),
        CONN_MAX_AGE="60",
        AXES_FAILURE_LIMIT="1000",
        # The load test measures the stack, not the anonymous throttle (tested in tests/api).
        CITEDU_API_ANON_RATE="1000000/min",
        CITEDU_API_USER_RATE="1000000/min",
    )
    return env


SETUP_PARTNER = """
from django.contrib.auth.models import Group, User
from rest_framework.authtoken.models import Token
from actors.models import Contact
from indicators.models import Indicator
indicator = Indicator.objects.filter(strategy__slug="%s", source__isnull=False, kind="quantitative").order_by("code").first()
user, _ = User.objects.get_or_create(username="bench-partner")
user.groups.add(Group.objects.get(name="partenaire"))
Contact.objects.update_or_create(user=user, defaults={"organisation": indicator.source, "first_name": "Banc", "last_name": "Essai"})
token, _ = Token.objects.get_or_create(user=user)
print(token.key, indicator.code)
"""


def wrk(url, duration, connections):
    out = run(
        ["wrk", "-t", "2", "-c", str(connections), "-d", f"{duration}s", "--latency", "--timeout", "10s", url]
    )
    text = out.stdout
    figures = {"url": url.removeprefix(WEB)}
    figures["rps"] = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
    for pct in ("50", "75", "90", "99"):
        match = re.search(rf"^\s+{pct}%\s+([\d.]+)(us|ms|s)", text, re.MULTILINE)
        value, unit = float(match.group(1)), match.group(2)
        figures[f"p{pct}"] = value / 1000 if unit == "us" else value * 1000 if unit == "s" else value
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
    figures["errors"] = int(non2xx.group(1)) if non2xx else 0
    socket = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text)
    figures["socket_errors"] = sum(map(int, socket.groups())) if socket else 0
    figures["requests"] = int(re.search(r"(\d+) requests in", text).group(1))
    return figures


def http(method, path, body=None, token=None, timeout=5):
    request = urllib.request.Request(WEB + path, method=method)
    if body is not None:
        request.data = json.dumps(body).encode()
        request.add_header("Content-Type", "application/json")
    if token:
        request.add_header("Authorization", f"Token {token}")
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()
    except (urllib.error.URLError, TimeoutError, ConnectionError):
        return 0, b""


def fault_test(cluster, token, indicator_code, down_seconds=6):
    acknowledged, refused, health = [], [], []
    stop = threading.Event()

    def writer():
        for year in range(2000, 2100):
            for quarter in range(1, 5):
                if stop.is_set():
                    return
                period = f"{year}-T{quarter}"
                body = {
                    "strategy": SLUG,
                    "indicator": indicator_code,
                    "period": period,
                    "value": str(year + quarter),
                }
                status, _ = http("POST", "/api/v1/mesures/", body, token)
                (acknowledged if status == 201 else refused).append((time.monotonic(), period, status))
                time.sleep(0.05)

    def prober():
        while not stop.is_set():
            status, _ = http("GET", "/healthz", timeout=2)
            health.append((time.monotonic(), status))
            time.sleep(0.2)

    threads = [threading.Thread(target=writer), threading.Thread(target=prober)]
    for thread in threads:
        thread.start()
    time.sleep(3)
    down_at = time.monotonic()
    cluster.stop()
    time.sleep(down_seconds)
    up_at = time.monotonic()
    cluster.start()
    recovered_at = None
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and recovered_at is None:
        time.sleep(0.2)
        recent = [t for t, s in health if t > up_at and s == 200]
        recovered_at = recent[0] if recent else None
    time.sleep(3)
    stop.set()
    for thread in threads:
        thread.join(timeout=30)

    during = [s for t, s in health if down_at + 0.5 < t < up_at]
    stored = set(
        cluster.psql(
            "SELECT m.period FROM indicators_measurement m JOIN indicators_indicator i ON i.id = m.indicator_id "
            f"JOIN strategy_strategy s ON s.id = i.strategy_id WHERE s.slug = '{SLUG}' AND i.code = '{indicator_code}' "
            "AND m.period LIKE '%-T%'"
        ).split()
    )
    lost = [p for _, p, _ in acknowledged if p not in stored]
    refused_statuses = sorted({s for _, _, s in refused})
    return {
        "healthz_while_down": sorted(set(during)),
        "healthz_probes_while_down": len(during),
        "recovery_seconds_after_restart": round(recovered_at - up_at, 2) if recovered_at else None,
        "writes_acknowledged": len(acknowledged),
        "writes_refused_while_down": len(refused),
        "refused_statuses": refused_statuses,
        "acknowledged_but_lost": len(lost),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--actions", type=int, default=2000)
    parser.add_argument("--duration", type=int, default=10)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--workers", type=int, default=3)
    args = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk is missing: apt-get install wrk")

    cluster = Cluster()
    gunicorn = None
    try:
        print(f"PostgreSQL {PG_BIN.parent.name} throwaway cluster in {cluster.dir}, port {PG_PORT}")
        cluster.init()
        env = portal_env(cluster)
        for command in (
            ["migrate", "-v0"],
            ["collectstatic", "--noinput", "-v0"],
            ["loaddemo"],
            ["loadsynthetic", SLUG, "--actions", str(args.actions), "--seed", "1"],
        ):
            run([PYTHON, "manage.py", *command], env=env)
        output = run(
            [PYTHON, "manage.py", "shell", "--no-imports", "-c", SETUP_PARTNER % SLUG], env=env
        ).stdout
        token, indicator_code = output.strip().splitlines()[-1].split()
        gunicorn = subprocess.Popen(
            [
                str(ROOT / ".venv" / "bin" / "gunicorn"),
                "citedu.wsgi",
                "-b",
                "127.0.0.1:8765",
                "-w",
                str(args.workers),
                "--timeout",
                "60",
                "--log-level",
                "warning",
            ],
            cwd=ROOT,
            env=env,
            stderr=open(cluster.dir / "gunicorn.log", "w"),  # noqa: SIM115 (closed with the process)
        )
        for _ in range(100):
            if http("GET", "/healthz")[0] == 200:
                break
            time.sleep(0.2)

        urls = [
            "/healthz",
            "/",
            "/strategies/pedt-ivry-sur-seine/",
            "/strategies/pedt-ivry-sur-seine/actions/",
            f"/strategies/{SLUG}/actions/",
            f"/strategies/{SLUG}/actions/?q=action&page=3",
            "/strategies/pedt-ivry-sur-seine/indicateurs/",
            f"/api/v1/strategies/{SLUG}/actions/",
            "/api/v1/organisations/",
        ]
        rows = [wrk(WEB + url, args.duration, args.connections) for url in urls]
        print(
            f"\nLoad: wrk -t2 -c{args.connections} -d{args.duration}s, gunicorn {args.workers} workers, "
            f"{os.cpu_count()} cores, synthetic strategy of {args.actions} actions"
        )
        print(f"{'URL':58} {'req/s':>8} {'p50 ms':>8} {'p90 ms':>8} {'p99 ms':>8} {'non-2xx':>8} {'sock':>5}")
        for row in rows:
            print(
                f"{row['url']:58} {row['rps']:8.1f} {row['p50']:8.1f} {row['p90']:8.1f} {row['p99']:8.1f} "
                f"{row['errors']:8d} {row['socket_errors']:5d}"
            )

        print("\nFault: PostgreSQL stopped for 6 s during writes through the API")
        result = fault_test(cluster, token, indicator_code)
        for key, value in result.items():
            print(f"  {key}: {value}")
        ok = (
            all(row["errors"] == 0 and row["socket_errors"] == 0 for row in rows)
            and result["acknowledged_but_lost"] == 0
            and result["healthz_while_down"] == [503]
            and result["recovery_seconds_after_restart"] is not None
        )
        print("\nRESULT:", "OK" if ok else "FAILED")
        return 0 if ok else 1
    finally:
        if gunicorn:
            gunicorn.terminate()
            gunicorn.wait(timeout=20)
        cluster.remove()


if __name__ == "__main__":
    sys.exit(main())
