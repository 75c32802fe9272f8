"""What the coordination's state view of a round shows, read in a fixed number of queries.

Per organisation asked: where it stands (``followup.rounds.participants_with_progress``), its
reports, its pilot users and whether mail reaches them; per action: its report. The same reading
gives the view, its spreadsheet export and the closing page.
"""

from dataclasses import dataclass, field

import tablib
from django.utils import timezone
from django.utils.translation import gettext as _

from actors import roles
from followup import reminders, rounds
from followup.enums import ParticipantState, ReportStatus
from followup.links import pilot_list_path
from followup.mail import ROUND_REMINDER
from followup.models import ActionReport
from notifications.models import MailPreference
from shared.formatting import short_date
from shared.sheet_writer import write_xlsx

#: The states « Relancer toutes les structures » reaches: those with something left to send.
PENDING_STATES = (ParticipantState.WAITING, ParticipantState.IN_PROGRESS, ParticipantState.LATE)


@dataclass
class Recipient:
    """A pilot user of an organisation, and whether the round's mail reaches them."""

    user: object
    has_address: bool
    wants_reminders: bool

    @property
    def reachable(self):
        return self.has_address and self.wants_reminders


@dataclass
class OrganisationState:
    participant: object
    reports: list = field(default_factory=list)
    recipients: list = field(default_factory=list)
    may_remind: bool = False
    reminded_today: bool = False
    list_url: str = ""

    @property
    def state(self):
        return self.participant.current_state

    @property
    def reachable(self):
        return any(recipient.reachable for recipient in self.recipients)


@dataclass
class RoundState:
    round: object
    organisations: list

    def count(self, *states):
        return sum(organisation.state in states for organisation in self.organisations)

    @property
    def answered(self):
        return self.count(ParticipantState.ANSWERED, ParticipantState.ANSWERED_LATE)

    @property
    def pending(self):
        return [organisation for organisation in self.organisations if organisation.state in PENDING_STATES]

    @property
    def remindable(self):
        """The organisations a reminder would reach now: not done, not reminded today, reachable."""
        return [
            organisation
            for organisation in self.pending
            if organisation.may_remind and organisation.reachable
        ]

    @property
    def reports_sent(self):
        return sum(organisation.participant.report_sent for organisation in self.organisations)

    @property
    def reports_total(self):
        return sum(organisation.participant.report_total for organisation in self.organisations)


def state_of(round):
    """The round's state, organisation by organisation (ordered by name), in four queries:
    participants with their progress, their reports, their pilot users, those users' preferences."""
    participants = rounds.participants_with_progress(round)
    today = timezone.localdate()
    organisations = {
        participant.organisation_id: OrganisationState(
            participant=participant,
            may_remind=reminders.may_remind(participant, today),
            reminded_today=reminders.reminded_on(participant, today),
            list_url=pilot_list_path(round.pk, participant.organisation_id),
        )
        for participant in participants
    }
    reports = (
        ActionReport.objects.filter(round=round)
        .select_related("action__axis", "participant", "sent_by", "saved_by")
        .order_by("action__axis__number", "action__code", "pk")
    )
    for report in reports:
        organisations[report.participant.organisation_id].reports.append(report)
    users = list(roles.users_of(list(organisations), role=roles.PILOTE).select_related("contact"))
    preferences = MailPreference.objects.in_bulk([user.pk for user in users], field_name="user_id")
    for user in users:
        preference = preferences.get(user.pk)
        organisations[user.contact.organisation_id].recipients.append(
            Recipient(
                user=user,
                has_address=bool(user.email),
                wants_reminders=preference is None or preference.wants(ROUND_REMINDER.code),
            )
        )
    return RoundState(round=round, organisations=list(organisations.values()))


def who_would_be_asked(round):
    """[(organisation, number of actions)] the round would ask if opened now, by name."""
    asked = {}
    for action in rounds.actions_in_scope(round).order_by():
        organisation, count = asked.get(action.pilot_id, (action.pilot, 0))
        asked[action.pilot_id] = (organisation, count + 1)
    return sorted(asked.values(), key=lambda pair: pair[0].name)


def _moment(value):
    if value is None:
        return ""
    local = timezone.localtime(value)
    return f"{short_date(local.date())} {local:%H:%M}"


def _person(user):
    if user is None:
        return ""
    return user.get_full_name() or user.get_username()


def state_workbook(state):
    """The state as an xlsx workbook: one row per action asked, with its organisation's state."""
    dataset = tablib.Dataset(
        headers=[
            _("Structure"),
            _("État de la structure"),
            _("Fiches envoyées"),
            _("Fiches demandées"),
            _("Toutes envoyées le"),
            _("Rappels envoyés"),
            _("Dernier rappel le"),
            _("Code action"),
            _("Action"),
            _("État de la fiche"),
            _("Envoyée par"),
            _("Envoyée le"),
            _("Point d'étape"),
        ],
        title=_("État de la campagne")[:31],
    )
    dataset.column_kinds = {
        _("Fiches envoyées"): "integer",
        _("Fiches demandées"): "integer",
        _("Rappels envoyés"): "integer",
    }
    for organisation in state.organisations:
        participant = organisation.participant
        for report in organisation.reports:
            dataset.append(
                [
                    participant.organisation.name,
                    str(organisation.state.label),
                    participant.report_sent,
                    participant.report_total,
                    _moment(participant.completed_at),
                    participant.reminder_count,
                    _moment(participant.last_reminded_at),
                    report.action.code,
                    report.action.title,
                    str(ReportStatus(report.status).label),
                    _person(report.sent_by),
                    _moment(report.sent_at),
                    report.milestone_note,
                ]
            )
    return write_xlsx(dataset)
