"""Roll-ups recomputed from the rows: by status, mean progress (simple and weighted), budget by stage,
late actions, per axis, orientation and neighbourhood, and empty sets."""

import datetime
import random
from decimal import ROUND_HALF_UP, Decimal

import pytest

from strategy.enums import ActionStatus, FundingStage, ProgressMethod
from strategy.models import Action, Milestone
from strategy.rollups import NEIGHBOURHOOD, empty_rollup, rollup, rollups_by, strategy_rollups
from tests.actors.factories import NeighbourhoodFactory
from tests.strategy.factories import (
    ActionFactory,
    AxisFactory,
    BudgetLineFactory,
    OrientationFactory,
    StrategyFactory,
)

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2025, 3, 1)
STAGES = list(FundingStage)


def one_decimal(value):
    return Decimal(value).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


@pytest.fixture
def strategy():
    """Two axes, three orientations, two neighbourhoods, a dozen actions of every status, some budgeted,
    one late by its end date and one by a milestone."""
    rng = random.Random(14)
    strategy = StrategyFactory()
    axes = [AxisFactory(strategy=strategy, number=n) for n in (1, 2)]
    orientations = [OrientationFactory(strategy=strategy, axis=axes[n % 2], number=n + 1) for n in range(3)]
    north, south = NeighbourhoodFactory(), NeighbourhoodFactory()
    statuses = list(ActionStatus)
    for n in range(12):
        action = ActionFactory(
            strategy=strategy,
            axis=axes[n % 2],
            orientation=orientations[n % 3] if n % 4 else None,
            code=f"{n % 2 + 1}.{n}",
            status=statuses[n % len(statuses)],
            progress=rng.randint(0, 100),
            end_date=datetime.date(2026, 6, 30),
        )
        action.neighbourhoods.set([north, south][: n % 3])
        for year in range(n % 3):
            BudgetLineFactory(
                action=action,
                year=2024 + year,
                planned_amount=Decimal(rng.randint(1, 50000)) + Decimal("0.50"),
                notified_amount=Decimal(rng.randint(1, 50000)) if rng.random() < 0.6 else None,
                stage=rng.choice(STAGES),
            )
    in_progress = Action.objects.filter(strategy=strategy, status=ActionStatus.IN_PROGRESS)
    in_progress.filter(pk=in_progress.first().pk).update(end_date=datetime.date(2025, 1, 31))
    Milestone.objects.create(
        action=in_progress.last(), title="Premier atelier", planned_date=datetime.date(2025, 2, 1)
    )
    return strategy


def expected(actions, method):
    """The figures recomputed one action at a time, in Python."""
    actions = list(actions.prefetch_related("budget_lines", "milestones"))
    count = len(actions)
    by_status = {status.value: sum(a.status == status for a in actions) for status in ActionStatus}
    lines = [line for a in actions for line in a.budget_lines.all()]
    weights = {a.pk: sum((line.planned_amount for line in a.budget_lines.all()), Decimal(0)) for a in actions}
    if method == ProgressMethod.BUDGET:
        total_weight = sum(weights.values(), Decimal(0))
        progress = (
            one_decimal(sum(a.progress * weights[a.pk] for a in actions) / total_weight)
            if total_weight
            else None
        )
    else:
        progress = one_decimal(Decimal(sum(a.progress for a in actions)) / count) if count else None

    def funded(line):
        return line.planned_amount if line.notified_amount is None else line.notified_amount

    return {
        "count": count,
        "by_status": by_status,
        "shares": {
            s: one_decimal(Decimal(n) * 100 / count) if count else Decimal(0) for s, n in by_status.items()
        },
        "progress": progress,
        "planned": sum((line.planned_amount for line in lines), Decimal(0)),
        "notified": sum((line.notified_amount or 0 for line in lines), Decimal(0)),
        "committed": sum(
            (funded(line) for line in lines if line.stage in (FundingStage.COMMITTED, FundingStage.PAID)),
            Decimal(0),
        ),
        "paid": sum((funded(line) for line in lines if line.stage == FundingStage.PAID), Decimal(0)),
        "late": sum(a.is_late(TODAY) for a in actions),
    }


def assert_matches(result, actions, method):
    want = expected(actions, method)
    assert result.count == want["count"]
    assert [s.status for s in result.statuses] == [s.value for s in ActionStatus]
    assert {s.status: s.count for s in result.statuses} == want["by_status"]
    assert {s.status: s.share for s in result.statuses} == want["shares"]
    assert result.progress == want["progress"]
    assert result.planned == want["planned"]
    assert result.notified == want["notified"]
    assert result.committed == want["committed"]
    assert result.paid == want["paid"]
    assert result.late_count == want["late"]


