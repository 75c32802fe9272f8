"""Why an action is late, in words, by the one rule (``Action.is_late`` / ``ActionQuerySet.late``)."""

from django.utils.translation import gettext as _

from shared.formatting import long_date
from strategy.models.actions import FINISHED_STATUSES


def late_reasons(action, today, milestones):
    """Why ``action.is_late(today)`` holds: « date de fin dépassée (…) », then one « jalon en retard : … »
    per late milestone among ``milestones`` (those the reader may see). When only a milestone the reader
    may not see is late, it is named as an internal one, without its title. Empty when not late."""
    if not action.is_late(today):
        return []
    reasons = []
    if action.end_date and action.end_date < today and action.status not in FINISHED_STATUSES:
        reasons.append(_("date de fin dépassée (%(date)s)") % {"date": long_date(action.end_date)})
    for milestone in milestones:
        if milestone.is_late(today):
            reasons.append(
                _("jalon en retard : %(title)s (prévu le %(date)s)")
                % {"title": milestone.title, "date": long_date(milestone.planned_date)}
            )
    if not reasons:
        reasons.append(_("un jalon interne est en retard"))
    return reasons
