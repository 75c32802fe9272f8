"""The programmation of a year: one line per action and funder, with the source, the stage, the
requested (planned) and notified amounts and the file reference, and the totals per action, per
source and overall. One content for the xlsx and the PDF; the co-funding check is
``strategy.cofunding``'s.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from strategy import cofunding, perms
from strategy.enums import FundingSource
from strategy.models import BudgetLine

ZERO = Decimal("0")


def readable_year_or_404(user, strategy, year):
    """Only coordination and the COPIL read it (others get a 404, as for what they may not see), and
    only for a year of the strategy's span."""
    if not perms.may_read_state_documents(user):
        raise Http404("Document réservé à la coordination et au comité de pilotage.")
    if not strategy.start_date.year <= year <= strategy.end_date.year:
        raise Http404("Aucune programmation pour cette année.")


@dataclass
class ActionBlock:
    """One action's lines of the year."""

    action: object
    lines: list = field(default_factory=list)

    @property
    def rows(self):
        """(line, flagged) pairs: flagged when notified above the request."""
        return [(line, over_notified(line)) for line in self.lines]

    @property
    def planned(self):
        return sum((line.planned_amount for line in self.lines), ZERO)

    @property
    def notified(self):
        return sum((line.notified_amount or ZERO for line in self.lines), ZERO)


@dataclass
class SourceTotal:
    source: str
    label: str
    planned: Decimal
    notified: Decimal


@dataclass
class Programme:
    strategy: object
    year: int
    blocks: list
    sources: list
    check: cofunding.CofundingCheck

    @property
    def lines(self):
        return [line for block in self.blocks for line in block.lines]

    @property
    def planned(self):
        return sum((block.planned for block in self.blocks), ZERO)

    @property
    def notified(self):
        return sum((block.notified for block in self.blocks), ZERO)


def source_label(source):
    return str(FundingSource(source).label) if source else ""


def over_notified(line):
    """A notified amount above the request is accepted (a funder may grant more) but pointed out."""
    return line.notified_amount is not None and line.notified_amount > line.planned_amount


def programme(strategy, year):
    """The year's programmation, in action order then funder name (two queries, three with the check)."""
    lines = (
        BudgetLine.objects.filter(action__strategy=strategy, year=year)
        .select_related("action__axis", "funder")
        .order_by("action__axis__number", "action__code", "funder__name")
    )
    blocks = []
    sums = {}
    for line in lines:
        if not blocks or blocks[-1].action.pk != line.action_id:
            blocks.append(ActionBlock(line.action))
        blocks[-1].lines.append(line)
        planned, notified = sums.get(line.source, (ZERO, ZERO))
        sums[line.source] = (planned + line.planned_amount, notified + (line.notified_amount or ZERO))
    order = [value for value, _label in FundingSource.choices] + [""]
    sources = [
        SourceTotal(source, source_label(source) or _("Source non renseignée"), *sums[source])
        for source in order
        if source in sums
    ]
    return Programme(strategy, year, blocks, sources, cofunding.check(strategy, year))


def document_context(strategy, year, *, document_date=None):
    """The print template's context (``documents/programmation.html``)."""
    return {
        "strategy": strategy,
        "programme": programme(strategy, year),
        "year": year,
        "document_date": document_date or timezone.localdate(),
    }
