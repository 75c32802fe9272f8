"""The timeline of one action: its milestones, status changes, COPIL decisions and points d'étape.

One function, ``timeline_of``, for every door that shows it (the public action page, the admin's
change form, the fiche action PDF), so that what a reader sees of an action's past is decided in one
place. It lives in ``followup`` because the points d'étape are the reporting rounds' answers, and
``followup`` may read ``strategy`` (never the reverse).

What a reader outside the strategy's staff (an anonymous visitor, a partner) sees:
- the public milestones only (``Milestone.objects.visible_to``), never an internal one;
- the status changes of the time the action was visible to them: never a move into « proposée »,
  so a draft's history stays hidden (a partner reading a strategy under consultation sees the
  proposals of it, and their history);
- the COPIL decisions visible to them (``Decision.objects.visible_to``);
- the points d'étape once their round is closed: pilots write them to the coordination, and the
  coordination may still ask for changes while the round is open.
Nothing at all of an action they may not see.
"""

import datetime
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext as _

from actors import roles
from followup.enums import ReportStatus, RoundStatus
from followup.models import ActionReport
from shared.formatting import long_date
from strategy.enums import ActionStatus, StrategyStatus
from strategy.models import Action, Decision, Milestone


class EventKind:
    """What an event is; also its order among events of the same day."""

    STATUS = "status"
    DECISION = "decision"
    MILESTONE_DONE = "milestone_done"
    MILESTONE_LATE = "milestone_late"
    MILESTONE_PLANNED = "milestone_planned"
    NOTE = "note"

    ORDER = (STATUS, DECISION, MILESTONE_DONE, MILESTONE_LATE, MILESTONE_PLANNED, NOTE)


@dataclass(frozen=True)
class TimelineEvent:
    """One dated line of an action's timeline.

    ``label`` names the kind of event (« Jalon réalisé », « Décision du COPIL »…), ``title`` says
    what happened, ``detail`` adds a sentence or is empty. ``internal`` marks what only the
    strategy's staff may read (an internal milestone, a point d'étape of a round still open).
    """

    date: datetime.date
    kind: str
    label: str
    title: str
    detail: str = ""
    internal: bool = False

    @property
    def date_text(self):
        """« 1er décembre 2026 »: the date in words (``shared.formatting.long_date``)."""
        return long_date(self.date)

    @property
    def is_late(self):
        return self.kind == EventKind.MILESTONE_LATE

    @property
    def title_is_content(self):
        """True when ``title`` is text staff wrote in French (a milestone, a decision), not a label."""
        return self.kind != EventKind.STATUS

    @property
    def detail_is_content(self):
        """True when ``detail`` is text staff wrote in French (a meeting's title, a progress note)."""
        return self.kind in (EventKind.DECISION, EventKind.NOTE)

    @property
    def sort_key(self):
        return (self.date, EventKind.ORDER.index(self.kind), self.title)


def timeline_of(action, user, *, today=None, known_visible=False):
    """The events of ``action`` that ``user`` may read, oldest first, in five queries at most.

    ``today`` decides which planned milestones are late (the local date by default; a document
    passes its own date). ``user`` may be a real user, an anonymous one or an ``AudienceReader``.
    A caller that fetched ``action`` through ``Action.objects.visible_to(user)`` says so with
    ``known_visible`` and saves the query that checks it again.
    """
    today = today or timezone.localdate()
    inside = roles.sees_everything(user)
    if not (inside or known_visible) and not Action.objects.visible_to(user).filter(pk=action.pk).exists():
        return []
    events = [
        *_milestone_events(action, user, today),
        *_status_events(action, user, inside),
        *_decision_events(action, user),
        *_note_events(action, inside),
    ]
    return sorted(events, key=lambda event: event.sort_key)


def _milestone_events(action, user, today):
    for milestone in Milestone.objects.visible_to(user).filter(action_id=action.pk).order_by():
        internal = not milestone.is_public
        planned = long_date(milestone.planned_date)
        if milestone.done_date is not None:
            detail = (
                _("Prévu le %(date)s.") % {"date": planned}
                if milestone.done_date != milestone.planned_date
                else ""
            )
            yield TimelineEvent(
                milestone.done_date,
                EventKind.MILESTONE_DONE,
                _("Jalon réalisé"),
                milestone.title,
                detail,
                internal,
            )
        elif milestone.is_late(today):
            yield TimelineEvent(
                milestone.planned_date,
                EventKind.MILESTONE_LATE,
                _("Jalon en retard"),
                milestone.title,
                _("Prévu le %(date)s, pas encore réalisé.") % {"date": planned},
                internal,
            )
        else:
            yield TimelineEvent(
                milestone.planned_date,
                EventKind.MILESTONE_PLANNED,
                _("Jalon prévu"),
                milestone.title,
                internal=internal,
            )


def _status_events(action, user, inside):
    """One event per real change of status in the action's history (not every save)."""
    # A partner reads the proposals of a strategy under consultation, hence their history too.
    sees_proposals = inside or (
        roles.is_partner(user)
        and Action.objects.filter(pk=action.pk, strategy__status=StrategyStatus.CONSULTATION).exists()
    )
    records = action.history.order_by("history_date", "history_id").values_list("history_date", "status")
    previous = None
    for moment, status in records:
        changed = previous is not None and status != previous
        if changed and (sees_proposals or status != ActionStatus.PROPOSED):
            yield TimelineEvent(
                timezone.localdate(moment) if timezone.is_aware(moment) else moment.date(),
                EventKind.STATUS,
                _("Changement de statut"),
                _("%(old)s → %(new)s") % {"old": _status_label(previous), "new": _status_label(status)},
            )
        previous = status


def _status_label(value):
    try:
        return ActionStatus(value).label
    except ValueError:  # a status since removed from the choices: its stored value says enough
        return value


def _decision_events(action, user):
    decisions = (
        Decision.objects.visible_to(user).filter(actions__pk=action.pk).select_related("meeting").order_by()
    )
    for decision in decisions:
        meeting = decision.meeting
        yield TimelineEvent(
            meeting.date,
            EventKind.DECISION,
            _("Décision : %(kind)s") % {"kind": decision.get_kind_display()},
            decision.text,
            meeting.title,
        )


def _note_events(action, inside):
    reports = ActionReport.objects.filter(action_id=action.pk, status=ReportStatus.SENT).select_related(
        "round"
    )
    if not inside:
        reports = reports.filter(round__status=RoundStatus.CLOSED)
    for report in reports.order_by():
        note = (report.answer or {}).get("milestone_note", "").strip()
        if not note:
            continue
        yield TimelineEvent(
            timezone.localdate(report.sent_at),
            EventKind.NOTE,
            _("Point d'étape"),
            _("Campagne de suivi %(period)s") % {"period": report.round.period},
            note,
            internal=not report.round.is_closed,
        )
