"""What a reporting round's record says, read for the yearly report: which round a year's report
prints, each action's answer as it was sent, and the beneficiaries added up.

Only the record is read (``ActionReport.answer``, ``sent_at``, ``sent_by``, kept by
``followup.rounds.send_report``), never the live data edited since. Who may read whose name is the
documents' concern (``documents.content``), not this module's.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models.functions import Length
from django.utils.translation import gettext as _

from followup.enums import RoundStatus
from followup.models import ActionReport, ReportingRound
from indicators import periods
from strategy.enums import ActionStatus
from strategy.models import Audience


def round_for_report(strategy, year):
    """The round whose record the yearly report of ``year`` prints, or None.

    The rule: the round whose ``year`` (the year of the executed budget and of the beneficiaries
    its answers record) is ``year``; for a school-year round, coordination chose that year when it
    prepared it. A round still in preparation asked nothing and is never printed. Should a calendar
    year and a school year share the year, the closed round wins (its record is final), then the
    one whose period ends last. One query.
    """
    rounds = list(
        ReportingRound.objects.filter(strategy=strategy, year=year).exclude(status=RoundStatus.PREPARING)
    )
    if not rounds:
        return None
    return max(rounds, key=lambda round: (round.is_closed, periods.bounds(round.period)[1]))


@dataclass
class SentAnswer:
    """One action's answer as it was sent: plain values read from ``ActionReport.answer``."""

    status: str
    status_label: str
    progress: int | None
    milestone_note: str
    budget: list
    planned: Decimal
    executed: Decimal
    beneficiaries: dict | None
    #: The audiences' order (name -> rank), set by ``reports_of``.
    audience_rank: dict = field(default_factory=dict)

    @property
    def beneficiary_groups(self):
        """The breakdowns the answer gave, each as [(label, count)] with only the parts given:
        by sex, by place, by age band (a part left blank is not shown as 0)."""
        if self.beneficiaries is None:
            return []
        groups = [
            [(label, self.beneficiaries.get(key)) for key, label in labels.items()]
            for labels in (_sex_labels(), _place_labels())
        ]
        groups.append(list((self.beneficiaries.get("by_audience") or {}).items()))
        return [
            [(label, count) for label, count in group if count is not None]
            for group in groups
            if any(count is not None for _label, count in group)
        ]


def sent_answer(report):
    """The record of ``report`` once sent, else None (a draft, or nothing entered, is no answer)."""
    if not report.is_sent or not report.answer:
        return None
    answer = report.answer
    budget = [
        {
            "funder": line["funder"],
            "planned": Decimal(line["planned"]),
            "executed": Decimal(line["executed"]),
        }
        for line in answer.get("budget") or []
    ]
    status = answer.get("action_status") or ""
    return SentAnswer(
        status=status,
        status_label=ActionStatus(status).label if status in ActionStatus.values else status,
        progress=answer.get("progress"),
        milestone_note=answer.get("milestone_note") or "",
        budget=budget,
        planned=sum((line["planned"] for line in budget), Decimal(0)),
        executed=sum((line["executed"] for line in budget), Decimal(0)),
        beneficiaries=answer.get("beneficiaries"),
    )


def reports_of(round, actions, *, with_sender=False):
    """The round's reports of ``actions`` (a queryset: the reader's visible actions), in code
    order, each carrying ``record`` (its ``SentAnswer``, or None when nothing was sent). One query;
    the sender's account is fetched only when ``with_sender`` (not every reader may see who sent)."""
    related = ["action__axis", "participant__organisation"] + (["sent_by"] if with_sender else [])
    reports = list(
        ActionReport.objects.filter(round=round, action__in=actions)
        .select_related(*related)
        .order_by("action__axis__number", Length("action__code"), "action__code")
    )
    for report in reports:
        report.record = sent_answer(report)
    _order_audiences([report.record for report in reports if report.record is not None])
    return reports


