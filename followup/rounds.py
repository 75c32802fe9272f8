"""The rules of a reporting round, in one place: which actions it asks about, opening, sending an
action's answer, closing, the gaps in indicator values, and where each organisation stands.

The admin's pages (coordination and pilots), the reminders, the demo and the yearly report call
these; none of them writes a round's state by itself.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from followup.announcements import announce_round
from followup.enums import ReportStatus, RoundStatus
from followup.models import IN_SCOPE_STATUSES, ActionReport, ReportingRound, RoundParticipant
from indicators import periods
from indicators.models import Indicator, Measurement
from strategy.models import ActionBeneficiaries, BudgetLine


def actions_in_scope(round):
    """The strategy's actions decided on (not abandoned) whose dates, when known, meet the period."""
    first, last = round.period_bounds
    return (
        round.strategy.actions.filter(status__in=IN_SCOPE_STATUSES)
        .filter(Q(start_date__isnull=True) | Q(start_date__lte=last))
        .filter(Q(end_date__isnull=True) | Q(end_date__gte=first))
        .select_related("pilot")
    )


def _locked(round):
    return ReportingRound.objects.select_for_update().get(pk=round.pk)


@transaction.atomic
def open_round(round, user, now=None, *, send_mail=True):
    """Open a prepared round: one participant per pilot organisation, one report per action in
    scope, and the opening mail to each organisation's pilots, written by the worker
    (``followup.announcements``; not with ``send_mail=False``: the demo records past rounds).
    Raises a French ``ValidationError`` (and changes nothing) when the round is not in preparation or
    asks nothing."""
    round = _locked(round)
    if round.status != RoundStatus.PREPARING:
        raise ValidationError(_("Cette campagne est déjà ouverte ou clôturée."))
    round.full_clean()
    actions = list(actions_in_scope(round).values_list("pk", "pilot_id"))
    if not actions:
        raise ValidationError(
            _("Aucune action de la stratégie n'est en cours sur la période %(period)s : rien à demander.")
            % {"period": round.period}
        )
    RoundParticipant.objects.bulk_create(
        RoundParticipant(round=round, organisation_id=pilot)
        for pilot in sorted({pilot for _, pilot in actions})
    )
    # Fetched back rather than taken from bulk_create: SQLite before 3.35 returns no primary keys.
    participants = dict(round.participants.values_list("organisation_id", "pk"))
    ActionReport.objects.bulk_create(
        ActionReport(round=round, participant_id=participants[pilot], action_id=pk) for pk, pilot in actions
    )
    round.status = RoundStatus.OPEN
    round.opened_at = now or timezone.now()
    round.opened_by = user
    round.save(update_fields=["status", "opened_at", "opened_by", "updated_at"])
    if send_mail:
        # In the same transaction (the database task backend): no mail for an opening rolled back.
        announce_round.enqueue(round_id=round.pk)
    return round


@transaction.atomic
def close_round(round, user, now=None):
    """Close an open round: what was sent stays as the round's record; what was not is « sans
    réponse ». Nothing can be answered afterwards."""
    round = _locked(round)
    if round.status != RoundStatus.OPEN:
        raise ValidationError(_("Seule une campagne ouverte peut être clôturée."))
    round.status = RoundStatus.CLOSED
    round.closed_at = now or timezone.now()
    round.closed_by = user
    round.save(update_fields=["status", "closed_at", "closed_by", "updated_at"])
    return round


