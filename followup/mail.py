"""The round's mail: the kinds it registers, who each goes to and what it says.

Both go to the pilot users of an organisation (``actors.roles.users_of(..., role=PILOTE)``) through
``notifications.outbox.notify``, inside the transaction that opens the round or records the
reminder: nothing is sent from here, the worker sends what was queued.
"""

from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from actors import roles
from followup.links import pilot_list_path
from notifications import kinds, outbox

ROUND_OPENED = kinds.MailKind(
    code="round_opened",
    label=_("Ouverture d'une campagne de suivi"),
    reason=_(
        "Vous recevez ce courriel parce que votre structure pilote des actions sur lesquelles "
        "une campagne de suivi l'interroge."
    ),
)
ROUND_REMINDER = kinds.MailKind(
    code="round_reminder",
    label=_("Rappels avant la date limite d'une campagne de suivi"),
    reason=_(
        "Vous recevez ce courriel parce que votre structure pilote des actions et n'a pas encore "
        "envoyé toutes leurs fiches de suivi."
    ),
)


def register_kinds():
    kinds.register(ROUND_OPENED)
    kinds.register(ROUND_REMINDER)


def _round_params(round, participant, action_count):
    return {
        "strategy": round.strategy.title,
        "period": round.period,
        "deadline": round.deadline.isoformat(),
        "organisation": participant.organisation.name,
        "action_count": action_count,
    }


def pilots_of(participants):
    """{organisation id: [its active pilot users]} for these participants, in one query."""
    found = {participant.organisation_id: [] for participant in participants}
    users = roles.users_of(list(found), role=roles.PILOTE).select_related("contact")
    for user in users:
        found[user.contact.organisation_id].append(user)
    return found


def round_opened(round, participants):
    """Tell each participant organisation's pilots that the round is open (one mail each), with the
    round's message, its deadline, how many actions they are asked about and the link to their list.
    Returns the notifications created."""
    counts = _report_counts(round)
    recipients = pilots_of(participants)
    created = []
    for participant in participants:
        params = {
            **_round_params(round, participant, counts.get(participant.pk, 0)),
            "message": round.message,
        }
        created += outbox.notify(
            ROUND_OPENED.code,
            recipients[participant.organisation_id],
            params=params,
            link=pilot_list_path(round.pk),
        )
    return created


def _report_counts(round):
    """{participant id: number of its reports}."""
    return dict(
        round.reports.order_by()
        .values("participant_id")
        .annotate(count=Count("pk"))
        .values_list("participant_id", "count")
    )


def round_reminder(participant, users, *, action_count, sent_count, days_left):
    """Remind ``users`` (the pilots of the participant's organisation) that the round's deadline is
    near (``days_left`` days, 0 on the day itself, negative once passed) and what is still to send."""
    round = participant.round
    params = {
        **_round_params(round, participant, action_count),
        "sent_count": sent_count,
        "remaining_count": action_count - sent_count,
        "days_left": days_left,
    }
    return outbox.notify(ROUND_REMINDER.code, users, params=params, link=pilot_list_path(round.pk))
