"""What a neighbourhood's page adds up: its actions by age band, and the budget of the actions led there.

The caller filters the actions (``Action.objects.visible_to(user)``). The rules, stated on the page:
- an action counts in each neighbourhood it names, whole (its budget is not split between them, since
  nothing says how it would be shared); the page says how many of them are led in other neighbourhoods
  too;
- an action naming no neighbourhood is for the whole territory: listed apart, counted in no
  neighbourhood;
- an action addressing several age bands is listed under each; one naming no audience is « pour tous
  les publics » and listed whatever the age asked.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count

from strategy.models import Audience, BudgetLine


def age_bands():
    """The audiences that are age bands (0-3, 3-6, 6-11…), youngest first."""
    return Audience.objects.filter(age_min__isnull=False).order_by("age_min", "order")


@dataclass(frozen=True)
class AudienceGroup:
    #: None for the actions that name no audience (« pour tous les publics »).
    audience: Audience | None
    actions: list


def group_by_audience(actions, *, focus=None):
    """``AudienceGroup`` per audience in its order, then the actions naming none; with ``focus`` (an
    audience) only its group and the one of the actions for every public. Audiences prefetched."""
    groups, everyone = {}, []
    for action in actions:
        audiences = list(action.audiences.all())
        if not audiences:
            everyone.append(action)
        for audience in audiences:
            if focus is None or audience.pk == focus.pk:
                groups.setdefault(audience, []).append(action)
    ordered = [
        AudienceGroup(audience, members)
        for audience, members in sorted(groups.items(), key=lambda item: (item[0].order, item[0].name))
    ]
    if everyone:
        ordered.append(AudienceGroup(None, everyone))
    return ordered


@dataclass(frozen=True)
class NeighbourhoodBudget:
    planned: Decimal
    executed: Decimal
    #: Of the neighbourhood's actions, how many are led in other neighbourhoods too.
    shared_actions: int


def neighbourhood_budget(actions):
    """The planned and executed amounts of ``actions`` (those led in one neighbourhood), each counted
    whole. Two queries."""
    totals = BudgetLine.objects.filter(action__in=actions.values("pk")).totals()
    shared = (
        actions.model.objects.filter(pk__in=actions.values("pk"))
        .annotate(neighbourhood_count=Count("neighbourhoods"))
        .filter(neighbourhood_count__gt=1)
        .count()
    )
    return NeighbourhoodBudget(
        planned=totals["planned"] or Decimal(0),
        executed=totals["executed"] or Decimal(0),
        shared_actions=shared,
    )
