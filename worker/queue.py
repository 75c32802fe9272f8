"""What the queue holds, for ``/healthz`` and the coordination's admin home."""

from django.db.models import Min, Q
from django.utils import timezone
from django_tasks_db.compat import TaskResultStatus
from django_tasks_db.models import DBTaskResult, get_date_max

from worker.heartbeat import live_worker_ids


def _due(now):
    return DBTaskResult.objects.filter(status=TaskResultStatus.READY).filter(
        Q(run_after=get_date_max()) | Q(run_after__lte=now)
    )


def oldest_waiting_seconds(now=None):
    """Seconds the oldest task due to run has waited (since it was queued or due), or None."""
    now = now or timezone.now()
    due = _due(now)
    oldest_enqueued = due.filter(run_after=get_date_max()).aggregate(t=Min("enqueued_at"))["t"]
    oldest_due = due.exclude(run_after=get_date_max()).aggregate(t=Min("run_after"))["t"]
    oldest = min((t for t in (oldest_enqueued, oldest_due) if t is not None), default=None)
    return None if oldest is None else max(0, round((now - oldest).total_seconds(), 1))


def state(now=None):
    now = now or timezone.now()
    return {
        "waiting": _due(now).count(),
        "scheduled": DBTaskResult.objects.filter(status=TaskResultStatus.READY).count() - _due(now).count(),
        "running": DBTaskResult.objects.filter(status=TaskResultStatus.RUNNING).count(),
        "failed": DBTaskResult.objects.filter(status=TaskResultStatus.FAILED).count(),
        "oldest_waiting_seconds": oldest_waiting_seconds(now),
        "workers": len(live_worker_ids(now)),
    }
