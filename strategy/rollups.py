"""Progress rolled up: a set of actions summed into one ``Rollup`` per orientation, axis, neighbourhood
and for the whole strategy.

One rule for the strategy page, the axis sections, the strategy document and the yearly report. The
caller filters the actions (``Action.objects.visible_to(user)``); this module only adds them up, with a
few aggregate queries whatever the number of actions (never one per action):

- count, and count and share of each status, in ``ActionStatus`` order;
- mean progress by the strategy's ``progress_method``: a simple mean (each action counts the same), or
  weighted by the action's planned budget (the sum of its budget lines' planned amounts). An action with
  no budget weighs 0 in the weighted mean; when every action weighs 0 there is no weighted mean, and
  ``Rollup.progress_missing`` says why rather than dividing by 0;
- budget planned (planned amounts), notified (notified amounts), committed (lines at stage « engagé » or
  « versé ») and paid (stage « versé »); the last two count what the funder committed to: the notified
  amount where known, else the planned one (as ``strategy.cofunding`` does);
- how many are late, by ``Action.objects.late(today)``.

Per neighbourhood, an action in two neighbourhoods counts in both (the neighbourhoods' totals may add up
to more than the strategy's), and an action in none is in no neighbourhood's row.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Count, DecimalField, F, Q, Sum
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from actors.models import Neighbourhood
from strategy.enums import ActionStatus, FundingStage, ProgressMethod
from strategy.models import BudgetLine

ZERO = Decimal("0")
ONE_DECIMAL = Decimal("0.1")

#: The short wording of each method, stated next to every mean progress.
METHOD_LABELS = {
    ProgressMethod.EQUAL: _("moyenne simple"),
    ProgressMethod.BUDGET: _("pondérée par le budget prévu"),
}

#: The groupings, as the action's field they read.
AXIS = "axis"
ORIENTATION = "orientation"
NEIGHBOURHOOD = "neighbourhoods"


@dataclass(frozen=True)
class StatusShare:
    status: str
    label: str
    count: int
    #: Percentage of the set's actions, one decimal.
    share: Decimal


@dataclass
class _Sums:
    """What the queries bring back for one group; rollups of groups add up (``merge``)."""

    by_status: dict = field(default_factory=lambda: defaultdict(int))
    progress_sum: int = 0
    weight: Decimal = ZERO
    weighted_progress: Decimal = ZERO
    planned: Decimal = ZERO
    notified: Decimal = ZERO
    committed: Decimal = ZERO
    paid: Decimal = ZERO
    late: int = 0

    def merge(self, other):
        for status, count in other.by_status.items():
            self.by_status[status] += count
        self.progress_sum += other.progress_sum
        self.weight += other.weight
        self.weighted_progress += other.weighted_progress
        self.planned += other.planned
        self.notified += other.notified
        self.committed += other.committed
        self.paid += other.paid
        self.late += other.late


@dataclass(frozen=True)
class Rollup:
    """The figures of a set of actions, and the method its mean progress was computed by."""

    count: int
    statuses: tuple  # of StatusShare, every status in ActionStatus order (zero counts included)
    progress_method: str
    #: Mean progress in %, one decimal; None when there is none (see ``progress_missing``).
    progress: Decimal | None
    planned: Decimal
    notified: Decimal
    committed: Decimal
    paid: Decimal
    late_count: int

    @property
    def method_label(self):
        """« moyenne simple » or « pondérée par le budget prévu », to print next to the mean."""
        return METHOD_LABELS[ProgressMethod(self.progress_method)]

    @property
    def progress_missing(self):
        """Why there is no mean progress, or None when there is one."""
        if self.progress is not None:
            return None
        if not self.count:
            return _("aucune action")
        return _("aucune action n'a de budget prévu")

    @property
    def present_statuses(self):
        """The statuses that have at least one action, for a bar that draws no empty segment."""
        return tuple(share for share in self.statuses if share.count)


def _percent(part, whole):
    if not whole:
        return None
    return (Decimal(part) * 100 / Decimal(whole)).quantize(ONE_DECIMAL, rounding=ROUND_HALF_UP)


def _build(sums, method):
    count = sum(sums.by_status.values())
    statuses = tuple(
        StatusShare(
            status=status.value,
            label=status.label,
            count=sums.by_status.get(status.value, 0),
            share=_percent(sums.by_status.get(status.value, 0), count) or ZERO,
        )
        for status in ActionStatus
    )
    if method == ProgressMethod.BUDGET:
        progress = (
            (sums.weighted_progress / sums.weight).quantize(ONE_DECIMAL, rounding=ROUND_HALF_UP)
            if sums.weight
            else None
        )
    else:
        progress = _percent(sums.progress_sum, count * 100) if count else None
    return Rollup(
        count=count,
        statuses=statuses,
        progress_method=method,
        progress=progress,
        planned=sums.planned,
        notified=sums.notified,
        committed=sums.committed,
        paid=sums.paid,
        late_count=sums.late,
    )


def _funded_amount():
    """What a funder committed to: the notified amount where known, else the planned one."""
    return Coalesce(F("notified_amount"), F("planned_amount"), output_field=DecimalField())


def _gather(actions, keys, today):
    """``_Sums`` per value of ``keys`` (action field names), in three aggregate queries."""
    sums = defaultdict(_Sums)
    actions = actions.order_by()
    for row in actions.values(*keys, "status").annotate(
        count=Count("pk", distinct=True), progress=Sum("progress")
    ):
        group = sums[tuple(row[key] for key in keys)]
        group.by_status[row["status"]] += row["count"]
        group.progress_sum += row["progress"] or 0
    line_keys = [f"action__{key}" for key in keys]
    budget = (
        BudgetLine.objects.filter(action__in=actions.values("pk"))
        .order_by()
        .values(*line_keys)
        .annotate(
            planned=Sum("planned_amount"),
            weighted=Sum(F("planned_amount") * F("action__progress"), output_field=DecimalField()),
            notified=Sum("notified_amount"),
            committed=Sum(_funded_amount(), filter=Q(stage__in=(FundingStage.COMMITTED, FundingStage.PAID))),
            paid=Sum(_funded_amount(), filter=Q(stage=FundingStage.PAID)),
        )
    )
    for row in budget:
        group = sums[tuple(row[key] for key in line_keys)]
        group.planned += row["planned"] or ZERO
        group.weight += row["planned"] or ZERO
        group.weighted_progress += Decimal(row["weighted"] or 0)
        group.notified += row["notified"] or ZERO
        group.committed += row["committed"] or ZERO
        group.paid += row["paid"] or ZERO
    for row in actions.late(today).values(*keys).annotate(count=Count("pk", distinct=True)):
        sums[tuple(row[key] for key in keys)].late += row["count"]
    return sums


def rollup(actions, method, today):
    """One ``Rollup`` of ``actions`` (three queries)."""
    sums = _gather(actions, [], today).get((), _Sums())
    return _build(sums, method)


def rollups_by(actions, key, method, today):
    """``{pk: Rollup}`` per axis, orientation or neighbourhood (``AXIS``, ``ORIENTATION``,
    ``NEIGHBOURHOOD``); the actions with none are under ``None``. Three queries."""
    return {group[0]: _build(sums, method) for group, sums in _gather(actions, [key], today).items()}


@dataclass(frozen=True)
class StrategyRollups:
    total: Rollup
    by_axis: dict  # axis pk -> Rollup
    by_orientation: dict  # orientation pk (None: no orientation) -> Rollup
    by_neighbourhood: dict  # neighbourhood pk (None: in no neighbourhood) -> Rollup


def strategy_rollups(strategy, actions, today, *, neighbourhoods=True):
    """The strategy's roll-ups: the whole, per axis, per orientation, and per neighbourhood.

    Six queries (three without ``neighbourhoods``): axis and orientation come from one grouping, and the
    whole from the sum of the axes (every action has one)."""
    method = strategy.progress_method
    gathered = _gather(actions, [AXIS, ORIENTATION], today)
    total, by_axis, by_orientation = _Sums(), defaultdict(_Sums), defaultdict(_Sums)
    for (axis, orientation), sums in gathered.items():
        total.merge(sums)
        by_axis[axis].merge(sums)
        by_orientation[orientation].merge(sums)
    by_neighbourhood = rollups_by(actions, NEIGHBOURHOOD, method, today) if neighbourhoods else {}
    return StrategyRollups(
        total=_build(total, method),
        by_axis={key: _build(sums, method) for key, sums in by_axis.items()},
        by_orientation={key: _build(sums, method) for key, sums in by_orientation.items()},
        by_neighbourhood=by_neighbourhood,
    )


def neighbourhood_rows(rollups):
    """``(neighbourhood, Rollup)`` for each neighbourhood that has actions, in name order, then
    ``(None, Rollup)`` for the actions in no neighbourhood. One query (the names)."""
    by_pk = rollups.by_neighbourhood
    named = Neighbourhood.objects.filter(pk__in=[pk for pk in by_pk if pk is not None]).order_by("name")
    rows = [(neighbourhood, by_pk[neighbourhood.pk]) for neighbourhood in named]
    if None in by_pk:
        rows.append((None, by_pk[None]))
    return rows


def axis_rows(axes, rollups):
    """``(axis, Rollup)`` for each of ``axes``, an axis without actions with an empty one."""
    empty = empty_rollup(rollups.total.progress_method)
    return [(axis, rollups.by_axis.get(axis.pk, empty)) for axis in axes]


def empty_rollup(method):
    """The rollup of no action (for an axis without any)."""
    return _build(_Sums(), method)
