"""The co-funding check: in each year, the commune puts in at least ``Strategy.cofunding_ratio``
euros for each euro of the State (programme 147, fonds de la cité, droit commun).

One rule for the admin's warning, the strategy's pages and the State's yearly documents. Amounts are
the notified ones where known, else the planned ones: what the funders committed to, or asked.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Case, DecimalField, F, Sum, When
from django.db.models.functions import Coalesce

from strategy.enums import FundingSource
from strategy.models import BudgetLine

ZERO = Decimal("0")


@dataclass(frozen=True)
class CofundingCheck:
    year: int
    state: Decimal
    commune: Decimal
    #: Euros of the commune expected for 1 € of the State; None when the strategy sets no rule.
    ratio: Decimal | None

    @property
    def expected_commune(self):
        return None if self.ratio is None else (self.state * self.ratio).quantize(Decimal("0.01"))

    @property
    def is_met(self):
        """True, False, or None when there is no rule or no State money that year."""
        if self.ratio is None or not self.state:
            return None
        return self.commune >= self.expected_commune

    @property
    def shortfall(self):
        return max(ZERO, self.expected_commune - self.commune) if self.is_met is False else ZERO


def _amount():
    return Coalesce(F("notified_amount"), F("planned_amount"), output_field=DecimalField())


def checks(strategy, lines=None):
    """One ``CofundingCheck`` per year that has budget lines, in year order (two queries at most).

    ``lines`` may narrow the budget lines (e.g. the visible ones); by default, all the strategy's."""
    lines = BudgetLine.objects.filter(action__strategy=strategy) if lines is None else lines
    rows = (
        lines.values("year")
        .annotate(
            state=Sum(
                Case(
                    When(source__in=FundingSource.state_sources(), then=_amount()),
                    default=ZERO,
                    output_field=DecimalField(),
                )
            ),
            commune=Sum(
                Case(
                    When(source=FundingSource.COMMUNE, then=_amount()),
                    default=ZERO,
                    output_field=DecimalField(),
                )
            ),
        )
        .order_by("year")
    )
    return [
        CofundingCheck(
            year=row["year"],
            state=row["state"] or ZERO,
            commune=row["commune"] or ZERO,
            ratio=strategy.cofunding_ratio,
        )
        for row in rows
    ]


def check(strategy, year, lines=None):
    """The year's ``CofundingCheck`` (zero amounts when the year has no line)."""
    for result in checks(strategy, lines):
        if result.year == year:
            return result
    return CofundingCheck(year=year, state=ZERO, commune=ZERO, ratio=strategy.cofunding_ratio)
