"""What is new in a strategy, for the people who follow it: its public events, newest first.

COPIL decisions, status changes of its actions and new documents (frozen and signed versions, the
yearly report once its reporting round is closed), each as a ``NewsItem``, for one reader: everything
goes through the same ``visible_to`` rules as the pages, so a feed shows nothing its pages hide. A
fixed number of queries whatever the size of the strategy, each bounded by ``limit``.
"""

import datetime
from dataclasses import dataclass

from django.db.models import F, Window
from django.db.models.functions import Lead
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from actors import roles
from documents.models import StrategyVersion
from followup.models import ReportingRound
from shared.formatting import long_date
from strategy.enums import ActionStatus, StrategyStatus
from strategy.models import Action, Decision

#: How many events a feed carries: the newest ones.
NEWS_LIMIT = 50


@dataclass(frozen=True)
class NewsItem:
    """One public event: ``key`` names it for good (the feed's entry id), ``path`` is its page."""

    key: str
    moment: datetime.datetime
    title: str
    description: str
    path: str


def strategy_news(strategy, user, *, limit=NEWS_LIMIT):
    """The ``limit`` newest events of ``strategy`` that ``user`` may read, newest first.

    ``strategy`` must come from ``Strategy.objects.visible_to(user)`` (the caller 404s otherwise).
    """
    items = [
        *_decisions(strategy, user, limit),
        *_status_changes(strategy, user, limit),
        *_versions(strategy, user, limit),
        *_reports(strategy, limit),
    ]
    items.sort(key=lambda item: (item.moment, item.key), reverse=True)
    return items[:limit]


def _start_of_day(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time()))


def _decisions(strategy, user, limit):
    decisions = (
        Decision.objects.visible_to(user)
        .filter(meeting__strategy=strategy)
        .select_related("meeting")
        .order_by("-meeting__date", "-pk")[:limit]
    )
    path = reverse("portal:concertation", args=[strategy.slug])
    for decision in decisions:
        yield NewsItem(
            key=f"decision-{decision.pk}",
            moment=_start_of_day(decision.meeting.date),
            title=_("Décision du comité de pilotage : %(kind)s")
            % {"kind": decision.get_kind_display().lower()},
            description=f"{decision.meeting.title} — {decision.text}",
            path=f"{path}#decision-{decision.pk}",
        )


def _status_changes(strategy, user, limit):
    """Real changes of status of the visible actions (not every save), as the timeline tells them."""
    visible = Action.objects.visible_to(user).filter(strategy=strategy)
    # Each historical row looks at the next one of the same action: a change is a next row with
    # another status. Only window expressions are filtered on, so the database filters after the
    # window is computed (filtering the rows first would hide the change out of « proposée »).
    order = [F("history_date").asc(), F("history_id").asc()]
    history = Action.history.filter(id__in=visible.values("pk")).annotate(
        new_status=Window(Lead("status"), partition_by=[F("id")], order_by=order),
        changed_at=Window(Lead("history_date"), partition_by=[F("id")], order_by=order),
        change_id=Window(Lead("history_id"), partition_by=[F("id")], order_by=order),
    )
    changes = history.filter(new_status__isnull=False).exclude(new_status=F("status"))
    # The timeline's rule (followup.timeline): outside the strategy's staff, a move into « proposée »
    # is a draft's history, shown only to partners while the strategy is under consultation.
    sees_proposals = roles.sees_everything(user) or (
        roles.is_partner(user) and strategy.status == StrategyStatus.CONSULTATION
    )
    if not sees_proposals:
        changes = changes.exclude(new_status=ActionStatus.PROPOSED)
    rows = list(
        changes.order_by("-changed_at", "-change_id").values(
            "id", "change_id", "changed_at", "status", "new_status"
        )[:limit]
    )
    actions = Action.objects.only("code", "title", "slug").in_bulk({row["id"] for row in rows})
    for row in rows:
        action = actions[row["id"]]
        old, new = _status_label(row["status"]).lower(), _status_label(row["new_status"]).lower()
        yield NewsItem(
            key=f"statut-{row['change_id']}",
            moment=row["changed_at"],
            title=_("Action %(code)s « %(title)s » : %(new)s")
            % {"code": action.code, "title": action.title, "new": new},
            description=_("Son statut passe de « %(old)s » à « %(new)s ».") % {"old": old, "new": new},
            path=reverse("portal:action_detail", args=[strategy.slug, action.slug]) + "#chronologie",
        )


def _status_label(value):
    try:
        return str(ActionStatus(value).label)
    except ValueError:  # a status since removed from the choices: its stored value says enough
        return value


def _versions(strategy, user, limit):
    versions = (
        StrategyVersion.objects.visible_to(user)
        .filter(strategy=strategy)
        .only("pk", "number", "kind", "title", "frozen_at", "signed_on", "signed_at_place")
        .order_by("-frozen_at")[:limit]
    )
    for version in versions:
        path = reverse("documents:version_pdf", args=[strategy.slug, version.number])
        name = version.title or version.get_kind_display()
        yield NewsItem(
            key=f"version-{version.pk}",
            moment=version.frozen_at,
            title=_("Nouveau document : version %(number)s du document de la stratégie")
            % {"number": version.number},
            description=_("%(name)s, figée le %(date)s.")
            % {"name": name, "date": long_date(timezone.localdate(version.frozen_at))},
            path=path,
        )
        if version.signed_on:
            yield NewsItem(
                key=f"version-{version.pk}-signee",
                moment=_start_of_day(version.signed_on),
                title=_("Version %(number)s signée") % {"number": version.number},
                description=_("%(name)s, signée le %(date)s.")
                % {"name": name, "date": long_date(version.signed_on)},
                path=path,
            )


def _reports(strategy, limit):
    """The yearly report is complete once the reporting round of its year is closed."""
    rounds = (
        ReportingRound.objects.closed()
        .filter(strategy=strategy, closed_at__isnull=False)
        .only("pk", "period", "year", "closed_at")
        .order_by("-closed_at")[:limit]
    )
    for reporting_round in rounds:
        yield NewsItem(
            key=f"rapport-{reporting_round.pk}",
            moment=reporting_round.closed_at,
            title=_("Nouveau document : rapport d'avancement %(year)s") % {"year": reporting_round.year},
            description=_("La campagne de suivi %(period)s est close : le rapport reprend ses réponses.")
            % {"period": reporting_round.period},
            path=reverse("documents:report_pdf", args=[strategy.slug, reporting_round.year]),
        )
