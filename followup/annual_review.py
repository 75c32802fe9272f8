"""The figures of a year's revue de projet (Cité éducative) or bilan annuel (PEDT), by the State's themes.

Each theme gathers what the portal already knows of the year, beside the coordination's written
answer (``AnnualReview``): governance (the COPIL's meetings and decisions, the workshops and who
came), operational deployment (actions by axis and status, the late ones, the beneficiaries),
financial management (the year's envelope by source and stage, the co-funding check) and
evaluation (indicators against baseline and target, with their trend). What the reporting round
recorded is the documents' (``documents.content_round``), which print it beside these figures.

Everything is read through the visibility QuerySets as ``user`` reads it, in a fixed number of
queries whatever the number of actions; every total is added up here, once, from the rows.
"""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Prefetch, Sum
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from followup.models import AnnualReview, review_title
from indicators.enums import Direction
from indicators.models import Indicator, Measurement
from shared.formatting import euros, number
from strategy import cofunding
from strategy.enums import ActionStatus, FundingSource, FundingStage, StrategyKind
from strategy.models import (
    Action,
    ActionBeneficiaries,
    Axis,
    BeneficiariesByAudience,
    BudgetLine,
    Decision,
    Meeting,
    Workshop,
)
from strategy.models.beneficiaries import PLACE_FIELDS, SEX_FIELDS

ZERO = Decimal(0)

#: The themes of the State's questionnaire, in its order: (key, AnnualReview field).
THEMES = (
    ("governance", "governance"),
    ("deployment", "deployment"),
    ("inter_cites", "inter_cites"),
    ("communication", "communication"),
    ("financial", "financial"),
    ("evaluation", "evaluation"),
)


def themes_of(strategy):
    """The answer fields the strategy's questionnaire asks: the links between cités only for a
    Cité éducative."""
    return [
        name for _key, name in THEMES if name != "inter_cites" or strategy.kind == StrategyKind.CITE_EDUCATIVE
    ]


def theme_label(name):
    return str(AnnualReview._meta.get_field(name).verbose_name).capitalize()


@dataclass
class Governance:
    meetings: list
    decision_count: int
    workshops: list
    participants: int
    organisations: list

    def summary(self):
        return " ; ".join(
            [
                ngettext("%(count)s réunion", "%(count)s réunions", len(self.meetings))
                % {"count": len(self.meetings)}
                + ngettext(", %(count)s décision", ", %(count)s décisions", self.decision_count)
                % {"count": self.decision_count},
                ngettext("%(count)s atelier", "%(count)s ateliers", len(self.workshops))
                % {"count": len(self.workshops)}
                + ngettext(" (%(count)s participant", " (%(count)s participants", self.participants)
                % {"count": number(self.participants)}
                + ngettext(
                    ", %(count)s structure présente)",
                    ", %(count)s structures présentes)",
                    len(self.organisations),
                )
                % {"count": len(self.organisations)},
            ]
        )


@dataclass
class AxisStatusRow:
    axis: Axis
    counts: list
    total: int


@dataclass
class Beneficiaries:
    """The year's beneficiaries added up over the actions that counted them: ``actions`` rows,
    ``total``; by sex, by place (in a QPV or not) and by age band as [(label, count)]."""

    actions: int = 0
    total: int = 0
    by_sex: list = field(default_factory=list)
    by_place: list = field(default_factory=list)
    by_audience: list = field(default_factory=list)


@dataclass
class Deployment:
    statuses: list
    rows: list
    status_totals: list
    total: int
    late: list
    late_on: datetime.date
    beneficiaries: Beneficiaries

    def summary(self):
        parts = [
            ngettext("%(count)s action", "%(count)s actions", self.total) % {"count": self.total},
            ngettext("%(count)s en retard", "%(count)s en retard", len(self.late))
            % {"count": len(self.late)},
            ngettext("%(count)s bénéficiaire", "%(count)s bénéficiaires", self.beneficiaries.total)
            % {"count": number(self.beneficiaries.total)},
        ]
        parts += [f"{label} : {count}" for label, count in self.status_summary if count]
        return " ; ".join(parts)

    @property
    def status_summary(self):
        return [
            (label, count) for (_value, label), count in zip(self.statuses, self.status_totals, strict=True)
        ]


@dataclass
class SourceRow:
    source: str
    label: str
    planned: Decimal
    notified: Decimal
    executed: Decimal


@dataclass
class StageRow:
    stage: str
    label: str
    lines: int
    planned: Decimal


@dataclass
class Financial:
    sources: list
    stages: list
    planned: Decimal
    notified: Decimal
    executed: Decimal
    lines: int
    cofunding: cofunding.CofundingCheck

    def summary(self):
        text = _("prévu %(planned)s, notifié %(notified)s, réalisé %(executed)s") % {
            "planned": euros(self.planned),
            "notified": euros(self.notified),
            "executed": euros(self.executed),
        }
        return f"{text} ; {cofunding_sentence(self.cofunding)}"


