"""Row-level permissions of the back office: who may change which action, budget line, measurement.

Model permissions (granted to the groups by a migration) say what a role may do to a kind of
thing; these helpers say to which rows. The admin asks them for its lists, forms, autocompletes
and inlines, so one place decides.
"""

from actors import roles
from strategy.enums import ActionStatus

#: The statuses a pilot may move their own action between (validation is the COPIL's).
PILOT_STATUSES = (ActionStatus.VALIDATED, ActionStatus.IN_PROGRESS, ActionStatus.DONE)


def edits_everything(user):
    """Superusers and the coordination team edit every row their model permissions allow."""
    if not getattr(user, "is_authenticated", False):
        return False
    return user.is_superuser or roles.has_role(user, roles.COORDINATION)


def can_validate(user):
    """Who may validate orientations and actions and record COPIL decisions."""
    return edits_everything(user) or roles.has_role(user, roles.COPIL)


def is_restricted_pilot(user):
    """A pilot who is not also coordination: limited to their organisation's actions."""
    return roles.has_role(user, roles.PILOTE) and not edits_everything(user)


def organisation_of(user):
    """The id of the organisation the user works for (through their contact record), or None."""
    if not getattr(user, "is_authenticated", False):
        return None
    if not hasattr(user, "_citedu_organisation_id"):
        from actors.models import Contact

        user._citedu_organisation_id = (
            Contact.objects.filter(user=user).values_list("organisation_id", flat=True).first()
        )
    return user._citedu_organisation_id


def actions_editable_by(user):
    """The actions the user may change: all for coordination, their organisation's for a pilot."""
    from strategy.models import Action

    if edits_everything(user):
        return Action.objects.all()
    if roles.has_role(user, roles.PILOTE):
        return Action.objects.filter(pilot_id=organisation_of(user))
    return Action.objects.none()


def budget_lines_editable_by(user):
    from strategy.models import BudgetLine

    if edits_everything(user):
        return BudgetLine.objects.all()
    if roles.has_role(user, roles.PILOTE):
        return BudgetLine.objects.filter(action__pilot_id=organisation_of(user))
    return BudgetLine.objects.none()


def can_change_action(user, action):
    if edits_everything(user):
        return True
    org = organisation_of(user)
    return is_restricted_pilot(user) and org is not None and action.pilot_id == org


def can_change_budget_line(user, line):
    return can_change_action(user, line.action)


def status_choices_for(user, action):
    """The action statuses the user may pick in the form, given the action's current status.

    A pilot moves their action between validated, in progress and done, and never validates a
    proposal: a proposed (postponed, abandoned) action keeps its status for them.
    """
    if edits_everything(user):
        return list(ActionStatus.choices)
    current = action.status if action is not None else ActionStatus.PROPOSED
    allowed = PILOT_STATUSES if current in PILOT_STATUSES else (current,)
    return [(value, label) for value, label in ActionStatus.choices if value in allowed]
