from collections import defaultdict

from django.db.models import Prefetch, Sum
from django.shortcuts import render

from portal.views.access import get_visible_strategy
from strategy.enums import SwotKind
from strategy.models import Action, Decision, Meeting, Orientation, SwotItem, Workshop
from strategy.page_cache import public_page


@public_page()
def concertation(request, slug):
    """The co-construction record: workshops, the shared diagnosis (SWOT), COPIL decisions."""
    strategy = get_visible_strategy(request, slug)
    user = request.user
    workshops = list(
        Workshop.objects.visible_to(user)
        .filter(strategy=strategy)
        .select_related("axis")
        .prefetch_related("organisations")
        .order_by("date", "axis__number", "id")
    )
    swot = defaultdict(lambda: {kind.value: [] for kind in SwotKind})
    axes_by_key = {}
    for item in (
        SwotItem.objects.visible_to(user)
        .filter(strategy=strategy)
        .select_related("axis")
        .order_by("axis__number", "order", "id")
    ):
        key = item.axis.number if item.axis else 0
        axes_by_key[key] = item.axis
        swot[key][item.kind].append(item)
    diagnosis = [
        {
            "axis": axes_by_key[key],
            "quadrants": [{"kind": kind, "items": swot[key][kind.value]} for kind in SwotKind],
        }
        for key in sorted(swot)
    ]
    # Every related row goes through its visible_to: a decision may name a draft orientation or action.
    meetings = (
        Meeting.objects.visible_to(user)
        .filter(strategy=strategy)
        .order_by("date")
        .prefetch_related(
            Prefetch(
                "decisions",
                queryset=Decision.objects.visible_to(user)
                .prefetch_related(
                    Prefetch(
                        "orientations",
                        queryset=Orientation.objects.visible_to(user).order_by("number"),
                        to_attr="visible_orientations",
                    ),
                    Prefetch(
                        "actions",
                        queryset=Action.objects.visible_to(user).order_by("code"),
                        to_attr="visible_actions",
                    ),
                )
                .order_by("id"),
            )
        )
    )
    context = {
        "strategy": strategy,
        "workshops": workshops,
        "participants_total": Workshop.objects.visible_to(user)
        .filter(strategy=strategy)
        .aggregate(total=Sum("participants_count"))["total"]
        or 0,
        "diagnosis": diagnosis,
        "meetings": meetings,
    }
    return render(request, "portal/concertation.html", context)
