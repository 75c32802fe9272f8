"""The worker's own schedule: each job enqueued once when due, even with two workers; no cron."""

import datetime
import logging

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from tests.queue import run_worker
from worker import schedule
from worker.models import ScheduledJob

pytestmark = pytest.mark.django_db

PARIS = datetime.timezone(datetime.timedelta(hours=1))  # December: Paris is UTC+1


def test_each_job_is_first_planned_at_its_next_time_of_day_in_the_portal_time_zone():
    now = datetime.datetime(2026, 12, 1, 7, 30, tzinfo=PARIS)
    rows = schedule.sync(now)
    assert rows["daily_digest"].next_run_at == datetime.datetime(2026, 12, 2, 7, 0, tzinfo=PARIS)
    assert rows["prune_task_results"].next_run_at == datetime.datetime(2026, 12, 2, 3, 0, tzinfo=PARIS)
    assert rows["round_reminders"].next_run_at == datetime.datetime(2026, 12, 1, 8, 0, tzinfo=PARIS)


def test_a_daily_job_stays_at_its_local_hour_across_the_change_to_summer_time():
    job = schedule.Job(name="digest", task_path="x", at=datetime.time(7, 0))
    before = datetime.datetime(2027, 3, 27, 8, 0, tzinfo=PARIS)  # Saturday; Sunday 28 is UTC+2
    assert timezone.localtime(job.next_run_after(before)).replace(tzinfo=None) == datetime.datetime(
        2027, 3, 28, 7, 0
    )


def test_a_due_job_is_enqueued_once_then_planned_for_the_next_day():
    now = datetime.datetime(2026, 12, 2, 7, 0, 5, tzinfo=PARIS)
    schedule.sync(now - datetime.timedelta(hours=1))
    assert schedule.run_due_jobs(now) == ["daily_digest"]
    assert schedule.run_due_jobs(now) == []
    row = ScheduledJob.objects.get(name="daily_digest")
    assert (row.last_run_at, row.next_run_at) == (now, datetime.datetime(2026, 12, 3, 7, 0, tzinfo=PARIS))
    assert DBTaskResult.objects.filter(task_path="notifications.tasks.send_daily_digests").count() == 1


def test_two_workers_that_see_the_same_due_run_enqueue_it_once():
    now = datetime.datetime(2026, 12, 2, 7, 0, 5, tzinfo=PARIS)
    schedule.sync(now - datetime.timedelta(hours=1))
    job = next(job for job in schedule.jobs() if job.name == "daily_digest")
    seen_by_first = ScheduledJob.objects.get(name="daily_digest")
    seen_by_second = ScheduledJob.objects.get(name="daily_digest")
    assert schedule.claim(seen_by_first, job, now) is True
    assert schedule.claim(seen_by_second, job, now) is False


def test_a_job_whose_task_does_not_import_is_skipped_with_a_log_line(settings, caplog):
    settings.CITEDU_SCHEDULE = {"later": {"task": "no_such_app.tasks.nothing", "at": "08:00"}}
    schedule._reported_missing.discard("later")
    ScheduledJob.objects.create(name="later", next_run_at=timezone.now() - datetime.timedelta(minutes=1))
    with caplog.at_level(logging.WARNING, logger="worker.schedule"):
        assert schedule.run_due_jobs() == []
    assert "Scheduled job later skipped: its task no_such_app.tasks.nothing does not import." in caplog.text
    assert ScheduledJob.objects.get(name="later").last_run_at is None


def test_runworker_once_runs_what_became_due_and_prunes_old_task_results():
    run_worker()
    old = DBTaskResult.objects.create(
        task_path="worker.tasks.prune_task_results",
        status="SUCCESSFUL",
        args_kwargs={"args": [], "kwargs": {}},
        finished_at=timezone.now() - datetime.timedelta(days=31),
        backend_name="default",
        queue_name="default",
        priority=0,
    )
    ScheduledJob.objects.filter(name="prune_task_results").update(
        next_run_at=timezone.now() - datetime.timedelta(seconds=1)
    )
    run_worker()
    assert not DBTaskResult.objects.filter(pk=old.pk).exists()
    assert (
        DBTaskResult.objects.filter(task_path="worker.tasks.prune_task_results", status="SUCCESSFUL").count()
        == 1
    )


def test_healthz_shows_the_next_run_of_each_job(client):
    run_worker()
    body = client.get("/healthz").json()
    planned = {job["name"]: job["next_run_at"] for job in body["queue"]["schedule"]}
    assert set(planned) == {"daily_digest", "prune_task_results", "round_reminders"}
    digest = datetime.datetime.fromisoformat(planned["daily_digest"])
    assert timezone.localtime(digest).time() == datetime.time(7, 0) and digest > timezone.now()