def _order_audiences(records):
    """Puts each record's beneficiaries by age band in the audiences' order (youngest first): the
    answer's JSON keeps no key order on PostgreSQL (jsonb). One query, only if some give any."""
    given = [record.beneficiaries["by_audience"] for record in records if _by_audience(record)]
    names = {name for counts in given for name in counts}
    if not names:
        return
    rank = {
        name: index
        for index, name in enumerate(Audience.objects.filter(name__in=names).values_list("name", flat=True))
    }
    for record in records:
        record.audience_rank = rank
        if _by_audience(record):
            counts = record.beneficiaries["by_audience"]
            record.beneficiaries["by_audience"] = dict(
                sorted(counts.items(), key=lambda item: audience_key(rank, item[0]))
            )


def _by_audience(record):
    return bool(record.beneficiaries and record.beneficiaries.get("by_audience"))


def audience_key(rank, name):
    """An audience's place: its order, then (renamed or removed since the answer) last by name."""
    return (rank.get(name, len(rank)), name)


def _sex_labels():
    return {"girls": _("filles"), "boys": _("garçons"), "sex_unknown": _("sexe non renseigné")}


def _place_labels():
    return {
        "in_priority_area": _("en quartier prioritaire (QPV)"),
        "outside_priority_area": _("hors quartier prioritaire"),
    }


@dataclass
class Breakdown:
    """One breakdown (by sex, by place, by age band) added up over the answers that account for
    every one of their beneficiaries in it: ``known`` answers out of ``of``, their ``total``, and
    ``parts`` as (label, count)."""

    known: int = 0
    of: int = 0
    total: int = 0
    parts: list = field(default_factory=list)

    @property
    def complete(self):
        return self.of > 0 and self.known == self.of


@dataclass
class BeneficiaryTotals:
    """The beneficiaries of the year, summed over the answers sent: ``answered`` answers sent,
    ``counted`` of them giving a number, ``total`` their sum, and the three breakdowns."""

    answered: int = 0
    counted: int = 0
    total: int = 0
    by_sex: Breakdown = field(default_factory=Breakdown)
    by_place: Breakdown = field(default_factory=Breakdown)
    by_audience: Breakdown = field(default_factory=Breakdown)


def _add_up(counted, parts_of, order=None):
    """A ``Breakdown`` of ``counted`` (the beneficiaries' dicts): an answer is in it when its parts,
    as given, add up to its total (a part left blank counts nothing, and a part no answer gave is
    left out rather than shown as 0)."""
    breakdown = Breakdown(of=len(counted))
    sums = {}
    for beneficiaries in counted:
        parts = parts_of(beneficiaries)
        if sum(count or 0 for count in parts.values()) != beneficiaries["total"]:
            continue
        breakdown.known += 1
        breakdown.total += beneficiaries["total"]
        for label, count in parts.items():
            if count is not None:
                sums[label] = sums.get(label, 0) + count
    breakdown.parts = list(sums.items())
    if order is not None:
        breakdown.parts.sort(key=lambda part: audience_key(order, part[0]))
    return breakdown


def beneficiary_totals(answers):
    """Adds up the beneficiaries of ``answers`` (``SentAnswer``s; None, no answer, is skipped)."""
    answers = [answer for answer in answers if answer is not None]
    rank = next((answer.audience_rank for answer in answers if answer.audience_rank), {})
    counted = [answer.beneficiaries for answer in answers if answer.beneficiaries is not None]
    sex, place = _sex_labels(), _place_labels()
    return BeneficiaryTotals(
        answered=len(answers),
        counted=len(counted),
        total=sum(beneficiaries["total"] for beneficiaries in counted),
        by_sex=_add_up(counted, lambda b: {sex[key]: b.get(key) for key in sex}),
        by_place=_add_up(counted, lambda b: {place[key]: b.get(key) for key in place}),
        by_audience=_add_up(counted, lambda b: dict(b.get("by_audience") or {}), order=rank),
    )