def cofunding_sentence(check):
    """The co-funding check in words: the rule, the amounts, met or not (and by how much)."""
    amounts = _("État %(state)s, commune %(commune)s") % {
        "state": euros(check.state),
        "commune": euros(check.commune),
    }
    if check.ratio is None:
        return _("%(amounts)s : aucune règle de cofinancement fixée.") % {"amounts": amounts}
    if check.is_met is None:
        return _("%(amounts)s : pas de crédits de l'État cette année, rien à vérifier.") % {
            "amounts": amounts
        }
    if check.is_met:
        return _("%(amounts)s : cofinancement respecté (%(expected)s attendus de la commune).") % {
            "amounts": amounts,
            "expected": euros(check.expected_commune),
        }
    return _("%(amounts)s : cofinancement non respecté, il manque %(shortfall)s à la commune.") % {
        "amounts": amounts,
        "shortfall": euros(check.shortfall),
    }


@dataclass
class IndicatorRow:
    indicator: Indicator
    latest: Measurement | None
    previous: Measurement | None

    @property
    def change(self):
        if self.latest is None or self.previous is None:
            return None
        if self.latest.value is None or self.previous.value is None:
            return None
        return self.latest.value - self.previous.value

    @property
    def trend(self):
        """« en hausse », « en baisse », « stable », or « — » without two numbers to compare."""
        change = self.change
        if change is None:
            return "—"
        if change == 0:
            return _("stable")
        return _("en hausse") if change > 0 else _("en baisse")

    @property
    def favourable(self):
        """Whether the trend goes the indicator's way (None when it cannot be said)."""
        change = self.change
        if change is None:
            return None
        direction = self.indicator.direction
        if direction == Direction.UP:
            return change >= 0
        if direction == Direction.DOWN:
            return change <= 0
        return change == 0


@dataclass
class Evaluation:
    indicators: list

    def summary(self):
        valued = sum(row.latest is not None for row in self.indicators)
        going_well = sum(row.favourable is True for row in self.indicators)
        return _("%(valued)s indicateurs renseignés sur %(count)s, %(well)s dans le bon sens") % {
            "valued": valued,
            "count": len(self.indicators),
            "well": going_well,
        }


@dataclass
class ReviewFigures:
    strategy: object
    year: int
    title: str
    axes: list
    governance: Governance
    deployment: Deployment
    financial: Financial
    evaluation: Evaluation

    def summary(self, theme):
        """One line of figures for a theme, shown beside its answer in the admin ('' when none)."""
        part = getattr(self, theme, None)
        return part.summary() if part is not None else ""


def year_end(year, today=None):
    """The day lateness is judged on: the year's last day, or today while the year runs."""
    today = today or timezone.localdate()
    return min(today, datetime.date(year, 12, 31))


def governance(strategy, year, user):
    """The year's COPIL (and technical committee) meetings with their decisions, its workshops with
    the organisations present. Three queries for meetings and decisions, two for workshops."""
    meetings = list(
        Meeting.objects.visible_to(user)
        .filter(strategy=strategy, date__year=year)
        .prefetch_related(
            Prefetch("decisions", queryset=Decision.objects.order_by("id"), to_attr="year_decisions")
        )
        .order_by("date", "id")
    )
    workshops = list(
        Workshop.objects.visible_to(user)
        .filter(strategy=strategy, date__year=year)
        .select_related("axis")
        .prefetch_related("organisations")
        .order_by("date", "id")
    )
    organisations = {}
    for workshop in workshops:
        workshop.present = sorted(workshop.organisations.all(), key=lambda o: o.name.casefold())
        for organisation in workshop.present:
            organisations[organisation.pk] = organisation
    return Governance(
        meetings=meetings,
        decision_count=sum(len(meeting.year_decisions) for meeting in meetings),
        workshops=workshops,
        participants=sum(workshop.participants_count for workshop in workshops),
        organisations=sorted(organisations.values(), key=lambda o: o.name.casefold()),
    )


def _beneficiaries(actions, year):
    rows = ActionBeneficiaries.objects.filter(action__in=actions, year=year)
    sums = rows.aggregate(
        actions=Count("id"),
        total=Sum("total"),
        **{name: Sum(name) for name in (*SEX_FIELDS, *PLACE_FIELDS)},
    )
    by_audience = (
        BeneficiariesByAudience.objects.filter(beneficiaries__in=rows)
        .values("audience__name", "audience__order")
        .annotate(count=Sum("count"))
        .order_by("audience__order", "audience__name")
    )
    field_label = {
        name: str(ActionBeneficiaries._meta.get_field(name).verbose_name)
        for name in (*SEX_FIELDS, *PLACE_FIELDS)
    }
    return Beneficiaries(
        actions=sums["actions"],
        total=sums["total"] or 0,
        by_sex=[(field_label[name], sums[name]) for name in SEX_FIELDS if sums[name] is not None],
        by_place=[(field_label[name], sums[name]) for name in PLACE_FIELDS if sums[name] is not None],
        by_audience=[(row["audience__name"], row["count"]) for row in by_audience],
    )


