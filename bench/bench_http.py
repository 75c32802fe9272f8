"""Public pages and the admin change form through gunicorn on PostgreSQL, each against /healthz.

    .venv/bin/python bench/bench_http.py [--actions 5000] [--organisations 2000] [--repeat 15]

1. builds a synthetic strategy of --actions actions (loadsynthetic) in its own PostgreSQL database
   (DATABASE_URL, default the machine's server, database ``h_speed_bench``, created if missing), tops
   the organisations up to --organisations, then ANALYZE;
2. serves the portal under gunicorn (2 workers, DEBUG off, production settings) on a free loopback port;
3. times /healthz (the floor: the same server, the same stack, one small query) and each public page
   sequentially, median of --repeat requests, and prints each page's ratio to the floor; beside the
   wall clock, the CPU time per request of the gunicorn workers plus their PostgreSQL backends (read
   from /proc), which a machine shared with other work inflates far less than the wall clock;
4. the actions list and the floor under --connections concurrent connections for --duration seconds
   (requests/s);
5. the admin change form of one action, logged in as coordination: time, bytes and ``<option>`` count.
Each page twice: cached (the page cache of anonymous visitors, strategy.page_cache) and uncached (a
session cookie nobody has: still anonymous, but the cache steps aside and every request renders).
"""

import argparse
import http.client
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SLUG = "bench-http"
DEFAULT_DATABASE = "postgres://postgres@127.0.0.1:5432/h_speed_bench"
PASSWORD = "bench-coordination-password"
#: A session nobody has: the visitor is anonymous, and the page cache steps aside (it caches only
#: requests without a session cookie).
UNCACHED = {"sessionid": "bench-no-such-session"}


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def production_env(database_url, media_root):
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO")}
    env.update(
        DATABASE_URL=database_url,
        DEBUG="0",
        SECRET_KEY="bench-http-" + "s" * 60,
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SITE_URL="http://127.0.0.1",
        EMAIL_URL="console://",
        SECURE_SSL_REDIRECT="0",
        MEDIA_ROOT=str(media_root),
        # Connections kept for the whole run: the CPU of a backend that closed would be lost.
        CONN_MAX_AGE="3600",
        AXES_FAILURE_LIMIT="1000",
        DJANGO_SETTINGS_MODULE="citedu.settings",
    )
    return env


def create_database(database_url):
    """The bench's own database on the machine's server (never dropped: the next run replaces its data)."""
    import psycopg

    parts = urllib.parse.urlsplit(database_url)
    name = parts.path.lstrip("/")
    admin_url = urllib.parse.urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin_url, autocommit=True) as connection:
        if not connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            connection.execute(f'CREATE DATABASE "{name}"')


PREPARE = """
from django.contrib.auth.models import Group, User
from django.db import connection
from actors.models import Organisation
from strategy.models import Action
target = %(organisations)d
missing = target - Organisation.objects.count()
Organisation.objects.bulk_create(
    [Organisation(name=f"Structure de banc {n:05d}", slug=f"bench-http-extra-{n:05d}") for n in range(max(missing, 0))]
)
user, _ = User.objects.get_or_create(username="bench-coordination", defaults={"is_staff": True})
user.is_staff = True
user.set_password("%(password)s")
user.save()
user.groups.add(Group.objects.get(name="coordination"))
with connection.cursor() as cursor:
    cursor.execute("ANALYZE")
action = Action.objects.filter(strategy__slug="%(slug)s", status="in_progress").order_by("code").first()
print(Organisation.objects.count(), Action.objects.filter(strategy__slug="%(slug)s").count(), action.slug, action.pk, action.pilot.slug)
"""


def build(env, actions, organisations):
    python = sys.executable
    start = time.perf_counter()
    for command in (
        ["migrate", "-v0"],
        ["collectstatic", "--noinput", "-v0"],
        ["loadsynthetic", SLUG, "--actions", str(actions), "--seed", "1"],
    ):
        subprocess.run([python, "manage.py", *command], env=env, cwd=ROOT, check=True, capture_output=True)
    script = PREPARE % {"password": PASSWORD, "slug": SLUG, "organisations": organisations}
    output = subprocess.run(
        [python, "manage.py", "shell", "--no-imports", "-c", script],
        env=env,
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    count, action_count, *action = output.strip().splitlines()[-1].split()
    print(
        f"Synthetic strategy of {action_count} actions, {count} organisations, built and analysed "
        f"in {time.perf_counter() - start:.0f} s"
    )
    return action


def fetch(port, path, cookies=None, method="GET", body=None, headers=None):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    all_headers = {"Host": "127.0.0.1", **(headers or {})}
    if cookies:
        all_headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in cookies.items())
    connection.request(method, path, body=body, headers=all_headers)
    response = connection.getresponse()
    content = response.read()
    set_cookies = response.headers.get_all("Set-Cookie") or []
    connection.close()
    return response.status, content, set_cookies


