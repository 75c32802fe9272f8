"""The web while a 1,000-action strategy document renders: the download answers at once, pages stay fast.

    .venv/bin/python bench/bench_documents.py [--actions 1000] [--port 8766] [--before 10] [--timeout 900]

1. builds a synthetic strategy (loadsynthetic, seed 1) in a fresh SQLite file under var/bench/ (or the
   DATABASE_URL given, e.g. a PostgreSQL database of your own), migrates, collects the static files
   (unless staticfiles/ has them: --collectstatic to force);
2. serves the portal with gunicorn, 2 workers, default timeout, production settings (DEBUG off), and
   starts the background worker (``manage.py runworker``) beside it;
3. floor: samples ``/healthz`` and the strategy's action list for --before seconds, nothing rendering;
4. asks for ``/strategies/<slug>/document.pdf``: the answer must come in under a second, ``200
   application/pdf`` when a rendering is ready, else ``202 text/html`` (a waiting page in French with
   ``Retry-After``); then polls it until the PDF comes, while the same pages are sampled and the
   worker's memory (PSS summed over its process tree) is read from /proc;
5. prints each figure against its floor, checks the PDF, and stops what it started.
Every request goes to 127.0.0.1 only; every loop is bounded in count and time.
"""

import argparse
import io
import os
import shutil
import signal
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from proctree import PeakSampler

ROOT = Path(__file__).resolve().parent.parent
BENCH_DIR = ROOT / "var" / "bench"
PYTHON = sys.executable
SLUG = "bench-documents"
ANSWER_LIMIT = 1.0  # seconds: the download must answer within this, ready or not


def portal_env(database_url):
    env = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO")}
    env.update(
        DATABASE_URL=database_url,
        DEBUG="0",
        SECRET_KEY="bench-" + "k" * 60,
        ALLOWED_HOSTS="127.0.0.1",
        SECURE_SSL_REDIRECT="0",
        EMAIL_URL="console://",
        MEDIA_ROOT=str(BENCH_DIR / "documents-media"),
        LOG_LEVEL="WARNING",
    )
    return env


def manage(env, *arguments):
    subprocess.run([PYTHON, "manage.py", *arguments], cwd=ROOT, env=env, check=True, capture_output=True)


def get(base, path, timeout=30):
    """(status, headers, body, seconds) of one GET; status 0 when the server did not answer."""
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(base + path, timeout=timeout) as response:
            body = response.read()
            return response.status, response.headers, body, time.perf_counter() - started
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read(), time.perf_counter() - started
    except (urllib.error.URLError, TimeoutError, ConnectionError):
        return 0, {}, b"", time.perf_counter() - started


class Prober(threading.Thread):
    """Requests each path in turn, again and again, recording (phase, path, status, ms)."""

    def __init__(self, base, paths, pause=0.1):
        super().__init__(daemon=True)
        self.base, self.paths, self.pause = base, paths, pause
        self.phase = "before"
        self.samples = []
        self._done = threading.Event()

    def run(self):
        while not self._done.is_set():
            for path in self.paths:
                status, _headers, _body, seconds = get(self.base, path)
                self.samples.append((self.phase, path, status, seconds * 1000))
            self._done.wait(self.pause)

    def stop(self):
        self._done.set()
        self.join(timeout=60)

    def figures(self, phase, path):
        times = sorted(ms for p, u, _s, ms in self.samples if p == phase and u == path)
        errors = sum(1 for p, u, s, _ms in self.samples if p == phase and u == path and s != 200)
        if not times:
            return None
        p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
        return {"n": len(times), "p50": statistics.median(times), "p95": p95, "errors": errors}


def wait_until_up(base, process, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            sys.exit("gunicorn stopped while starting: see var/bench/gunicorn.log")
        if get(base, "/healthz", timeout=2)[0] == 200:
            return
        time.sleep(0.2)
    sys.exit("gunicorn did not answer /healthz in time")


def start(command, env, log_name):
    log = open(BENCH_DIR / log_name, "w")  # noqa: SIM115 (closed with the process)
    # A session of its own: stopped with its children by its own process group id.
    return subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
    )


def stop(process):
    if process is None or process.poll() is not None:
        return
    os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


def describe_answer(status, headers, body):
    kind = headers.get("Content-Type", "") if headers else ""
    retry = headers.get("Retry-After") if headers else None
    text = f"{status} {kind}"
    if retry is not None:
        text += f", Retry-After: {retry}"
    return text


def check_waiting_page(headers, body):
    """What the interface promises of a 202: a French HTML page that says when to come back."""
    problems = []
    if not headers.get("Content-Type", "").startswith("text/html"):
        problems.append("202 without text/html")
    if not headers.get("Retry-After", "").strip().isdigit():
        problems.append("202 without a Retry-After in seconds")
    if b'lang="fr"' not in body:
        problems.append("202 page not in French")
    return problems


@dataclass
class Download:
    """What the download answered, from the first request to the PDF."""

    first: str = ""
    first_seconds: float = 0.0
    answers: list = field(default_factory=list)  # (status, seconds)
    ready_seconds: float = 0.0
    pdf: bytes | None = None
    problems: list = field(default_factory=list)


