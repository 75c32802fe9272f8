"""What each action's report of a round still misses, for the lists that show it (the organisation's
list of a round, the pilot's home): indicator values, the beneficiaries of the year, the point
d'étape. A constant number of queries, whatever the number of reports."""

from dataclasses import dataclass, field

from django.db.models import Count, Prefetch, Q
from django.utils import timezone

from followup import perms, rounds
from followup.enums import ReportStatus
from followup.models import RoundParticipant
from indicators.models import Indicator
from strategy.models import ActionBeneficiaries


@dataclass
class Missing:
    """What one report still lacks: the (indicator, period) values, beneficiaries, the note."""

    values: list = field(default_factory=list)
    beneficiaries: bool = False
    milestone_note: bool = False

    @property
    def value_count(self):
        return len(self.values)

    @property
    def nothing(self):
        return not (self.values or self.beneficiaries or self.milestone_note)


def missing_by_report(round, reports):
    """Attach to each report of ``reports`` (one round's) its ``missing`` (a ``Missing``)."""
    reports = list(reports)
    action_ids = [report.action_id for report in reports]
    gaps = rounds.indicator_gaps(round, action_ids)
    links = {}
    for indicator_id, action_id in Indicator.actions.through.objects.filter(
        action_id__in=action_ids, indicator_id__in=[indicator.pk for indicator, _periods in gaps]
    ).values_list("indicator_id", "action_id"):
        links.setdefault(action_id, set()).add(indicator_id)
    counted = set(
        ActionBeneficiaries.objects.filter(action_id__in=action_ids, year=round.year).values_list(
            "action_id", flat=True
        )
    )
    for report in reports:
        linked = links.get(report.action_id, set())
        report.missing = Missing(
            values=[
                (indicator, period)
                for indicator, periods in gaps
                if indicator.pk in linked
                for period in periods
            ],
            beneficiaries=report.action_id not in counted,
            milestone_note=not report.milestone_note.strip(),
        )
    return reports


def open_rounds_for(user):
    """The open rounds the user reads, newest deadline last, each carrying what is left.

    For a pilot: the rounds their organisation is asked in, with ``report_total`` and
    ``report_left`` (not yet sent) for their organisation. For coordination and the COPIL: every
    open round, with ``participant_rows`` (each organisation, its counts and ``current_state``).
    Three queries at most, whatever the number of rounds and organisations.
    """
    visible = perms.rounds_visible_to(user).open().select_related("strategy").order_by("deadline", "pk")
    if perms.may_choose_organisation(user):
        participants = RoundParticipant.objects.select_related("organisation").annotate(
            report_total=Count("reports"),
            report_sent=Count("reports", filter=Q(reports__status=ReportStatus.SENT)),
            report_started=Count("reports", filter=~Q(reports__status=ReportStatus.TODO)),
        )
        found = list(visible.prefetch_related(Prefetch("participants", queryset=participants)))
        today = timezone.localdate()
        for round in found:
            round.participant_rows = list(round.participants.all())
            for participant in round.participant_rows:
                participant.round = round  # spare a query per row in state()
                participant.current_state = participant.state(
                    today,
                    sent=participant.report_sent,
                    total=participant.report_total,
                    started=participant.report_started,
                )
        return found
    mine = Q(reports__participant__organisation_id=perms.organisation_of(user))
    return list(
        visible.annotate(
            report_total=Count("reports", filter=mine, distinct=True),
            report_left=Count("reports", filter=mine & ~Q(reports__status=ReportStatus.SENT), distinct=True),
        )
    )