@pytest.mark.parametrize("method", list(ProgressMethod))
def test_strategy_rollup_equals_the_rows(strategy, method):
    actions = Action.objects.filter(strategy=strategy)
    result = rollup(actions, method, TODAY)
    assert_matches(result, actions, method)
    assert result.late_count == 2
    assert result.planned > 0 and result.committed <= result.planned + result.notified


@pytest.mark.parametrize("method", list(ProgressMethod))
def test_per_axis_orientation_and_neighbourhood(strategy, method, django_assert_num_queries):
    strategy.progress_method = method
    actions = Action.objects.filter(strategy=strategy)
    with django_assert_num_queries(6):
        result = strategy_rollups(strategy, actions, TODAY)
    assert_matches(result.total, actions, method)
    for axis in strategy.axes.all():
        assert_matches(result.by_axis[axis.pk], actions.filter(axis=axis), method)
    for orientation in strategy.orientations.all():
        assert_matches(result.by_orientation[orientation.pk], actions.filter(orientation=orientation), method)
    assert_matches(result.by_orientation[None], actions.filter(orientation=None), method)
    neighbourhood_ids = set(actions.values_list("neighbourhoods", flat=True)) - {None}
    assert len(neighbourhood_ids) == 2
    for pk in neighbourhood_ids:
        assert_matches(result.by_neighbourhood[pk], actions.filter(neighbourhoods=pk), method)
    assert_matches(result.by_neighbourhood[None], actions.filter(neighbourhoods=None), method)


def test_an_action_in_two_neighbourhoods_counts_in_both(strategy):
    actions = Action.objects.filter(strategy=strategy)
    by_neighbourhood = rollups_by(actions, NEIGHBOURHOOD, ProgressMethod.EQUAL, TODAY)
    in_both = actions.filter(pk__in=[a.pk for a in actions if a.neighbourhoods.count() == 2]).count()
    assert in_both > 0
    assert sum(r.count for r in by_neighbourhood.values()) == actions.count() + in_both


def test_the_weighted_mean_weighs_by_planned_budget():
    strategy = StrategyFactory(progress_method=ProgressMethod.BUDGET)
    big = ActionFactory(strategy=strategy, progress=90)
    small = ActionFactory(strategy=strategy, axis=big.axis, progress=10)
    ActionFactory(strategy=strategy, axis=big.axis, progress=0)  # no budget: weighs 0
    BudgetLineFactory(action=big, planned_amount=Decimal("30000"))
    BudgetLineFactory(action=small, planned_amount=Decimal("5000"), year=2024)
    BudgetLineFactory(action=small, planned_amount=Decimal("5000"), year=2025)
    actions = Action.objects.filter(strategy=strategy)
    weighted = rollup(actions, ProgressMethod.BUDGET, TODAY)
    simple = rollup(actions, ProgressMethod.EQUAL, TODAY)
    assert weighted.progress == Decimal("70.0")  # (90 × 30 000 + 10 × 10 000) / 40 000
    assert simple.progress == Decimal("33.3")  # (90 + 10 + 0) / 3
    assert str(weighted.method_label) == "pondérée par le budget prévu"
    assert str(simple.method_label) == "moyenne simple"


def test_no_budget_at_all_says_so_rather_than_dividing_by_zero():
    action = ActionFactory(progress=40)
    weighted = rollup(Action.objects.filter(pk=action.pk), ProgressMethod.BUDGET, TODAY)
    assert weighted.count == 1
    assert weighted.progress is None
    assert str(weighted.progress_missing) == "aucune action n'a de budget prévu"
    assert rollup(Action.objects.filter(pk=action.pk), ProgressMethod.EQUAL, TODAY).progress == 40


@pytest.mark.parametrize("method", list(ProgressMethod))
def test_an_empty_set(method):
    for result in (rollup(Action.objects.none(), method, TODAY), empty_rollup(method)):
        assert result.count == 0
        assert result.progress is None
        assert str(result.progress_missing) == "aucune action"
        assert all(share.count == 0 and share.share == 0 for share in result.statuses)
        assert result.planned == result.notified == result.committed == result.paid == 0
        assert result.late_count == 0
        assert result.present_statuses == ()


def test_query_count_does_not_grow_with_actions(strategy, django_assert_num_queries):
    for n in range(30):
        ActionFactory(strategy=strategy, axis=strategy.axes.first(), code=f"9.{n}")
    with django_assert_num_queries(6):
        strategy_rollups(strategy, Action.objects.filter(strategy=strategy), TODAY)
