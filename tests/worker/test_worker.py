"""The task queue: the real worker (django-tasks-db under ``runworker``), retries, lost workers, health."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from tests.queue import connections_kept, run_worker
from tests.worker.tasks_for_tests import fail_until
from worker import heartbeat
from worker.models import WorkerHeartbeat

pytestmark = pytest.mark.django_db


def runs(path):
    return path.read_text().splitlines() if path.exists() else []


def test_a_failing_task_is_retried_a_bounded_number_of_times_then_stays_failed(tmp_path, settings):
    log = tmp_path / "runs.txt"
    result = fail_until.enqueue(path=str(log), succeed_at_attempt=0)
    run_worker()
    row = DBTaskResult.objects.get(id=result.id)
    assert len(runs(log)) == settings.CITEDU_TASK_ATTEMPTS == 3
    assert row.status == "FAILED" and len(row.worker_ids) == 3
    assert "échec voulu au passage 3" in row.traceback


def test_a_task_that_fails_once_succeeds_on_its_retry(tmp_path):
    log = tmp_path / "runs.txt"
    result = fail_until.enqueue(path=str(log), succeed_at_attempt=2)
    run_worker()
    row = DBTaskResult.objects.get(id=result.id)
    assert (row.status, row.return_value, runs(log)) == ("SUCCESSFUL", 2, ["run 1", "run 2"])


def test_a_retry_waits_and_the_pause_doubles(tmp_path, settings):
    settings.CITEDU_TASK_RETRY_DELAY = 60
    log = tmp_path / "runs.txt"
    result = fail_until.enqueue(path=str(log), succeed_at_attempt=0)
    before = timezone.now()
    run_worker()
    row = DBTaskResult.objects.get(id=result.id)
    assert row.status == "READY" and len(runs(log)) == 1, "the retry is not due yet"
    assert before + timedelta(seconds=59) < row.run_after < timezone.now() + timedelta(seconds=61)


def test_a_task_left_running_by_a_dead_worker_goes_back_to_the_queue(tmp_path):
    log = tmp_path / "runs.txt"
    result = fail_until.enqueue(path=str(log), succeed_at_attempt=1)
    # A worker claimed it, then died (a restart, a crash): no heartbeat for minutes.
    DBTaskResult.objects.filter(id=result.id).update(
        status="RUNNING", started_at=timezone.now() - timedelta(minutes=5), worker_ids=["mort"]
    )
    run_worker()  # starts by putting back the tasks of dead workers
    row = DBTaskResult.objects.get(id=result.id)
    assert row.status == "SUCCESSFUL" and row.worker_ids[0] == "mort" and len(row.worker_ids) == 2


def test_a_task_of_a_live_worker_is_left_alone(tmp_path):
    result = fail_until.enqueue(path=str(tmp_path / "runs.txt"), succeed_at_attempt=1)
    heartbeat.beat("vivant", timezone.now())
    DBTaskResult.objects.filter(id=result.id).update(
        status="RUNNING", started_at=timezone.now() - timedelta(minutes=5), worker_ids=["vivant"]
    )
    assert heartbeat.requeue_orphans() == 0
    assert DBTaskResult.objects.get(id=result.id).status == "RUNNING"


def test_healthz_reports_the_queue_and_the_workers(tmp_path):
    empty = Client().get("/healthz").json()
    # No worker has started yet: the schedule's jobs are declared, not yet planned.
    assert [job["next_run_at"] for job in empty["queue"].pop("schedule")] == [None, None, None]
    assert empty["queue"] == {
        "waiting": 0,
        "scheduled": 0,
        "running": 0,
        "failed": 0,
        "oldest_waiting_seconds": None,
        "workers": 0,
    }
    result = fail_until.enqueue(path=str(tmp_path / "runs.txt"), succeed_at_attempt=1)
    DBTaskResult.objects.filter(id=result.id).update(enqueued_at=timezone.now() - timedelta(seconds=90))
    fail_until.using(run_after=timezone.now() + timedelta(hours=1)).enqueue(path="x", succeed_at_attempt=1)
    heartbeat.beat("sonde", timezone.now())
    queue = Client().get("/healthz").json()["queue"]
    assert queue["waiting"] == 1 and queue["scheduled"] == 1 and queue["workers"] == 1
    assert 89 <= queue["oldest_waiting_seconds"] < 120


def test_runworker_once_processes_the_queue_and_leaves_no_heartbeat(tmp_path, caplog):
    fail_until.enqueue(path=str(tmp_path / "runs.txt"), succeed_at_attempt=1)
    with connections_kept():
        call_command("runworker", "--once")
    assert runs(tmp_path / "runs.txt") == ["run 1"]
    assert not WorkerHeartbeat.objects.exists()
    assert "No more tasks to run" in caplog.text
