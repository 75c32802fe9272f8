from django.db.models import Count
from django.shortcuts import render

from indicators.models import Indicator
from portal.views.neighbourhoods import start_here
from strategy.models import Action, Strategy
from strategy.page_cache import public_page


@public_page(every_strategy=True)
def home(request):
    """The strategies of the territory, with a few key figures each."""
    user = request.user
    strategies = list(Strategy.objects.visible_to(user).select_related("territory"))
    visible_actions = Action.objects.visible_to(user).filter(strategy__in=[s.pk for s in strategies])
    action_counts = dict(
        visible_actions.order_by()
        .values("strategy")
        .annotate(count=Count("id"))
        .values_list("strategy", "count")
    )
    indicator_counts = dict(
        Indicator.objects.visible_to(user)
        .filter(strategy__in=[s.pk for s in strategies])
        .order_by()
        .values("strategy")
        .annotate(count=Count("id"))
        .values_list("strategy", "count")
    )
    for strategy in strategies:
        strategy.action_count = action_counts.get(strategy.pk, 0)
        strategy.indicator_count = indicator_counts.get(strategy.pk, 0)
    territories = {strategy.territory_id: strategy.territory for strategy in strategies}
    organisation_count = visible_actions.organisations_involved().count() if strategies else 0
    figures = {
        "strategies": len(strategies),
        "actions": sum(action_counts.values()),
        "organisations": organisation_count,
        "indicators": sum(indicator_counts.values()),
    }
    return render(
        request,
        "portal/home.html",
        {
            "strategies": strategies,
            "territories": list(territories.values()),
            "figures": figures,
            "start_ages": start_here(strategies),
        },
    )
