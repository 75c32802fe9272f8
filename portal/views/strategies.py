from collections import defaultdict

from django.db.models import Count, Prefetch
from django.shortcuts import render

from charts.svg import budget_chart, status_by_axis_chart
from portal.forms import ContributionForm
from portal.views.access import can_contribute, get_visible_strategy
from strategy.models import Action, BudgetLine, Contribution, Orientation


def strategy_detail(request, slug):
    """A strategy: plain-language summary, axes and orientations, governance, figures."""
    strategy = get_visible_strategy(request, slug)
    user = request.user
    actions = Action.objects.visible_to(user).filter(strategy=strategy)
    counts = defaultdict(dict)
    for axis_id, status, count in (
        actions.order_by()
        .values("axis", "status")
        .annotate(count=Count("id"))
        .values_list("axis", "status", "count")
    ):
        counts[axis_id][status] = count
    orientation_counts = dict(
        actions.order_by()
        .values("orientation")
        .annotate(count=Count("id"))
        .values_list("orientation", "count")
    )
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
    orientations = list(orientations)
    for orientation in orientations:
        orientation.action_count = orientation_counts.get(orientation.pk, 0)
    for axis in axes:
        axis.counts = counts.get(axis.pk, {})
        axis.action_count = sum(axis.counts.values())
        axis.orientation_list = [o for o in orientations if o.axis_id == axis.pk]
    budget_rows = BudgetLine.objects.filter(action__in=actions).totals_by_funder_and_year()
    totals = BudgetLine.objects.filter(action__in=actions).totals()
    context = {
        "strategy": strategy,
        "axes": axes,
        "transversal_orientations": [o for o in orientations if o.axis_id is None],
        "orientations": orientations,
        "signatories": strategy.signatories.select_related("organisation"),
        "status_chart": status_by_axis_chart(axes),
        "budget_chart": budget_chart(budget_rows),
        "budget_totals": totals,
        "action_count": sum(axis.action_count for axis in axes),
        "can_contribute": contributing,
        "contribution_form": ContributionForm() if contributing else None,
    }
    return render(request, "portal/strategy_detail.html", context)
