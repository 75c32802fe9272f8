"""Small access helpers shared by the public views: fetch what the user may see, or 404."""

from django.shortcuts import get_object_or_404

from actors import roles
from strategy.enums import StrategyStatus
from strategy.models import Strategy


def get_visible_strategy(request, slug):
    """The strategy if this user may read it, else 404 (a hidden draft does not exist for them)."""
    return get_object_or_404(Strategy.objects.visible_to(request.user).select_related("territory"), slug=slug)


def can_contribute(user, strategy):
    """Partners (and the staff inside the strategy) comment on strategies under consultation."""
    if strategy.status != StrategyStatus.CONSULTATION:
        return False
    return roles.is_partner(user) or roles.sees_everything(user)
