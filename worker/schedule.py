"""The worker's own schedule: jobs run every day at a time of day, with no cron outside the project.

``CITEDU_SCHEDULE`` maps a job's name to the dotted path of a task and a time of day in ``TIME_ZONE``
(``{"daily_digest": {"task": "notifications.tasks.send_daily_digests", "at": "07:00"}}``).
``runworker`` calls :func:`run_due_jobs` when it starts and then at every beat of its heartbeat;
each due job is enqueued once, even with several workers: the job's row moves to its next run by a
conditional UPDATE, and only the worker whose UPDATE changed the row enqueues the task, in the same
transaction. A job whose task does not import (an app not installed yet) is skipped with a log line.
"""

import logging
from dataclasses import dataclass
from datetime import datetime, time, timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.module_loading import import_string

from worker.models import ScheduledJob

logger = logging.getLogger(__name__)

#: The jobs already reported as skipped by this process (said once, not at every beat).
_reported_missing = set()


@dataclass(frozen=True)
class Job:
    name: str
    task_path: str
    at: time

    def next_run_after(self, moment):
        """The first moment strictly after ``moment`` at the job's time of day (local time)."""
        local = timezone.localtime(moment)
        candidate = timezone.make_aware(datetime.combine(local.date(), self.at))
        while candidate <= moment:
            # Adding a day to the date (not 24 h to the moment) keeps 07:00 across DST changes.
            candidate = timezone.make_aware(
                datetime.combine(timezone.localtime(candidate).date() + timedelta(days=1), self.at)
            )
        return candidate

    def task(self):
        """The task to enqueue, or None (logged) when its path does not import."""
        try:
            return import_string(self.task_path)
        except ImportError:
            if self.name not in _reported_missing:
                _reported_missing.add(self.name)
                logger.warning(
                    "Scheduled job %s skipped: its task %s does not import.", self.name, self.task_path
                )
            return None


def jobs():
    """The jobs declared in ``CITEDU_SCHEDULE``, in the order declared."""
    declared = []
    for name, spec in settings.CITEDU_SCHEDULE.items():
        hours, _, minutes = spec["at"].partition(":")
        declared.append(Job(name=name, task_path=spec["task"], at=time(int(hours), int(minutes or 0))))
    return declared


def sync(now=None):
    """Give each declared job its row (first run: its next time of day); returns the rows by name.

    A job whose time changed in the settings is moved to its new time, unless it is already due.
    """
    now = now or timezone.now()
    declared = {job.name: job for job in jobs()}
    rows = ScheduledJob.objects.in_bulk(list(declared), field_name="name")
    for name, job in declared.items():
        row = rows.get(name)
        if row is None:
            row, _ = ScheduledJob.objects.get_or_create(
                name=name, defaults={"next_run_at": job.next_run_after(now)}
            )
            rows[name] = row
        elif row.next_run_at > now and timezone.localtime(row.next_run_at).time() != job.at:
            row.next_run_at = job.next_run_after(now)
            ScheduledJob.objects.filter(pk=row.pk).update(next_run_at=row.next_run_at)
    return rows


def claim(row, job, now):
    """Move the job's row to its next run if it still holds the run this worker read: True when this
    worker won the run (and must enqueue it), False when another worker did."""
    return bool(
        ScheduledJob.objects.filter(pk=row.pk, next_run_at=row.next_run_at).update(
            next_run_at=job.next_run_after(now), last_run_at=now
        )
    )


def run_due_jobs(now=None):
    """Enqueue every job due at ``now`` (once); returns the names of the jobs this call enqueued."""
    now = now or timezone.now()
    rows = sync(now)
    enqueued = []
    for job in jobs():
        row = rows[job.name]
        if row.next_run_at > now:
            continue
        task = job.task()
        if task is None:
            continue
        with transaction.atomic():
            if claim(row, job, now):
                task.enqueue()
                enqueued.append(job.name)
                logger.info("Scheduled job %s enqueued.", job.name)
    return enqueued


def next_runs():
    """Each declared job's next run, for ``/healthz``: ``[{"name", "task", "next_run_at"}]``."""
    rows = ScheduledJob.objects.in_bulk([job.name for job in jobs()], field_name="name")
    return [
        {
            "name": job.name,
            "task": job.task_path,
            "next_run_at": rows[job.name].next_run_at.isoformat() if job.name in rows else None,
        }
        for job in jobs()
    ]
