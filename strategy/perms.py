"""Who may change which action and budget line, field by field.

Model permissions (granted to the groups by ``actors.roles``) say what a role may do to a kind of
thing; these helpers say to which rows and which fields. The admin (lists, forms, inlines,
autocompletes) and the spreadsheet import ask them, so one place decides.
"""

from django.utils.translation import gettext as _

from actors import roles
from actors.roles import organisation_of
from strategy.enums import ActionStatus

__all__ = ["organisation_of"]  # re-exported: the admin and the imports ask this module

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


def may_import(user):
    """Whether the user may import the spreadsheet tables at all (a pilot needs an organisation)."""
    return edits_everything(user) or (is_restricted_pilot(user) and organisation_of(user) is not None)


def strategies_editable_by(user):
    """The strategies a user may import into: all for coordination, those they pilot actions in."""
    from strategy.models import Strategy

    if edits_everything(user):
        return Strategy.objects.all()
    organisation_id = organisation_of(user)
    if is_restricted_pilot(user) and organisation_id is not None:
        return Strategy.objects.filter(actions__pilot_id=organisation_id).distinct()
    return Strategy.objects.none()


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


def beneficiaries_editable_by(user):
    """The beneficiary counts (per action and year) the user may change: those of their actions."""
    from strategy.models import ActionBeneficiaries

    if edits_everything(user):
        return ActionBeneficiaries.objects.all()
    if roles.has_role(user, roles.PILOTE):
        return ActionBeneficiaries.objects.filter(action__pilot_id=organisation_of(user))
    return ActionBeneficiaries.objects.none()


def milestones_editable_by(user):
    """The milestones (jalons) the user may change: all for coordination, their actions' for a pilot."""
    from strategy.models import Milestone

    if edits_everything(user):
        return Milestone.objects.all()
    if is_restricted_pilot(user) and organisation_of(user) is not None:
        return Milestone.objects.filter(action__pilot_id=organisation_of(user))
    return Milestone.objects.none()


def can_change_action(user, action):
    if edits_everything(user):
        return True
    org = organisation_of(user)
    return is_restricted_pilot(user) and org is not None and action.pilot_id == org


def can_change_budget_line(user, line):
    return can_change_action(user, line.action)


def can_change_milestone(user, milestone):
    """Whether the user may change (or add) the milestone ``milestone`` of ``milestone.action``."""
    return can_change_action(user, milestone.action)


def can_change_beneficiaries(user, beneficiaries):
    """Whether the user may change (or add) the beneficiaries of ``beneficiaries.action``."""
    return can_change_action(user, beneficiaries.action)


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


#: The fields of an action only coordination changes: its place in the strategy and who pilots it.
COORDINATION_ONLY_ACTION_FIELDS = ("strategy", "axis", "orientation", "code", "slug", "pilot")


def locked_action_fields(user):
    """The fields of an action the user may not change (the admin shows them read-only)."""
    return () if edits_everything(user) else COORDINATION_ONLY_ACTION_FIELDS


def refused_action_changes(user, action, values):
    """[(field, French message)] for each change in ``values`` (field -> new value) the user may not make.

    ``action`` is the action as stored (None for a new one). Relations compare by id. Used by every
    door that writes an action: a pilot may not move it, hand it over, or validate it.
    """
    if edits_everything(user):
        return []
    if action is None:
        if values.get("code"):
            message = _(
                "Vous ne pouvez pas créer l'action %(code)s : seule la coordination crée des actions."
            ) % {"code": values["code"]}
        else:
            message = _("Seule la coordination crée des actions.")
        return [(None, message)]
    if not can_change_action(user, action):
        return [
            (
                None,
                _("Vous ne pouvez pas modifier l'action %(code)s : elle est pilotée par %(pilot)s.")
                % {"code": action.code, "pilot": action.pilot},
            )
        ]
    refused = []
    for field in COORDINATION_ONLY_ACTION_FIELDS:
        if field in values and _value_id(values[field]) != _value_id(_stored(action, field)):
            refused.append(
                (
                    field,
                    _("seule la coordination peut changer ce champ de l'action %(code)s.")
                    % {"code": action.code},
                )
            )
    if "status" in values and values["status"] != action.status:
        allowed = {value for value, _label in status_choices_for(user, action)}
        if values["status"] not in allowed:
            refused.append(
                (
                    "status",
                    _(
                        "vous ne pouvez pas passer l'action %(code)s au statut « %(status)s » : "
                        "la validation revient au comité de pilotage."
                    )
                    % {"code": action.code, "status": ActionStatus(values["status"]).label},
                )
            )
    return refused


def _stored(action, field):
    related = action._meta.get_field(field)
    return getattr(action, f"{field}_id") if related.is_relation else getattr(action, field)


def _value_id(value):
    return getattr(value, "pk", value)


def may_read_state_documents(user):
    """Who reads the State's yearly documents (the programmation): coordination and the COPIL."""
    return can_validate(user)
