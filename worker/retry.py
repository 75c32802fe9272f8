"""Bounded retries: a failed task runs again after a pause, up to ``CITEDU_TASK_ATTEMPTS`` runs.

The task's row is put back in the queue as it is (same id, its last traceback kept), so the admin
shows one line per task with the number of attempts; after the last one it stays « Failed ».
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from django_tasks_db.compat import TaskResultStatus
from django_tasks_db.models import DBTaskResult

logger = logging.getLogger(__name__)


def max_attempts():
    return max(1, settings.CITEDU_TASK_ATTEMPTS)


def attempts_of(task_result):
    """How many times the task has started (the worker records one id per run)."""
    return len(task_result.worker_ids)


def is_last_attempt(task_result):
    return attempts_of(task_result) >= max_attempts()


def retry_delay(attempts):
    return timedelta(seconds=settings.CITEDU_TASK_RETRY_DELAY * 2 ** (attempts - 1))


def retry_failed_task(sender, task_result, **kwargs):
    """``task_finished`` receiver: queue a failed task again unless it ran its last attempt."""
    if task_result.status != TaskResultStatus.FAILED or is_last_attempt(task_result):
        return
    attempts = attempts_of(task_result)
    run_after = timezone.now() + retry_delay(attempts)
    DBTaskResult.objects.filter(id=task_result.id, status=TaskResultStatus.FAILED).update(
        status=TaskResultStatus.READY, run_after=run_after, finished_at=None
    )
    logger.warning("Task %s failed (attempt %d), retried after %s.", task_result.id, attempts, run_after)
