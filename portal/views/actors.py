from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.db.models.functions import Length
from django.shortcuts import render

from actors.models import Organisation
from portal.views.access import get_visible_strategy
from strategy.models import Action, ActionPartner
from strategy.page_cache import public_page

PAGE_SIZE = 40


@public_page()
def actor_list(request, slug):
    """Organisations involved in the strategy and what each pilots or supports."""
    strategy = get_visible_strategy(request, slug)
    actions = Action.objects.visible_to(request.user).filter(strategy=strategy)
    organisations = (
        (
            actions.organisations_involved()
            | Organisation.objects.filter(pk__in=strategy.signatories.values("organisation"))
        )
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
    # Paginated: the prefetches then load the actions of one page of organisations only.
    paginator = Paginator(organisations, PAGE_SIZE)
    page = paginator.get_page(request.GET.get("page"))
    context = {
        "strategy": strategy,
        "organisations": page.object_list,
        "page": page,
        "page_range": paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1),
        "query": "",
    }
    return render(request, "portal/actor_list.html", context)
