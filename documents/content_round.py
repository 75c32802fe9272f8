"""The yearly report's « Campagne de suivi »: the record of the year's reporting round, as a reader
of the report's audience may read it (``followup.reporting`` reads the record)."""

from collections import OrderedDict
from dataclasses import dataclass

from actors import roles
from followup import reporting
from followup.rounds import participants_with_progress
from strategy.models import Action


@dataclass
class RoundSection:
    """The « Campagne de suivi » part of a yearly report: the round, where each organisation
    stands, each visible action's answer as sent and the beneficiaries added up."""

    round: object
    participants: list
    axis_blocks: list
    beneficiaries: reporting.BeneficiaryTotals


def round_section(strategy, year, axes, user):
    """The record of the year's round (``followup.reporting.round_for_report``) as ``user`` reads
    it, or None when the year has none. Who sent an answer is a person's name for readers inside
    the strategy only; any other reader gets the organisation (no account is even fetched).
    Four queries at most: the round, its participants, its reports, the audiences' order."""
    round = reporting.round_for_report(strategy, year)
    if round is None:
        return None
    inside = roles.sees_everything(user)
    reports = reporting.reports_of(
        round, Action.objects.visible_to(user).filter(strategy=strategy).values("id"), with_sender=inside
    )
    blocks = OrderedDict((axis.id, {"axis": axis, "reports": []}) for axis in axes)
    for report in reports:
        report.sender = report.participant.organisation.name
        if inside and report.sent_by is not None:
            report.sender = report.sent_by.get_full_name() or report.sent_by.username
        blocks[report.action.axis_id]["reports"].append(report)
    return RoundSection(
        round=round,
        # Sorted here: the annotated query of the participants drops their Meta ordering.
        participants=sorted(
            participants_with_progress(round),
            key=lambda participant: participant.organisation.name.casefold(),
        ),
        axis_blocks=[block for block in blocks.values() if block["reports"]],
        beneficiaries=reporting.beneficiary_totals(report.record for report in reports),
    )
