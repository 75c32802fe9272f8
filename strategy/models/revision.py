"""The content revision of a strategy: a number every write that changes what its pages show bumps.

Public pages and CSVs are cached under a key holding this number, so a write is seen at once
without any cache being cleared. It lives in its own table, never on ``Strategy`` itself: a
strategy loaded before a bump and saved after it would otherwise write the old number back.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class StrategyRevision(models.Model):
    strategy = models.OneToOneField(
        "strategy.Strategy",
        verbose_name=_("stratégie"),
        primary_key=True,
        on_delete=models.CASCADE,
        related_name="revision",
    )
    number = models.PositiveBigIntegerField(_("révision"), default=1)

    class Meta:
        verbose_name = _("révision du contenu")
        verbose_name_plural = _("révisions du contenu")

    def __str__(self):
        return f"{self.strategy_id}@{self.number}"
