"""``make run`` serves the portal with the task worker beside it, and Ctrl+C stops both."""

import json
import os
import signal
import socket
import subprocess
import time
import urllib.request

import pytest

from tests.citedu.processes import ROOT, clean_environment


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def workers_of(port):
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2) as response:
            return json.load(response)["queue"]["workers"]
    except OSError:
        return None


def running(pattern):
    found = subprocess.run(["pgrep", "-f", pattern], capture_output=True, text=True)
    return found.stdout.split()


@pytest.mark.skipif(
    not (ROOT / ".venv" / "bin" / "python").exists(), reason="make run needs the project's .venv"
)
def test_make_run_starts_the_worker_and_stops_it_with_the_server(tmp_path):
    port = free_port()
    before = set(running("manage.py runworker"))
    env = clean_environment(
        {"DATABASE_URL": f"sqlite:///{tmp_path / 'run.sqlite3'}", "MEDIA_ROOT": str(tmp_path / "media")}
    )
    log = (tmp_path / "make-run.log").open("wb")
    make = subprocess.Popen(
        ["make", "--no-print-directory", "run", f"PORT={port}", "-o", ".venv/.installed"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and not workers_of(port):
            assert make.poll() is None, (tmp_path / "make-run.log").read_text()
            time.sleep(1)
        assert workers_of(port) == 1, "the portal answers and one worker is alive"
        worker_pids = set(running("manage.py runworker")) - before
        assert worker_pids
    finally:
        # Ctrl+C in the terminal: SIGINT to the whole foreground group.
        os.killpg(make.pid, signal.SIGINT)
        make.wait(timeout=30)
        log.close()
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline and worker_pids & set(running("manage.py runworker")):
        time.sleep(0.5)
    assert not worker_pids & set(running("manage.py runworker")), "the worker stopped with the server"
    assert workers_of(port) is None
