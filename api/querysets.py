"""The API's querysets: visibility from the models' ``visible_to``, and everything a serializer reads
selected or prefetched up front, so a page of results costs a fixed number of queries."""

from decimal import Decimal

from django.db.models import DecimalField, OuterRef, Prefetch, Q, Subquery, Sum, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from actors.models import Organisation
from indicators.models import Indicator, Measurement
from strategy.models import Action, ActionBeneficiaries, ActionPartner, BudgetLine, Signatory, Strategy


def _budget_sum(field):
    # A subquery rather than Sum over a join: the action filters join partners and neighbourhoods,
    # and a join would multiply the amounts.
    total = (
        BudgetLine.objects.filter(action=OuterRef("pk"))
        .order_by()
        .values("action")
        .annotate(total=Sum(field))
        .values("total")
    )
    return Coalesce(
        Subquery(total),
        Value(Decimal("0.00")),
        output_field=DecimalField(max_digits=14, decimal_places=2),
    )


def strategies_for_api(user):
    return Strategy.objects.visible_to(user).select_related("territory").order_by("-start_date", "slug")


def actions_for_api(user, strategy):
    return (
        Action.objects.visible_to(user)
        .filter(strategy=strategy)
        .select_related("strategy", "axis", "orientation", "pilot", "pilot_contact")
        .prefetch_related(
            Prefetch(
                "partnerships",
                queryset=ActionPartner.objects.select_related("organisation").order_by("organisation__name"),
            ),
            "audiences",
            "neighbourhoods",
            "sectors",
            Prefetch(
                "indicators",
                queryset=Indicator.objects.visible_to(user).order_by("code"),
                to_attr="visible_indicators",
            ),
        )
        .annotate(planned_total=_budget_sum("planned_amount"), executed_total=_budget_sum("executed_amount"))
        .with_lateness(timezone.localdate())
        .in_code_order()
    )


def action_detail_for_api(user, strategy):
    """``actions_for_api`` with each action's beneficiaries by year (latest first) and their audiences."""
    return actions_for_api(user, strategy).prefetch_related(
        Prefetch("beneficiaries", queryset=ActionBeneficiaries.objects.with_breakdown().order_by("-year"))
    )


def _latest(field):
    latest = (
        Measurement.objects.published().territory_wide().filter(indicator=OuterRef("pk")).order_by("-period")
    )
    return Subquery(latest.values(field)[:1])


def indicators_for_api(user, strategy):
    return (
        Indicator.objects.visible_to(user)
        .filter(strategy=strategy)
        .select_related("strategy", "source")
        .prefetch_related(
            Prefetch(
                "actions",
                queryset=Action.objects.visible_to(user).order_by("code"),
                to_attr="visible_actions",
            )
        )
        .annotate(
            latest_period=_latest("period"), latest_value=_latest("value"), latest_rating=_latest("rating")
        )
        .order_by("code")
    )


def measurements_for_api(user):
    return (
        Measurement.objects.visible_to(user)
        .select_related("indicator__strategy", "neighbourhood", "audience")
        .order_by("indicator__strategy__slug", "indicator__code", "period", "neighbourhood__slug", "pk")
    )


def writable_measurements(user):
    """What a write may target: the visible measurements and those of the user's own indicators."""
    visible = Measurement.objects.visible_to(user).values("pk")
    return (
        Measurement.objects.filter(Q(pk__in=visible) | Q(indicator__source__contacts__user=user))
        .select_related("indicator__strategy", "neighbourhood", "audience")
        .distinct()
    )


def involved_organisations(user, strategy_slug=None):
    """Organisations that pilot, support or fund a visible action, sign a visible strategy or are the
    source of a visible indicator. Never their contacts."""
    strategies = Strategy.objects.visible_to(user)
    actions = Action.objects.visible_to(user)
    indicators = Indicator.objects.visible_to(user)
    if strategy_slug:
        strategies = strategies.filter(slug=strategy_slug)
        actions = actions.filter(strategy__slug=strategy_slug)
        indicators = indicators.filter(strategy__slug=strategy_slug)
    return (
        (
            actions.organisations_involved()
            | Organisation.objects.filter(
                Q(pk__in=BudgetLine.objects.filter(action__in=actions).values("funder"))
                | Q(pk__in=Signatory.objects.filter(strategy__in=strategies).values("organisation"))
                | Q(pk__in=indicators.exclude(source=None).values("source"))
            )
        )
        .select_related("parent")
        .prefetch_related("sectors")
        .order_by("name")
    )
