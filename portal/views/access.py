"""Small access helpers shared by the public views: fetch what the user may see, or 404."""

from actors import roles
from strategy.enums import StrategyStatus
from strategy.lookups import visible_strategy_or_404


def get_visible_strategy(request, slug):
    """The strategy if this user may read it, else 404."""
    return visible_strategy_or_404(request.user, slug)


def can_contribute(user, strategy):
    """Partners (and the staff inside the strategy) comment on strategies under consultation."""
    if strategy.status != StrategyStatus.CONSULTATION:
        return False
    return roles.is_partner(user) or roles.sees_everything(user)
