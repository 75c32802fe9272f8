"""The admin home per role: what is waiting for the person who logs in.

A pilot sees their actions, the open reporting rounds their organisation is asked in, and the
public indicators linked to their actions that miss a value for a period their strategy owes;
coordination and the steering committee see the open contributions and the actions waiting for
validation; whoever may edit the legal pages sees the required fields they still lack.
``CiteduAdminSite`` adds this to the index page's context.
"""

from datetime import timedelta

from django.contrib import admin
from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_tasks_db.models import DBTaskResult

from actors import roles
from documents.enums import FreezeStatus
from documents.models import FreezeJob, RenderedDocument
from documents.versions import may_freeze
from followup import checklist
from indicators import periods
from indicators import perms as indicator_perms
from indicators.models import Indicator, Measurement
from legal import completeness
from strategy import cofunding_warnings, perms
from strategy.enums import ActionStatus
from strategy.models import Action, Contribution, Strategy

DASHBOARD_LIMIT = 20


def pilot_dashboard(user, today):
    """A pilot's home: their actions, the open rounds their organisation is asked in (what is left,
    by when), and the public indicators of their actions missing values. The periods owed come from
    each strategy's span and its open round (up to the later of the round's end and today), never
    from today's date alone: a PEDT ended in August 2026 is owed 2025-2026, not 2026-2027."""
    organisation_id = perms.organisation_of(user)
    actions = Action.objects.filter(pilot_id=organisation_id).select_related("strategy")
    open_rounds = checklist.open_rounds_for(user)
    round_of_strategy = {round.strategy_id: round for round in open_rounds}
    indicators = list(
        Indicator.objects.filter(
            is_public=True, pk__in=indicator_perms.indicators_editable_by(user).values("pk")
        )
        .select_related("strategy")
        .order_by("strategy__title", "code")
    )
    for indicator in indicators:
        round = round_of_strategy.get(indicator.strategy_id)
        by = max(today, round.period_bounds[1]) if round is not None else today
        indicator.open_round = round
        indicator.owed = periods.owed_periods(indicator.frequency, indicator.strategy, by)
    measured = set(
        Measurement.objects.territory_wide()
        .filter(indicator__in=[indicator for indicator in indicators if indicator.owed])
        .values_list("indicator_id", "period")
    )
    missing = []
    for indicator in indicators:
        indicator.missing_periods = [
            label for label in indicator.owed if (indicator.pk, label) not in measured
        ]
        if indicator.missing_periods:
            missing.append(indicator)
    return {
        **measurement_queue(user),
        "kind": "pilot",
        "actions": list(actions[:DASHBOARD_LIMIT]),
        "open_rounds": open_rounds,
        "missing_indicators": missing,
        "today": today,
    }


def measurement_queue(user):
    """The values waiting for the user's validation, oldest first, each with the previous published
    value of the same indicator and neighbourhood (``previous``, None for a first value)."""
    waiting = (
        indicator_perms.measurements_validatable_by(user)
        .pending()
        .select_related("indicator__strategy", "indicator__source", "neighbourhood", "entered_by")
        .order_by("entered_at", "pk")
    )
    shown = list(waiting[:DASHBOARD_LIMIT])
    published = Measurement.objects.published().filter(
        indicator__in={measurement.indicator_id for measurement in shown}
    )
    series = {}
    for value in published.order_by("period"):
        series.setdefault((value.indicator_id, value.neighbourhood_id), []).append(value)
    for measurement in shown:
        earlier = [
            value
            for value in series.get((measurement.indicator_id, measurement.neighbourhood_id), [])
            if value.period < measurement.period
        ]
        measurement.previous = earlier[-1] if earlier else None
    return {"waiting_measurements": shown, "waiting_measurement_count": waiting.count() if shown else 0}


def background_failures(user):
    """What the worker could not do, for coordination: documents and freezings that failed for
    good, and the failed tasks of the last week."""
    if not may_freeze(user):
        return {}
    week = timezone.now() - timedelta(days=7)
    failed_documents = RenderedDocument.objects.filter(failed_at__isnull=False).select_related("strategy")
    failed_freezes = FreezeJob.objects.filter(
        status=FreezeStatus.FAILED, requested_at__gte=week
    ).select_related("strategy")
    return {
        "failed_documents": list(failed_documents[:DASHBOARD_LIMIT]),
        "failed_freezes": list(failed_freezes[:DASHBOARD_LIMIT]),
        "failed_task_count": DBTaskResult.objects.failed().filter(finished_at__gte=week).count(),
    }


def unreachable_accounts(user):
    """For coordination: the active accounts of the portal's roles without an e-mail address, who
    will receive no mail at all."""
    if not perms.edits_everything(user):
        return {}
    accounts = (
        get_user_model()
        .objects.filter(is_active=True, email="", groups__name__in=roles.ALL_ROLES)
        .distinct()
        .order_by("username")
    )
    return {
        "unreachable_accounts": list(accounts[:DASHBOARD_LIMIT]),
        "unreachable_account_count": accounts.count(),
    }


def cofunding_alerts(user):
    """Each visible strategy with a co-funding rule, with the warnings of its years not met (one
    query for the strategies, one per strategy with a rule)."""
    alerts = []
    for strategy in Strategy.objects.visible_to(user).filter(cofunding_ratio__isnull=False).order_by("title"):
        warnings = cofunding_warnings.warnings(strategy)
        if warnings:
            alerts.append({"strategy": strategy, "warnings": warnings})
    return {"cofunding_alerts": alerts}


def coordination_dashboard(user):
    contributions = Contribution.objects.open().select_related("strategy", "author", "orientation", "action")
    waiting = Action.objects.filter(status=ActionStatus.PROPOSED).select_related("strategy", "pilot")
    return {
        **measurement_queue(user),
        **background_failures(user),
        **unreachable_accounts(user),
        **cofunding_alerts(user),
        "kind": "coordination",
        "open_contributions": list(contributions[:DASHBOARD_LIMIT]),
        "open_contribution_count": contributions.count(),
        "waiting_actions": list(waiting[:DASHBOARD_LIMIT]),
        "waiting_action_count": waiting.count(),
    }


def dashboard_for(user, today=None):
    today = today or timezone.localdate()
    if perms.can_validate(user):
        return coordination_dashboard(user)
    if roles.has_role(user, roles.PILOTE):
        return pilot_dashboard(user, today)
    return None


class CiteduAdminSite(admin.AdminSite):
    """The default admin site (``citedu.apps.CiteduAdminConfig``) with a per-role dashboard."""

    site_header = _("Citédu — espace de co-construction")
    site_title = "Citédu"
    index_title = _("Stratégies éducatives")

    def index(self, request, extra_context=None):
        extra_context = {
            **(extra_context or {}),
            "dashboard": dashboard_for(request.user),
            "legal_missing": completeness.missing_for(request.user),
        }
        return super().index(request, extra_context)