def _cpu_seconds(pid):
    try:
        with open(f"/proc/{pid}/stat") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
    except (FileNotFoundError, ProcessLookupError):
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


class ServerCPU:
    """CPU seconds used so far by the gunicorn workers and the database backends serving them."""

    def __init__(self, gunicorn_pid, database_url):
        self.gunicorn_pid, self.database_url = gunicorn_pid, database_url

    def pids(self):
        import psycopg

        workers = []
        for entry in os.listdir("/proc"):
            if entry.isdigit():
                try:
                    with open(f"/proc/{entry}/stat") as stat:
                        if int(stat.read().rsplit(")", 1)[1].split()[1]) == self.gunicorn_pid:
                            workers.append(int(entry))
                except (FileNotFoundError, ProcessLookupError):
                    continue
        with psycopg.connect(self.database_url) as connection:
            backends = connection.execute(
                "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()"
            ).fetchall()
        return workers + [pid for (pid,) in backends]

    def seconds(self, pids):
        return {pid: _cpu_seconds(pid) for pid in pids}


def timed(cpu, port, path, repeat, cookies=None):
    """(median wall-clock ms, server CPU ms per request, body) of ``repeat`` sequential requests."""
    status, content, _ = fetch(port, path, cookies)  # warm-up: templates, connections
    fetch(port, path, cookies)  # both workers
    assert status == 200, (path, status)
    pids = cpu.pids()
    cpu_before = cpu.seconds(pids)
    durations = []
    for _ in range(repeat):
        start = time.perf_counter()
        status, content, _ = fetch(port, path, cookies)
        durations.append((time.perf_counter() - start) * 1000)
        assert status == 200, (path, status)
    cpu_after = cpu.seconds(pids)
    # A process gone in between (none expected) is left out rather than counted negative.
    used = sum(cpu_after[pid] - cpu_before[pid] for pid in pids if cpu_after[pid])
    cpu_ms = used * 1000 / repeat
    return statistics.median(durations), cpu_ms, content


def throughput(port, path, connections, duration, cookies=None):
    """Requests per second with ``connections`` clients looping for ``duration`` seconds."""
    counts = [0] * connections
    errors = [0] * connections
    deadline = time.monotonic() + duration

    def client(index):
        while time.monotonic() < deadline:
            status, _, _ = fetch(port, path, cookies)
            counts[index] += 1
            errors[index] += status != 200

    threads = [threading.Thread(target=client, args=(i,)) for i in range(connections)]
    start = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sum(counts) / (time.monotonic() - start), sum(errors)


def cookie_values(set_cookies, cookies):
    for header in set_cookies:
        name, _, rest = header.partition("=")
        cookies[name.strip()] = rest.split(";", 1)[0]
    return cookies


