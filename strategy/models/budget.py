"""The funding table: an action's budget lines, one per funder and year."""

from django.db import models
from django.db.models import F, Q, Sum, Window
from django.db.models.functions import RowNumber
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from strategy.enums import FundingSource, FundingStage
from strategy.models.actions import Action

#: The row that sums the funders a bounded table leaves out.
OTHER_FUNDERS = _("Autres financeurs")


class BudgetLineQuerySet(models.QuerySet):
    def visible_to(self, user):
        return self.filter(action__in=Action.objects.visible_to(user))

    def totals_by_funder_and_year(self):
        """Rows of {funder, year, planned, executed}, ordered by funder name then year."""
        return (
            self.values("funder__name", "year")
            .annotate(planned=Sum("planned_amount"), executed=Sum("executed_amount"))
            .order_by("funder__name", "year")
        )

    def totals(self):
        return self.aggregate(planned=Sum("planned_amount"), executed=Sum("executed_amount"))

    def totals_by_top_funders_and_year(self, top=8):
        """Like ``totals_by_funder_and_year``, bounded: each year's ``top`` funders by planned amount,
        then one row « Autres financeurs » summing the others, so each year's total stays exact.

        Rows ordered by year, then planned amount (largest first), the others last. Two queries.
        """
        ranked = (
            self.values("funder__name", "year")
            .annotate(planned=Sum("planned_amount"), executed=Sum("executed_amount"))
            .annotate(
                rank=Window(
                    RowNumber(), partition_by=[F("year")], order_by=[F("planned").desc(), F("funder__name")]
                )
            )
            .filter(rank__lte=top)
            .order_by("year", "rank")
        )
        rows = [{key: row[key] for key in ("funder__name", "year", "planned", "executed")} for row in ranked]
        years = (
            self.values("year")
            .annotate(planned=Sum("planned_amount"), executed=Sum("executed_amount"))
            .order_by("year")
        )
        result = []
        for year in years:
            shown = [row for row in rows if row["year"] == year["year"]]
            result.extend(shown)
            others = {
                amount: (year[amount] or 0) - sum(row[amount] or 0 for row in shown)
                for amount in ("planned", "executed")
            }
            if any(others.values()):
                result.append({"funder__name": OTHER_FUNDERS, "year": year["year"], **others})
        return result


class BudgetLine(models.Model):
    """One row of the funding table: an action's amount from one funder for one year."""

    action = models.ForeignKey(
        Action, verbose_name=_("action"), on_delete=models.CASCADE, related_name="budget_lines"
    )
    year = models.PositiveSmallIntegerField(_("année"))
    funder = models.ForeignKey(
        "actors.Organisation",
        verbose_name=_("financeur"),
        on_delete=models.PROTECT,
        related_name="funded_lines",
    )
    source = models.CharField(
        _("source du financement"),
        max_length=20,
        choices=FundingSource.choices,
        blank=True,
        help_text=_("Programme 147, fonds de la cité, droit commun, commune, CAF…"),
    )
    source_detail = models.CharField(
        _("précision sur la source"),
        max_length=150,
        blank=True,
        help_text=_("Pour le droit commun : le ministère ou le dispositif."),
    )
    planned_amount = models.DecimalField(_("montant prévu (€)"), max_digits=12, decimal_places=2)
    notified_amount = models.DecimalField(
        _("montant notifié (€)"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("Le montant accordé par le financeur, une fois notifié."),
    )
    executed_amount = models.DecimalField(
        _("montant réalisé (€)"), max_digits=12, decimal_places=2, default=0
    )
    stage = models.CharField(
        _("étape"), max_length=20, choices=FundingStage.choices, default=FundingStage.REQUESTED
    )
    file_reference = models.CharField(_("référence du dossier"), max_length=100, blank=True)
    updated_at = models.DateTimeField(_("modifiée le"), auto_now=True)

    objects = BudgetLineQuerySet.as_manager()

    history = HistoricalRecords()

    class Meta:
        ordering = ["action", "year", "funder__name"]
        verbose_name = _("ligne de financement")
        verbose_name_plural = _("lignes de financement")
        constraints = [
            models.UniqueConstraint(
                fields=["action", "year", "funder"],
                name="budget_line_unique_action_year_funder",
                violation_error_message=_("Cette action a déjà une ligne pour ce financeur et cette année."),
            ),
            models.CheckConstraint(
                condition=Q(planned_amount__gte=0),
                name="budget_line_planned_not_negative",
                violation_error_message=_("Le montant prévu ne peut pas être négatif."),
            ),
            models.CheckConstraint(
                condition=Q(notified_amount__isnull=True) | Q(notified_amount__gte=0),
                name="budget_line_notified_not_negative",
                violation_error_message=_("Le montant notifié ne peut pas être négatif."),
            ),
            models.CheckConstraint(
                condition=Q(executed_amount__gte=0),
                name="budget_line_executed_not_negative",
                violation_error_message=_("Le montant réalisé ne peut pas être négatif."),
            ),
            models.CheckConstraint(
                condition=Q(year__gte=2000, year__lte=2100),
                name="budget_line_year_plausible",
                violation_error_message=_("L'année doit être comprise entre 2000 et 2100."),
            ),
        ]

    def __str__(self):
        return f"{self.action.code} · {self.year} · {self.funder}"
