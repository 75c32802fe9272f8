"""Who may read and who may fill which action's report of a reporting round: one rule for the pilot's
pages (list, action page, home) and any other door that shows or writes a report.

- coordination (and superusers) read and fill every report of every round once it is opened;
- a pilot reads their organisation's reports and fills them while the round is open; another
  organisation's report, or a round their organisation is not asked in, does not exist for them;
- the steering committee reads every opened round's reports and never writes;
- anyone else (partners, staff without a role) sees none.
"""

from actors import roles
from followup.enums import RoundStatus
from followup.models import ActionReport, ReportingRound
from strategy.perms import edits_everything, is_restricted_pilot, organisation_of


def _reads_all(user):
    return edits_everything(user) or roles.has_role(user, roles.COPIL)


def reports_visible_to(user):
    """The action reports the user may read: those of opened (open or closed) rounds, all of them
    for coordination and the COPIL, their organisation's for a pilot."""
    reports = ActionReport.objects.exclude(round__status=RoundStatus.PREPARING)
    if _reads_all(user):
        return reports
    organisation_id = organisation_of(user)
    if is_restricted_pilot(user) and organisation_id is not None:
        return reports.filter(participant__organisation_id=organisation_id)
    return reports.none()


def rounds_visible_to(user):
    """The opened rounds the user may read: all for coordination and the COPIL, those their
    organisation is asked in for a pilot."""
    rounds = ReportingRound.objects.exclude(status=RoundStatus.PREPARING)
    if _reads_all(user):
        return rounds
    organisation_id = organisation_of(user)
    if is_restricted_pilot(user) and organisation_id is not None:
        return rounds.filter(participants__organisation_id=organisation_id).distinct()
    return rounds.none()


def may_choose_organisation(user):
    """Whether the user may open any organisation's list of a round (``?structure=``)."""
    return _reads_all(user)


def can_fill(user, report):
    """Whether the user may change and send this report: the round is open, and the user is
    coordination or a pilot of the organisation asked."""
    if report.round.status != RoundStatus.OPEN:
        return False
    if edits_everything(user):
        return True
    organisation_id = organisation_of(user)
    return (
        is_restricted_pilot(user)
        and organisation_id is not None
        and report.participant.organisation_id == organisation_id
    )


def reads_annual_reviews(user):
    """The yearly review (revue de projet, bilan annuel): the coordination's and the COPIL's, in the
    admin and as documents (xlsx, PDF); anyone else finds nothing there."""
    return _reads_all(user)


def edits_annual_reviews(user):
    """Only the coordination writes the review's answers (the COPIL reads them)."""
    return edits_everything(user)