def login(port):
    """Logs in through the admin's own form, as a user would."""
    status, content, set_cookies = fetch(port, "/admin/login/")
    cookies = cookie_values(set_cookies, {})
    token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', content).group(1).decode()
    body = urllib.parse.urlencode(
        {
            "csrfmiddlewaretoken": token,
            "username": "bench-coordination",
            "password": PASSWORD,
            "next": "/admin/",
        }
    )
    status, _, set_cookies = fetch(
        port,
        "/admin/login/?next=/admin/",
        cookies,
        method="POST",
        body=body,
        headers={
            "Content-Type": "application/x-www-form-urlencoded",
            "Referer": "http://127.0.0.1/admin/login/",
        },
    )
    assert status == 302, ("login refused", status)
    return cookie_values(set_cookies, cookies)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--actions", type=int, default=5000)
    parser.add_argument("--organisations", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--duration", type=int, default=10)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--skip-build", action="store_true", help="reuse the database of the last run")
    args = parser.parse_args()

    database_url = os.environ.get("DATABASE_URL", DEFAULT_DATABASE)
    if not database_url.startswith("postgres"):
        sys.exit("bench_http measures PostgreSQL: set DATABASE_URL to a postgres:// URL")
    create_database(database_url)
    media = Path(tempfile.mkdtemp(prefix="citedu-bench-http-"))
    env = production_env(database_url, media)
    if args.skip_build:
        subprocess.run(
            [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"], env=env, cwd=ROOT, check=True
        )
        output = subprocess.run(
            [
                sys.executable,
                "manage.py",
                "shell",
                "--no-imports",
                "-c",
                PREPARE % {"password": PASSWORD, "slug": SLUG, "organisations": args.organisations},
            ],
            env=env,
            cwd=ROOT,
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        action = output.strip().splitlines()[-1].split()[2:]
    else:
        action = build(env, args.actions, args.organisations)

    port = free_port()
    gunicorn = subprocess.Popen(
        [
            str(Path(sys.executable).parent / "gunicorn"),
            "citedu.wsgi",
            "-b",
            f"127.0.0.1:{port}",
            "-w",
            str(args.workers),
            "--timeout",
            "120",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
    )
    try:
        for _ in range(150):
            try:
                if fetch(port, "/healthz")[0] == 200:
                    break
            except OSError:
                pass
            time.sleep(0.2)
        run_bench(args, ServerCPU(gunicorn.pid, database_url), port, *action)
    finally:
        gunicorn.terminate()
        gunicorn.wait(timeout=30)


def run_bench(args, cpu, port, action_slug, action_pk, pilot_slug):
    base = f"/strategies/{SLUG}"
    status, content, _ = fetch(port, f"{base}/indicateurs/")
    indicator = re.search(rf'href="{base}/indicateurs/([\w-]+)/"'.encode(), content).group(1).decode()
    pages = [
        "/",
        f"{base}/",
        f"{base}/actions/",
        f"{base}/actions/?q=action&statut=in_progress&annee=2024&page=2",
        f"{base}/actions/?pilote={pilot_slug}&axe=1",
        f"{base}/actions/{action_slug}/",
        f"{base}/indicateurs/",
        f"{base}/indicateurs/{indicator}/",
        f"{base}/acteurs/",
        f"{base}/concertation/",
        f"{base}/documents/",
    ]
    floor_ms, floor_cpu, _ = timed(cpu, port, "/healthz", args.repeat)
    # The page cache (strategy.page_cache) serves anonymous visitors; a session cookie it does not know
    # makes it render every time while the visitor stays anonymous: the uncached figures.
    for label, cookies in (("cached", None), ("uncached", UNCACHED)):
        print(
            f"\nPublic pages, anonymous, {label}: median of {args.repeat} requests, gunicorn {args.workers} workers"
        )
        print("(CPU: gunicorn workers + PostgreSQL backends, per request)")
        print(f"{'URL':64} {'KB':>5} {'ms':>7} {'× floor':>8} {'CPU ms':>7} {'× floor':>8}")
        print(f"{'/healthz (floor)':64} {'':5} {floor_ms:7.1f} {1:8.1f} {floor_cpu:7.1f} {1:8.1f}")
        worst, worst_cpu = 0, 0
        for path in pages:
            median_ms, cpu_ms, content = timed(cpu, port, path, args.repeat, cookies)
            worst, worst_cpu = max(worst, median_ms / floor_ms), max(worst_cpu, cpu_ms / floor_cpu)
            print(
                f"{path[:64]:64} {len(content) / 1024:5.0f} {median_ms:7.1f} {median_ms / floor_ms:8.1f} "
                f"{cpu_ms:7.1f} {cpu_ms / floor_cpu:8.1f}"
            )
        print(f"Worst {label} page: {worst:.1f}× the floor (wall clock), {worst_cpu:.1f}× (CPU)")

    print(f"\nUnder {args.connections} concurrent connections, {args.duration} s each, uncached")
    floor_rps, floor_errors = throughput(port, "/healthz", args.connections, args.duration)
    list_rps, list_errors = throughput(port, f"{base}/actions/", args.connections, args.duration, UNCACHED)
    print(f"  /healthz            {floor_rps:8.1f} req/s ({floor_errors} errors)")
    print(
        f"  {base}/actions/  {list_rps:8.1f} req/s ({list_errors} errors), {floor_rps / list_rps:.1f}× fewer"
    )

    cookies = login(port)
    path = f"/admin/strategy/action/{action_pk}/change/"
    median_ms, cpu_ms, content = timed(cpu, port, path, max(args.repeat // 2, 5), cookies)
    print("\nAdmin change form of one action, logged in as coordination")
    print(
        f"  {path}: {median_ms:.0f} ms ({median_ms / floor_ms:.1f}× the floor), CPU {cpu_ms:.0f} ms "
        f"({cpu_ms / floor_cpu:.1f}×), {len(content) / 1024:.0f} KB, {content.count(b'<option')} <option>"
    )


if __name__ == "__main__":
    main()
