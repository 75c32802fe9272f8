"""The strategy's mail: a new contribution (to coordination), a contribution answered (to its
author), an action decided by the COPIL (to the pilot organisation's users).

Each function is called where the event happens, inside its transaction, and goes through
``notifications.outbox.notify`` (the mail is sent by the worker, in each recipient's language).
"""

from django.urls import reverse
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from actors import roles
from notifications import kinds, outbox
from strategy.enums import ActionStatus

CONTRIBUTION_NEW = kinds.register(
    kinds.MailKind(
        code="contribution_new",
        label=_("Nouvelle contribution d'un partenaire"),
        reason=_(
            "Vous recevez ce courriel parce que vous faites partie de l'équipe de coordination, "
            "qui répond aux contributions des partenaires."
        ),
    )
)
CONTRIBUTION_ANSWERED = kinds.register(
    kinds.MailKind(
        code="contribution_answered",
        label=_("Réponse à l'une de mes contributions"),
        reason=_("Vous recevez ce courriel parce que vous avez déposé cette contribution."),
    )
)
ACTION_DECIDED = kinds.register(
    kinds.MailKind(
        code="action_decided",
        label=_("Décision du COPIL sur une action de ma structure"),
        reason=_(
            "Vous recevez ce courriel parce que votre structure pilote cette action : le comité de "
            "pilotage vient de décider de sa suite."
        ),
    )
)

#: The statuses a COPIL decision moves an action to, as the mail names them.
DECIDED_STATUSES = (ActionStatus.VALIDATED, ActionStatus.POSTPONED, ActionStatus.ABANDONED)

EXCERPT_LENGTH = 400


def _person(user):
    return user.get_full_name() or user.get_username()


def _target(contribution):
    """What the contribution is about, as plain values (the template words it in each language)."""
    if contribution.action_id:
        action = contribution.action
        return {"target_type": "action", "target_code": action.code, "target_title": action.title}
    if contribution.orientation_id:
        orientation = contribution.orientation
        return {
            "target_type": "orientation",
            "target_code": str(orientation.number),
            "target_title": orientation.title,
        }
    return {"target_type": "strategy", "target_code": "", "target_title": ""}


def _portal_path(contribution):
    """Where the contribution and its answer are shown on the portal."""
    if contribution.action_id:
        return f"{contribution.action.get_absolute_url()}#contributions"
    if contribution.orientation_id:
        return f"{contribution.strategy.get_absolute_url()}#orientation-{contribution.orientation.number}"
    return contribution.strategy.get_absolute_url()


def contribution_new(contribution):
    """Tell the coordination team a partner left a contribution (its link: the admin's answer form)."""
    return outbox.notify(
        CONTRIBUTION_NEW.code,
        roles.users_with_role(roles.COORDINATION),
        params={
            "strategy": contribution.strategy.title,
            "author": _person(contribution.author),
            "excerpt": Truncator(contribution.body).chars(EXCERPT_LENGTH),
            **_target(contribution),
        },
        link=reverse("admin:strategy_contribution_change", args=[contribution.pk]),
    )


def contribution_answered(contribution):
    """Tell the contribution's author it was answered (its link: the portal page showing the answer)."""
    return outbox.notify(
        CONTRIBUTION_ANSWERED.code,
        [contribution.author],
        params={
            "strategy": contribution.strategy.title,
            "status": contribution.status,
            "answer": Truncator(contribution.answer).chars(EXCERPT_LENGTH),
            **_target(contribution),
        },
        link=_portal_path(contribution),
    )


def action_decided(action, decision, meeting):
    """Tell the users of the action's pilot organisation what the COPIL decided (one mail per action)."""
    if action.status not in DECIDED_STATUSES or action.pilot_id is None:
        return []
    return outbox.notify(
        ACTION_DECIDED.code,
        roles.users_of([action.pilot_id]),
        params={
            "strategy": action.strategy.title,
            "action_code": action.code,
            "action_title": action.title,
            "status": action.status,
            "meeting_date": meeting.date.isoformat(),
            "decision": Truncator(decision.text).chars(EXCERPT_LENGTH),
        },
        link=action.get_absolute_url(),
    )
