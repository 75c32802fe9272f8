"""What happens in each neighbourhood: the list (with the map when contours were imported) and one
neighbourhood's page, by age band."""

from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from actors.models import Neighbourhood
from charts.maps import neighbourhood_map
from indicators.models import Indicator
from indicators.neighbourhood_values import latest_in_neighbourhood
from portal.views.access import get_visible_strategy
from strategy.enums import ActionStatus
from strategy.models import Action
from strategy.neighbourhood_figures import age_bands, group_by_audience, neighbourhood_budget
from strategy.page_cache import public_page
from strategy.rollups import rollup


def neighbourhood_url(strategy, neighbourhood, age=None):
    url = reverse(
        "portal:neighbourhood_detail",
        kwargs={"slug": strategy.slug, "neighbourhood_slug": neighbourhood.slug},
    )
    return f"{url}?age={age.code}" if age else url


def _map(strategy, neighbourhoods, current=None):
    return neighbourhood_map(
        neighbourhoods, lambda neighbourhood: neighbourhood_url(strategy, neighbourhood), current=current
    )


@public_page()
def neighbourhood_list(request, slug):
    """The territory's neighbourhoods with their number of actions, and the map of their contours."""
    strategy = get_visible_strategy(request, slug)
    visible = Action.objects.visible_to(request.user).filter(strategy=strategy)
    neighbourhoods = list(
        Neighbourhood.objects.filter(territory=strategy.territory_id)
        .annotate(action_count=Count("actions", filter=Q(actions__in=visible.values("pk")), distinct=True))
        .order_by("name")
    )
    context = {
        "strategy": strategy,
        "neighbourhoods": neighbourhoods,
        "map": _map(strategy, neighbourhoods),
        "ages": list(age_bands()),
        "territory_wide_count": visible.filter(neighbourhoods__isnull=True).count(),
    }
    return render(request, "portal/neighbourhood_list.html", context)


def _focus(request, ages):
    """The age band asked by ``?age=<audience code>``: (audience or None, whether the value was bad)."""
    code = request.GET.get("age", "")
    if not code:
        return None, False
    found = next((age for age in ages if age.code == code), None)
    return found, found is None


@public_page()
def neighbourhood_detail(request, slug, neighbourhood_slug):
    """One neighbourhood: its actions by age band (``?age=6-11`` focuses one), how many are done and
    late, the budget of the actions led there, its indicator values and the map."""
    strategy = get_visible_strategy(request, slug)
    user = request.user
    neighbourhoods = list(Neighbourhood.objects.filter(territory=strategy.territory_id).order_by("name"))
    neighbourhood = next((n for n in neighbourhoods if n.slug == neighbourhood_slug), None)
    if neighbourhood is None:
        raise Http404
    ages = list(age_bands())
    focus, bad_age = _focus(request, ages)
    today = timezone.localdate()
    visible = Action.objects.visible_to(user).filter(strategy=strategy)
    here = visible.filter(neighbourhoods=neighbourhood)
    listed = visible.select_related("axis").prefetch_related("audiences").with_lateness(today).in_code_order()
    figures = rollup(here, strategy.progress_method, today)
    context = {
        "strategy": strategy,
        "neighbourhood": neighbourhood,
        "ages": [(age, neighbourhood_url(strategy, neighbourhood, age)) for age in ages],
        "focus": focus,
        "bad_age": bad_age,
        "groups": group_by_audience(listed.filter(neighbourhoods=neighbourhood), focus=focus),
        "territory_groups": group_by_audience(listed.filter(neighbourhoods__isnull=True), focus=focus),
        "figures": figures,
        "done_count": next(s.count for s in figures.statuses if s.status == ActionStatus.DONE),
        "budget": neighbourhood_budget(here),
        "values": latest_in_neighbourhood(
            Indicator.objects.visible_to(user).filter(strategy=strategy), neighbourhood
        ),
        "map": _map(strategy, neighbourhoods, current=neighbourhood),
    }
    return render(request, "portal/neighbourhood_detail.html", context, status=400 if bad_age else 200)


def start_here(strategies):
    """The first choice of the home and strategy pages, « Mon quartier » or « L'âge de mon enfant »:
    each of ``strategies`` gets ``start_neighbourhoods`` (its territory's, by name); returns the age
    bands. Two queries whatever the number of strategies."""
    by_territory = {}
    # The contours are left in the database: these are only links.
    for neighbourhood in (
        Neighbourhood.objects.filter(territory__in={strategy.territory_id for strategy in strategies})
        .defer("shape")
        .order_by("name")
    ):
        by_territory.setdefault(neighbourhood.territory_id, []).append(neighbourhood)
    for strategy in strategies:
        strategy.start_neighbourhoods = by_territory.get(strategy.territory_id, [])
    return list(age_bands())
