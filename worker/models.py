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
