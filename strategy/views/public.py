"""Placeholder public views; the public portal issue replaces them."""

from django.shortcuts import get_object_or_404, render

from indicators.models import Indicator
from strategy.models import Action, Strategy


def home(request):
    strategies = Strategy.objects.visible_to(request.user).select_related("territory")
    return render(request, "strategy/home.html", {"strategies": strategies})


def strategy_detail(request, slug):
    strategy = get_object_or_404(Strategy.objects.visible_to(request.user), slug=slug)
    return render(request, "strategy/strategy_detail.html", {"strategy": strategy})


def action_detail(request, slug, action_slug):
    action = get_object_or_404(
        Action.objects.visible_to(request.user).select_related("strategy"),
        strategy__slug=slug,
        slug=action_slug,
    )
    return render(request, "strategy/action_detail.html", {"action": action})


def indicator_detail(request, slug, indicator_slug):
    indicator = get_object_or_404(
        Indicator.objects.visible_to(request.user).select_related("strategy"),
        strategy__slug=slug,
        slug=indicator_slug,
    )
    return render(request, "strategy/indicator_detail.html", {"indicator": indicator})