def answer_of(report):
    """What an action's answer says now, as plain values: the record kept when it is sent."""
    action = report.action
    round = report.round
    lines = BudgetLine.objects.filter(action=action, year=round.year).select_related("funder")
    beneficiaries = (
        ActionBeneficiaries.objects.filter(action=action, year=round.year)
        .prefetch_related("by_audience__audience")
        .first()
    )
    values = Measurement.objects.filter(
        indicator__actions=action, period__in=_periods_up_to_round(round)
    ).select_related("indicator", "neighbourhood", "audience")
    return {
        "action_status": action.status,
        "progress": action.progress,
        "milestone_note": report.milestone_note,
        "budget": [
            {
                "funder": line.funder.name,
                "planned": str(line.planned_amount),
                "executed": str(line.executed_amount),
                "stage": line.stage,
            }
            for line in lines
        ],
        "beneficiaries": None
        if beneficiaries is None
        else {
            "total": beneficiaries.total,
            "girls": beneficiaries.girls,
            "boys": beneficiaries.boys,
            "sex_unknown": beneficiaries.sex_unknown,
            "in_priority_area": beneficiaries.in_priority_area,
            "outside_priority_area": beneficiaries.outside_priority_area,
            "by_audience": {count.audience.name: count.count for count in beneficiaries.by_audience.all()},
        },
        "values": [
            {
                "indicator": value.indicator.code,
                "period": value.period,
                "neighbourhood": value.neighbourhood.name if value.neighbourhood_id else "",
                "audience": value.audience.name if value.audience_id else "",
                "sex": value.sex,
                "value": None if value.value is None else str(value.value),
                "rating": value.rating,
                "status": value.status,
            }
            for value in values
        ],
    }


@transaction.atomic
def send_report(report, user, now=None):
    """Send an action's answer to coordination (again, if it was sent and corrected since): keep the
    record of what it says, who sent it and when; the organisation is complete once all are sent."""
    round = _locked(report.round)
    if round.status != RoundStatus.OPEN:
        raise ValidationError(_("La campagne est clôturée : la fiche ne peut plus être envoyée."))
    now = now or timezone.now()
    report.answer = answer_of(report)
    report.status = ReportStatus.SENT
    report.sent_at = now
    report.sent_by = user
    report.save(update_fields=["answer", "status", "sent_at", "sent_by", "updated_at"])
    participant = RoundParticipant.objects.select_for_update().get(pk=report.participant_id)
    if (
        participant.completed_at is None
        and not participant.reports.exclude(status=ReportStatus.SENT).exists()
    ):
        participant.completed_at = now
        participant.save(update_fields=["completed_at"])
    return report


def mark_saved(report, user):
    """Record that the pilot saved the action's page without sending it yet."""
    if report.status == ReportStatus.TODO:
        report.status = ReportStatus.DRAFT
    report.saved_by = user
    report.save(update_fields=["status", "saved_by", "updated_at"])


def _periods_up_to_round(round):
    """Every period label (of any frequency) of the strategy's span up to the round's period's end."""
    end = round.period_bounds[1]
    labels = []
    for frequency in ("yearly", "school_year", "term"):
        labels += periods.due_periods(frequency, round.strategy, until=end)
    return labels


def indicator_gaps(round, actions):
    """For the indicators linked to ``actions``: [(indicator, [missing period labels])], the periods
    of the strategy's span ended by the end of the round's period that have no value at all (a
    value waiting for validation counts as given). Indicators with nothing missing are left out."""
    end = round.period_bounds[1]
    indicators = list(
        Indicator.objects.filter(actions__in=actions).distinct().select_related("strategy").order_by("code")
    )
    wanted = {
        indicator.pk: periods.owed_periods(indicator.frequency, round.strategy, end)
        for indicator in indicators
    }
    given = set(
        Measurement.objects.territory_wide()
        .filter(indicator__in=indicators)
        .values_list("indicator_id", "period")
    )
    gaps = []
    for indicator in indicators:
        missing = [label for label in wanted[indicator.pk] if (indicator.pk, label) not in given]
        if missing:
            gaps.append((indicator, missing))
    return gaps


def participants_with_progress(round):
    """The round's participants, each annotated with ``report_total``, ``report_sent`` and
    ``report_started``, and carrying ``current_state``, by organisation name: one query."""
    participants = list(
        round.participants.select_related("organisation", "round__strategy")
        .annotate(
            report_total=Count("reports"),
            report_sent=Count("reports", filter=Q(reports__status=ReportStatus.SENT)),
            report_started=Count("reports", filter=~Q(reports__status=ReportStatus.TODO)),
        )
        # An aggregate drops the model's ordering (Django 5.2): say it again.
        .order_by("organisation__name", "pk")
    )
    today = timezone.localdate()
    for participant in participants:
        participant.current_state = participant.state(
            today,
            sent=participant.report_sent,
            total=participant.report_total,
            started=participant.report_started,
        )
    return participants
