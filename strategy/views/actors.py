from django.db.models import Prefetch, Q
from django.db.models.functions import Length
from django.shortcuts import render

from actors.models import Organisation
from strategy.models import Action, ActionPartner
from strategy.views.access import get_visible_strategy


def actor_list(request, slug):
    """Organisations involved in the strategy and what each pilots or supports."""
    strategy = get_visible_strategy(request, slug)
    actions = Action.objects.visible_to(request.user).filter(strategy=strategy)
    organisations = (
        Organisation.objects.filter(
            Q(piloted_actions__in=actions)
            | Q(partnerships__action__in=actions)
            | Q(signatures__strategy=strategy)
        )
        .distinct()
        .select_related("parent")
        .prefetch_related(
            "sectors",
            Prefetch(
                "piloted_actions",
                queryset=actions.in_code_order(),
                to_attr="visible_piloted",
            ),
            Prefetch(
                "partnerships",
                queryset=ActionPartner.objects.filter(action__in=actions)
                .select_related("action")
                .order_by("action__axis__number", Length("action__code"), "action__code"),
                to_attr="visible_partnerships",
            ),
            Prefetch("signatures", queryset=strategy.signatories.all(), to_attr="strategy_signatures"),
        )
        .order_by("name")
    )
    return render(request, "strategy/actor_list.html", {"strategy": strategy, "organisations": organisations})
