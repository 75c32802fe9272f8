from django.core.paginator import Paginator
from django.db.models import Count, IntegerField, OuterRef, Prefetch, Subquery
from django.db.models.functions import Coalesce, Length
from django.shortcuts import render

from actors.models import Organisation
from portal.views.access import get_visible_strategy
from strategy.models import Action, ActionPartner
from strategy.page_cache import public_page

PAGE_SIZE = 20
#: Actions named under each organisation; the count and a link to the filtered list say the rest.
ACTIONS_SHOWN = 8


def _count_of(rows, field):
    """The number of ``rows`` whose ``field`` is the outer organisation, as a subquery."""
    counted = rows.filter(**{field: OuterRef("pk")}).order_by().values(field).annotate(n=Count("pk"))
    return Coalesce(Subquery(counted.values("n"), output_field=IntegerField()), 0)


@public_page()
def actor_list(request, slug):
    """Organisations involved in the strategy and what each pilots or supports."""
    strategy = get_visible_strategy(request, slug)
    actions = Action.objects.visible_to(request.user).filter(strategy=strategy)
    partnerships = ActionPartner.objects.filter(action__in=actions)
    organisations = (
        (
            actions.organisations_involved()
            | Organisation.objects.filter(pk__in=strategy.signatories.values("organisation"))
        )
        .select_related("parent")
        .annotate(
            piloted_count=_count_of(actions, "pilot"),
            partnership_count=_count_of(partnerships, "organisation"),
        )
        .prefetch_related(
            "sectors",
            Prefetch(
                "piloted_actions",
                # Sliced: Django prefetches the first few per organisation (a window function).
                queryset=actions.in_code_order()[:ACTIONS_SHOWN],
                to_attr="visible_piloted",
            ),
            Prefetch(
                "partnerships",
                queryset=partnerships.select_related("action").order_by(
                    "action__axis__number", Length("action__code"), "action__code"
                )[:ACTIONS_SHOWN],
                to_attr="visible_partnerships",
            ),
            Prefetch("signatures", queryset=strategy.signatories.all(), to_attr="strategy_signatures"),
        )
        .order_by("name")
    )
    # Paginated, and the prefetches load a few actions of one page of organisations only.
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