def download(base, path, timeout):
    """Asks for the document, checks the first answer, then polls (as Retry-After says) until the PDF."""
    result = Download()
    asked = time.perf_counter()
    status, headers, body, result.first_seconds = get(base, path, timeout=120)
    result.first = describe_answer(status, headers, body)
    if result.first_seconds >= ANSWER_LIMIT:
        result.problems.append(f"the first answer took {result.first_seconds:.2f} s")
    if status == 202:
        result.problems += check_waiting_page(headers, body)
    elif status != 200:
        result.problems.append(f"the first answer was {status}, neither 200 nor 202")
    result.answers.append((status, result.first_seconds))
    if status == 200:
        result.pdf = body
    while result.pdf is None and status == 202 and time.perf_counter() < asked + timeout:
        retry = headers.get("Retry-After", "1").strip()
        time.sleep(min(max(float(retry) if retry.isdigit() else 1.0, 0.5), 5.0))
        status, headers, body, seconds = get(base, path, timeout=120)
        result.answers.append((status, seconds))
        if status == 200 and headers.get("Content-Type", "").startswith("application/pdf"):
            result.pdf = body
    result.ready_seconds = time.perf_counter() - asked
    if result.pdf is None:
        result.problems.append(f"no PDF after {result.ready_seconds:.0f} s (last answer {status})")
    return result


def prepare(args):
    """The database (fresh SQLite unless DATABASE_URL), the static files, the strategy: the servers' env."""
    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    database_url = os.environ.get("DATABASE_URL")
    if not database_url:
        database = BENCH_DIR / "bench_documents.sqlite3"
        database.unlink(missing_ok=True)
        database_url = f"sqlite:///{database}"
    env = portal_env(database_url)
    # No PDF from a previous run: the cache would serve it for the same HTML, with no rendering.
    shutil.rmtree(env["MEDIA_ROOT"], ignore_errors=True)
    engine = "PostgreSQL" if database_url.startswith("postgres") else "SQLite"
    print(f"{os.cpu_count()} cores, {engine}; building a strategy of {args.actions} actions…", flush=True)
    started = time.perf_counter()
    manage(env, "migrate", "-v0")
    if args.collectstatic or not (ROOT / "staticfiles" / "staticfiles.json").exists():
        manage(env, "collectstatic", "--noinput", "-v0")  # minutes: whitenoise compresses every file
    manage(env, "loadsynthetic", SLUG, "--actions", str(args.actions), "--seed", "1")
    print(f"  ready in {time.perf_counter() - started:.1f} s")
    return env


def report(path, result, memory, idle_worker_mb, prober, probe_paths):
    problems = list(result.problems)
    slowest = max(seconds for _status, seconds in result.answers)
    print(f"\nDocument {path}")
    print(
        f"  first answer: {result.first} in {result.first_seconds * 1000:.0f} ms (limit {ANSWER_LIMIT * 1000:.0f})"
    )
    print(f"  answers while polling: {len(result.answers)}, the slowest in {slowest * 1000:.0f} ms")
    if result.pdf is None:
        print(f"  no PDF after {result.ready_seconds:.0f} s")
    else:
        import pikepdf

        with pikepdf.open(io.BytesIO(result.pdf)) as opened:
            pages = len(opened.pages)
        print(f"  ready after {result.ready_seconds:.1f} s: {pages} pages, {len(result.pdf) / 1024:.0f} kB")
    print(
        f"  worker memory (PSS summed over its process tree): {idle_worker_mb:.0f} MB idle, peak {memory.tree_mb:.0f} MB"
    )
    print(
        f"\n{'page':<40}{'phase':>8}{'n':>6}{'p50 ms':>9}{'p95 ms':>9}{'errors':>8}{'p50 ×':>8}{'p95 ×':>8}"
    )
    for probe in probe_paths:
        floor = prober.figures("before", probe)
        for phase in ("before", "during"):
            row = prober.figures(phase, probe)
            if row is None:
                continue
            ratio50 = row["p50"] / floor["p50"] if floor else float("nan")
            ratio95 = row["p95"] / floor["p95"] if floor else float("nan")
            print(
                f"{probe:<40}{phase:>8}{row['n']:>6}{row['p50']:>9.1f}{row['p95']:>9.1f}{row['errors']:>8}"
                f"{ratio50:>8.1f}{ratio95:>8.1f}"
            )
            if row["errors"]:
                problems.append(f"{row['errors']} failed requests to {probe} ({phase})")
    print("\nRESULT:", "OK" if not problems else "FAILED: " + "; ".join(problems))
    return 0 if not problems else 1


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--actions", type=int, default=1000)
    parser.add_argument("--port", type=int, default=8766)
    parser.add_argument("--before", type=float, default=10.0, help="seconds of floor sampling")
    parser.add_argument("--timeout", type=float, default=900.0, help="seconds to wait for the PDF")
    parser.add_argument("--collectstatic", action="store_true", help="even if staticfiles/ has a manifest")
    args = parser.parse_args()
    env = prepare(args)

    base = f"http://127.0.0.1:{args.port}"
    path = f"/strategies/{SLUG}/document.pdf"
    probe_paths = ["/healthz", f"/strategies/{SLUG}/actions/"]
    gunicorn = worker = prober = memory = None
    try:
        gunicorn = start(
            [str(Path(PYTHON).parent / "gunicorn"), "citedu.wsgi", "-w", "2", "-b", f"127.0.0.1:{args.port}"],
            env,
            "gunicorn.log",
        )
        wait_until_up(base, gunicorn)
        worker = start([PYTHON, "manage.py", "runworker"], env, "runworker.log")
        memory = PeakSampler(worker.pid, interval=0.2)
        memory.start()
        for probe in probe_paths:  # warm-up: each gunicorn worker loads its templates once
            for _ in range(4):
                get(base, probe)
        prober = Prober(base, probe_paths)
        prober.start()
        time.sleep(args.before)
        idle_worker_mb = memory.tree_mb
        memory.reset()
        prober.phase = "during"
        result = download(base, path, args.timeout)
        prober.phase = "after"
    finally:
        if prober:
            prober.stop()
        if memory:
            memory.stop()
        stop(worker)
        stop(gunicorn)
    return report(path, result, memory, idle_worker_mb, prober, probe_paths)


if __name__ == "__main__":
    sys.exit(main())
