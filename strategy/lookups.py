"""The strategy a public door (page, PDF, CSV, API) serves: the one lookup they all use."""

from django.shortcuts import get_object_or_404

from strategy.models import Strategy


def visible_strategy_or_404(user, slug):
    """The strategy with that slug if ``user`` may read it, else 404: a hidden draft does not exist
    for them, whichever door they knock at."""
    return get_object_or_404(Strategy.objects.visible_to(user).select_related("territory"), slug=slug)