def deployment(strategy, year, user, axes, today=None):
    """The visible actions by axis and status (as they stand), the late ones on the year's last day
    (or today), and the beneficiaries the year counted. Four queries."""
    visible = Action.objects.visible_to(user).filter(strategy=strategy)
    counts = {}
    for row in visible.values("axis_id", "status").annotate(n=Count("id")).order_by():
        counts[(row["axis_id"], row["status"])] = row["n"]
    statuses = [(value, str(label)) for value, label in ActionStatus.choices]
    rows = []
    for axis in axes:
        axis_counts = [counts.get((axis.id, value), 0) for value, _label in statuses]
        rows.append(AxisStatusRow(axis=axis, counts=axis_counts, total=sum(axis_counts)))
    status_totals = [sum(row.counts[index] for row in rows) for index in range(len(statuses))]
    late_on = year_end(year, today)
    late = list(visible.late(late_on).select_related("axis", "pilot").in_code_order())
    return Deployment(
        statuses=statuses,
        rows=rows,
        status_totals=status_totals,
        total=sum(status_totals),
        late=late,
        late_on=late_on,
        beneficiaries=_beneficiaries(visible.values("id"), year),
    )


def financial(strategy, year, user):
    """The year's budget lines of the visible actions by source (planned, notified, executed) and by
    stage (lines, planned), and the year's co-funding check on the same lines. Three queries."""
    lines = BudgetLine.objects.filter(
        action__in=Action.objects.visible_to(user).filter(strategy=strategy).values("id"), year=year
    )
    by_source = {
        row["source"]: row
        for row in lines.values("source")
        .annotate(
            planned=Sum("planned_amount"), notified=Sum("notified_amount"), executed=Sum("executed_amount")
        )
        .order_by()
    }
    by_stage = {
        row["stage"]: row
        for row in lines.values("stage").annotate(lines=Count("id"), planned=Sum("planned_amount")).order_by()
    }
    # A line whose source was never filled in still counts, on a row of its own, last.
    labels = [(source.value, str(source.label)) for source in FundingSource] + [
        ("", _("Source non précisée"))
    ]
    sources = [
        SourceRow(
            source=value,
            label=label,
            planned=by_source[value]["planned"] or ZERO,
            notified=by_source[value]["notified"] or ZERO,
            executed=by_source[value]["executed"] or ZERO,
        )
        for value, label in labels
        if value in by_source
    ]
    stages = [
        StageRow(
            stage=stage.value,
            label=str(stage.label),
            lines=by_stage[stage.value]["lines"],
            planned=by_stage[stage.value]["planned"] or ZERO,
        )
        for stage in FundingStage
        if stage.value in by_stage
    ]
    return Financial(
        sources=sources,
        stages=stages,
        planned=sum((row.planned for row in sources), ZERO),
        notified=sum((row.notified for row in sources), ZERO),
        executed=sum((row.executed for row in sources), ZERO),
        lines=sum(row.lines for row in stages),
        cofunding=cofunding.check(strategy, year, lines=lines),
    )


def evaluation(strategy, year, user):
    """The visible indicators with baseline and target, the latest published whole-territory value
    of a period begun by the end of the year, and the one before it (for the trend). Two queries."""
    measurements = (
        Measurement.objects.published()
        .filter(neighbourhood__isnull=True, period__lt=str(year + 1))
        .order_by("period")
    )
    indicators = list(
        Indicator.objects.visible_to(user)
        .filter(strategy=strategy)
        .prefetch_related(Prefetch("measurements", queryset=measurements, to_attr="year_series"))
        .order_by("code")
    )
    rows = []
    for indicator in indicators:
        series = indicator.year_series
        rows.append(
            IndicatorRow(
                indicator=indicator,
                latest=series[-1] if series else None,
                previous=series[-2] if len(series) > 1 else None,
            )
        )
    return Evaluation(indicators=rows)


def figures(strategy, year, user, *, today=None):
    """Everything the year's review shows besides the written answers and the round, as ``user``
    reads it. Fourteen queries at most, whatever the size of the strategy."""
    axes = list(Axis.objects.filter(strategy=strategy).order_by("number"))
    return ReviewFigures(
        strategy=strategy,
        year=year,
        title=review_title(strategy, year),
        axes=axes,
        governance=governance(strategy, year, user),
        deployment=deployment(strategy, year, user, axes, today=today),
        financial=financial(strategy, year, user),
        evaluation=evaluation(strategy, year, user),
    )


def answers_of(strategy, year):
    """The coordination's answers for the year, or an empty (unsaved) review. One query."""
    review = AnnualReview.objects.filter(strategy=strategy, year=year).first()
    return review or AnnualReview(strategy=strategy, year=year)


def theme_blocks(strategy, review):
    """[(field, label, answer)] for each theme the strategy's questionnaire asks, in its order."""
    return [(name, theme_label(name), getattr(review, name)) for name in themes_of(strategy)]
