"""The workers alive: each ``runworker`` process says so every few seconds (see ``worker.heartbeat``)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class WorkerHeartbeat(models.Model):
    worker_id = models.CharField(_("identifiant"), max_length=64, unique=True)
    hostname = models.CharField(_("machine"), max_length=255)
    pid = models.PositiveIntegerField(_("processus"))
    started_at = models.DateTimeField(_("démarré le"))
    seen_at = models.DateTimeField(_("vu le"), db_index=True)

    class Meta:
        verbose_name = _("processus de tâches de fond")
        verbose_name_plural = _("processus de tâches de fond")

    def __str__(self):
        return f"{self.hostname}:{self.pid}"


class ScheduledJob(models.Model):
    """One job of the worker's schedule (``CITEDU_SCHEDULE``): when it runs next, when it last ran.

    The row is the lock: a worker enqueues the job only if it moves ``next_run_at`` from the value it
    read (one conditional UPDATE), so two workers never enqueue the same run twice.
    """

    name = models.CharField(_("nom"), max_length=100, unique=True)
    next_run_at = models.DateTimeField(_("prochaine exécution"))
    last_run_at = models.DateTimeField(_("dernière exécution"), null=True, blank=True)

    class Meta:
        ordering = ["next_run_at", "name"]
        verbose_name = _("tâche planifiée")
        verbose_name_plural = _("tâches planifiées")

    def __str__(self):
        return self.name
