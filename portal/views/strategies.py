from django.db.models import Prefetch
from django.shortcuts import render
from django.utils import timezone

from charts.svg import budget_chart, status_by_axis_chart
from portal.forms import ContributionForm
from portal.views.access import can_contribute, get_visible_strategy
from portal.views.neighbourhoods import start_here
from strategy.models import Action, BudgetLine, Contribution, Orientation
from strategy.page_cache import public_page
from strategy.rollups import empty_rollup, neighbourhood_rows, strategy_rollups

#: Funders named in the strategy page's funding table each year; the others share one row.
BUDGET_FUNDERS_PER_YEAR = 8


@public_page()
def strategy_detail(request, slug):
    """A strategy: plain-language summary, axes and orientations, governance, figures."""
    strategy = get_visible_strategy(request, slug)
    user = request.user
    actions = Action.objects.visible_to(user).filter(strategy=strategy)
    # Every figure of the page (counts by status, means, budget by stage, late) from one rule.
    rollups = strategy_rollups(strategy, actions, timezone.localdate())
    contributing = can_contribute(user, strategy)
    orientations = (
        Orientation.objects.visible_to(user)
        .filter(strategy=strategy)
        .order_by("number")
        .prefetch_related(
            Prefetch(
                "contributions",
                queryset=Contribution.objects.visible_to(user)
                .select_related("author")
                .order_by("created_at"),
                to_attr="visible_contributions",
            )
        )
    )
    axes = list(strategy.axes.order_by("number"))
    empty = empty_rollup(strategy.progress_method)
    orientations = list(orientations)
    for orientation in orientations:
        orientation.action_count = rollups.by_orientation.get(orientation.pk, empty).count
    for axis in axes:
        axis.rollup = rollups.by_axis.get(axis.pk, empty)
        axis.counts = {share.status: share.count for share in axis.rollup.present_statuses}
        axis.action_count = axis.rollup.count
        axis.orientation_list = [o for o in orientations if o.axis_id == axis.pk]
    # Bounded: each year's main funders and one row for the others (a large territory had 674 rows).
    budget_lines = BudgetLine.objects.filter(action__in=actions)
    budget_rows = budget_lines.totals_by_top_funders_and_year(top=BUDGET_FUNDERS_PER_YEAR)
    funder_count = budget_lines.values("funder").distinct().count()
    context = {
        "strategy": strategy,
        "axes": axes,
        "transversal_orientations": [o for o in orientations if o.axis_id is None],
        "orientations": orientations,
        "signatories": strategy.signatories.select_related("organisation"),
        "status_chart": status_by_axis_chart(axes),
        "budget_chart": budget_chart(budget_rows, funder_count=funder_count),
        "action_count": rollups.total.count,
        "rollup": rollups.total,
        "neighbourhood_rollups": neighbourhood_rows(rollups),
        "can_contribute": contributing,
        "contribution_form": ContributionForm() if contributing else None,
        "start_strategies": [strategy],
        "start_ages": start_here([strategy]),
    }
    return render(request, "portal/strategy_detail.html", context)
