from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, render

from charts.svg import indicator_chart
from indicators.models import Indicator, Measurement
from portal.views.access import get_visible_strategy
from strategy.models import Action
from strategy.page_cache import public_page

PAGE_SIZE = 50


def _territory_measurements():
    # The indicators are fetched through visible_to: only the publication rule is left to apply.
    return Measurement.objects.published().territory_wide().order_by("period")


@public_page()
def indicator_list(request, slug):
    """Published indicators with their latest value, baseline and target; ``?socle=1`` keeps only
    the core (socle commun), and the page says how many there are either way."""
    strategy = get_visible_strategy(request, slug)
    core_only = request.GET.get("socle") == "1"
    queryset = Indicator.objects.visible_to(request.user).filter(strategy=strategy)
    if core_only:
        queryset = queryset.filter(is_core=True)
    # Paginated; each indicator brings its latest territory-wide value only (a window function
    # per indicator in one query), not its whole series.
    paginator = Paginator(
        queryset.select_related("source")
        .prefetch_related(
            Prefetch(
                "measurements",
                queryset=_territory_measurements().reverse()[:1],
                to_attr="latest_values",
            )
        )
        .order_by("code"),
        PAGE_SIZE,
    )
    page = paginator.get_page(request.GET.get("page"))
    indicators = list(page.object_list)
    for indicator in indicators:
        indicator.latest = indicator.latest_values[0] if indicator.latest_values else None
        latest_value = indicator.latest.value if indicator.latest else None
        progress = indicator.progress_to_target(latest_value)
        indicator.progress_percent = None if progress is None else round(progress * 100)
    return render(
        request,
        "portal/indicator_list.html",
        {
            "strategy": strategy,
            "indicators": indicators,
            "core_only": core_only,
            "page": page,
            "page_range": paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1),
            "query": "socle=1" if core_only else "",
            "csv_url": f"/strategies/{strategy.slug}/indicateurs.csv",
        },
    )


@public_page()
def indicator_detail(request, slug, indicator_slug):
    """One indicator: chart and table over time for the whole territory, then its values broken
    down by neighbourhood, age band and sex, linked actions."""
    strategy = get_visible_strategy(request, slug)
    user = request.user
    indicator = get_object_or_404(
        Indicator.objects.visible_to(user)
        .filter(strategy=strategy)
        .select_related("source")
        .prefetch_related(
            "orientations",
            Prefetch(
                "actions",
                queryset=Action.objects.visible_to(user).in_code_order(),
                to_attr="visible_actions",
            ),
        ),
        slug=indicator_slug,
    )
    indicator.strategy = strategy
    measurements = list(
        indicator.measurements.published()
        .select_related("neighbourhood", "audience")
        .in_breakdown_order("period")
    )
    territory = [m for m in measurements if m.is_territory_wide]
    latest = territory[-1] if territory else None
    progress = indicator.progress_to_target(latest.value if latest else None)
    context = {
        "strategy": strategy,
        "indicator": indicator,
        "chart": indicator_chart(indicator, measurements),
        "commented_values": [m for m in territory if m.comment or m.source_note],
        # The territory-wide series is the headline; the breakdowns come below, as a table.
        "breakdown_values": [m for m in measurements if not m.is_territory_wide],
        "latest": latest,
        "progress_percent": None if progress is None else round(progress * 100),
    }
    return render(request, "portal/indicator_detail.html", context)
