"""Workers say they are alive; a task left « running » by a worker that died goes back to the queue.

The heartbeat's loop also enqueues the scheduled jobs that are due (``worker.schedule``).

A worker killed in the middle of a task (a restart, a machine that stops) leaves its row « Running »
for ever in the database backend. Every live worker writes its heartbeat; a running task whose worker
has not been seen for ``STALE_AFTER`` is put back in the queue, and that lost run counts as an attempt.
"""

import contextlib
import logging
import os
import socket
import threading
from datetime import timedelta

from django.db import DatabaseError, connection
from django.utils import timezone
from django_tasks_db.compat import TaskResultStatus
from django_tasks_db.models import DBTaskResult, get_date_max

from worker import retry, schedule
from worker.models import WorkerHeartbeat

logger = logging.getLogger(__name__)

BEAT_EVERY = 10
STALE_AFTER = timedelta(seconds=60)


def beat(worker_id, started_at):
    WorkerHeartbeat.objects.update_or_create(
        worker_id=worker_id,
        defaults={
            "hostname": socket.gethostname()[:255],
            "pid": os.getpid(),
            "started_at": started_at,
            "seen_at": timezone.now(),
        },
    )


def live_worker_ids(now=None):
    now = now or timezone.now()
    return set(
        WorkerHeartbeat.objects.filter(seen_at__gte=now - STALE_AFTER).values_list("worker_id", flat=True)
    )


def requeue_orphans(now=None):
    """Running tasks whose worker is gone: queued again, or failed if that was their last attempt."""
    now = now or timezone.now()
    alive = live_worker_ids(now)
    requeued = 0
    for task in DBTaskResult.objects.filter(
        status=TaskResultStatus.RUNNING, started_at__lt=now - STALE_AFTER
    ):
        if task.worker_ids and task.worker_ids[-1] in alive:
            continue
        if retry.is_last_attempt(task):
            DBTaskResult.objects.filter(id=task.id, status=TaskResultStatus.RUNNING).update(
                status=TaskResultStatus.FAILED,
                finished_at=now,
                exception_class_path="worker.heartbeat.WorkerLost",
                traceback="Le processus qui exécutait cette tâche s'est arrêté avant la fin.",
            )
        else:
            DBTaskResult.objects.filter(id=task.id, status=TaskResultStatus.RUNNING).update(
                status=TaskResultStatus.READY, run_after=get_date_max(), started_at=None
            )
            requeued += 1
    WorkerHeartbeat.objects.filter(seen_at__lt=now - STALE_AFTER * 10).delete()
    return requeued


class Heartbeat(threading.Thread):
    """Beats every ``BEAT_EVERY`` seconds beside the worker loop, even while a long task runs."""

    def __init__(self, worker_id):
        super().__init__(name="citedu-heartbeat", daemon=True)
        self.worker_id = worker_id
        self.started_at = timezone.now()
        self.stopped = threading.Event()

    def run(self):
        while not self.stopped.is_set():
            try:
                beat(self.worker_id, self.started_at)
                requeue_orphans()
                self.check_schedule()
            except DatabaseError:
                # The database is busy or away: the next beat tries again.
                logger.warning("Heartbeat of worker %s not written.", self.worker_id, exc_info=True)
            finally:
                connection.close()
            self.stopped.wait(BEAT_EVERY)

    def check_schedule(self):
        try:
            schedule.run_due_jobs()
        except DatabaseError:
            raise
        except Exception:
            # A job that cannot be enqueued must not stop the heartbeat (the worker would look dead).
            logger.exception("The schedule of worker %s was not checked.", self.worker_id)

    def stop(self):
        self.stopped.set()
        with contextlib.suppress(DatabaseError):
            WorkerHeartbeat.objects.filter(worker_id=self.worker_id).delete()
