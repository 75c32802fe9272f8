"""What each PDF document shows, fetched through the visibility QuerySet methods.

Each builder returns a template context with a bounded number of queries, whatever the number of
actions: lists are fetched once with ``select_related``/``prefetch_related`` and grouped in Python.
"""

import datetime
from collections import OrderedDict, defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Prefetch, Q, Sum
from django.utils import timezone

from actors import roles
from charts import svg as charts
from documents.content_rollup import rollup_section
from documents.content_round import round_section
from followup.timeline import timeline_of
from indicators.models import Indicator, Measurement
from strategy.enums import ActionStatus, SwotKind
from strategy.models import (
    Action,
    ActionBeneficiaries,
    ActionPartner,
    Axis,
    BudgetLine,
    Contribution,
    Decision,
    Meeting,
    Orientation,
    Signatory,
    SwotItem,
    Workshop,
)


@dataclass
class ContactLine:
    """What a document may print about a contact person, for a given reader."""

    name: str = ""
    job_title: str = ""
    email: str = ""
    phone: str = ""


def contact_line(contact, user):
    """Staff see the whole contact; others see name and title only if the person agreed, never more."""
    if contact is None:
        return None
    if roles.sees_everything(user):
        return ContactLine(contact.full_name, contact.job_title, contact.email, contact.phone)
    if contact.public_consent:
        return ContactLine(contact.full_name, contact.job_title)
    return None


def _visible_actions(strategy, user):
    return Action.objects.visible_to(user).filter(strategy=strategy)


def _action_sheet_queryset(strategy, user):
    """Actions with everything a fiche action prints, in a fixed number of queries."""
    return (
        _visible_actions(strategy, user)
        .select_related("axis", "orientation", "pilot", "pilot_contact")
        .prefetch_related(
            Prefetch("partnerships", queryset=ActionPartner.objects.select_related("organisation")),
            "audiences",
            "neighbourhoods",
            Prefetch(
                "budget_lines",
                queryset=BudgetLine.objects.select_related("funder").order_by("year", "funder__name"),
            ),
            Prefetch(
                "indicators",
                queryset=Indicator.objects.visible_to(user).order_by("code").only("id", "code", "name"),
                to_attr="visible_indicators",
            ),
        )
        .in_code_order()
    )


def _decorate_action(action, user):
    """Attach what the sheet prints: the contact as the reader may see it, budget by year and funder."""
    action.contact = contact_line(action.pilot_contact, user)
    lines = list(action.budget_lines.all())
    action.budget_rows = lines
    action.budget_planned = sum((line.planned_amount for line in lines), Decimal(0))
    action.budget_executed = sum((line.executed_amount for line in lines), Decimal(0))
    return action


def _indicators(strategy, user, *, up_to_year=None, action=None):
    """Visible indicators with their whole-territory measurements, latest value and chart: the
    core (socle commun) first, each part in code order, so the figures compared from year to year
    open the list."""
    measurements = Measurement.objects.published().territory_wide().order_by("period")
    if up_to_year is not None:
        measurements = measurements.filter(period__lt=str(up_to_year + 1))
    queryset = Indicator.objects.visible_to(user).filter(strategy=strategy)
    if action is not None:
        queryset = queryset.filter(actions=action)
    indicators = list(
        queryset.select_related("source")
        .prefetch_related(Prefetch("measurements", queryset=measurements, to_attr="territory_measurements"))
        .order_by("-is_core", "code")
    )
    for indicator in indicators:
        series = indicator.territory_measurements
        indicator.latest = series[-1] if series else None
        latest_value = indicator.latest.value if indicator.latest else None
        indicator.progress = indicator.progress_to_target(latest_value)
        indicator.progress_percent = None if indicator.progress is None else round(indicator.progress * 100)
        indicator.chart = charts.indicator_chart(indicator, series) if series else None
    return indicators


@dataclass
class BudgetTable:
    """Amounts by (group, funder) and year, with totals, ready for a print table."""

    years: list = field(default_factory=list)
    groups: list = field(default_factory=list)
    year_totals: list = field(default_factory=list)
    planned: Decimal = Decimal(0)
    executed: Decimal = Decimal(0)


def budget_by_axis_funder_and_year(action_ids, axes):
    """One table: for each axis, one row per funder with the planned amount of each year."""
    rows = list(
        BudgetLine.objects.filter(action__in=action_ids)
        .values("action__axis_id", "funder__name", "year")
        .annotate(planned=Sum("planned_amount"), executed=Sum("executed_amount"))
        .order_by("action__axis_id", "funder__name", "year")
    )
    table = BudgetTable(years=sorted({row["year"] for row in rows}))
    by_axis = defaultdict(lambda: OrderedDict())
    for row in rows:
        funders = by_axis[row["action__axis_id"]]
        funders.setdefault(row["funder__name"], {})[row["year"]] = row
    year_totals = dict.fromkeys(table.years, Decimal(0))
    for axis in axes:
        funders = by_axis.get(axis.id)
        if not funders:
            continue
        funder_rows = []
        axis_years = dict.fromkeys(table.years, Decimal(0))
        axis_total = Decimal(0)
        for funder_name, per_year in funders.items():
            amounts = [per_year[year]["planned"] if year in per_year else None for year in table.years]
            total = sum((amount for amount in amounts if amount is not None), Decimal(0))
            funder_rows.append({"funder": funder_name, "amounts": amounts, "total": total})
            for year, row in per_year.items():
                axis_years[year] += row["planned"]
                year_totals[year] += row["planned"]
                table.executed += row["executed"]
            axis_total += total
        table.groups.append(
            {
                "axis": axis,
                "rows": funder_rows,
                "year_totals": [axis_years[year] for year in table.years],
                "total": axis_total,
            }
        )
        table.planned += axis_total
    table.year_totals = [year_totals[year] for year in table.years]
    return table


def _swot_by_axis(strategy, axes):
    """Per axis, the diagnosis's non-empty boxes in SwotKind's reading order (forces first)."""
    items = SwotItem.objects.filter(strategy=strategy).order_by(
        "axis__number", SwotKind.reading_order(), "order", "id"
    )
    grouped = OrderedDict()
    labels = {axis.id: axis for axis in axes}
    for item in items:
        block = grouped.setdefault(item.axis_id, {"axis": labels.get(item.axis_id), "kinds": OrderedDict()})
        block["kinds"].setdefault(item.get_kind_display(), []).append(item)
    return list(grouped.values())


def strategy_document(strategy, user, *, document_date=None, version=None):
    """The strategy document's context, as ``user`` may read it."""
    axes = list(Axis.objects.filter(strategy=strategy).order_by("number"))
    orientations = list(
        Orientation.objects.visible_to(user)
        .filter(strategy=strategy)
        .select_related("axis")
        .order_by("number")
    )
    actions = [_decorate_action(action, user) for action in _action_sheet_queryset(strategy, user)]

    actions_by_orientation = defaultdict(list)
    loose_actions_by_axis = defaultdict(list)
    for action in actions:
        if action.orientation_id:
            actions_by_orientation[(action.axis_id, action.orientation_id)].append(action)
        else:
            loose_actions_by_axis[action.axis_id].append(action)

    axis_blocks = []
    for axis in axes:
        blocks = []
        for orientation in orientations:
            own = orientation.axis_id == axis.id
            orientation_actions = actions_by_orientation.get((axis.id, orientation.id), [])
            # A transversal orientation (no axis) shows under each axis that has actions for it.
            if own or orientation_actions:
                blocks.append({"orientation": orientation, "actions": orientation_actions})
        axis_blocks.append(
            {"axis": axis, "orientations": blocks, "loose_actions": loose_actions_by_axis.get(axis.id, [])}
        )

    visible_ids = _visible_actions(strategy, user).values("id")
    budget = budget_by_axis_funder_and_year(visible_ids, axes)
    funder_rows = list(BudgetLine.objects.filter(action__in=visible_ids).totals_by_funder_and_year())
    workshops = list(
        Workshop.objects.filter(strategy=strategy)
        .select_related("axis")
        .prefetch_related("organisations")
        .order_by("date", "axis__number", "id")
    )
    return {
        "strategy": strategy,
        "document_date": document_date or timezone.localdate(),
        "version": version,
        "axes": axes,
        "orientations": orientations,
        "transversal_orientations": [o for o in orientations if o.axis_id is None],
        "axis_blocks": axis_blocks,
        "actions_count": len(actions),
        "indicators": _indicators(strategy, user),
        "budget": budget,
        "budget_chart": charts.budget_chart(funder_rows) if funder_rows else None,
        "rollup_section": rollup_section(
            strategy, _visible_actions(strategy, user), axes, user, document_date or timezone.localdate()
        ),
        "workshops": workshops,
        "swot_blocks": _swot_by_axis(strategy, axes),
        "signatories": list(
            Signatory.objects.filter(strategy=strategy).select_related("organisation").order_by("order", "id")
        ),
        "signed_at_place": version.signed_at_place if version else "",
    }


@dataclass
class StatusChange:
    action: Action
    date: datetime.datetime
    old_status: str
    new_status: str

    @property
    def old_label(self):
        return ActionStatus(self.old_status).label if self.old_status else ""

    @property
    def new_label(self):
        return ActionStatus(self.new_status).label


def _status_changes(actions_by_id, year):
    """Status changes of these actions during ``year``, read from their history (simple_history)."""
    end = datetime.datetime(year + 1, 1, 1, tzinfo=timezone.get_current_timezone())
    start = datetime.datetime(year, 1, 1, tzinfo=timezone.get_current_timezone())
    history = (
        Action.history.filter(id__in=list(actions_by_id), history_date__lt=end)
        .order_by("id", "history_date", "history_id")
        .values_list("id", "status", "history_date")
    )
    changes = []
    previous = {}
    for action_id, status, when in history:
        before = previous.get(action_id)
        if before is not None and before != status and when >= start:
            changes.append(StatusChange(actions_by_id[action_id], when, before, status))
        previous[action_id] = status
    changes.sort(key=lambda change: (change.date, change.action.code))
    return changes


def yearly_report(strategy, year, user, *, document_date=None):
    """The COPIL's yearly progress report for ``year``, as ``user`` may read it."""
    axes = list(Axis.objects.filter(strategy=strategy).order_by("number"))
    visible = _visible_actions(strategy, user)
    counts = defaultdict(dict)
    for row in visible.values("axis_id", "status").annotate(n=Count("id")).order_by():
        counts[row["axis_id"]][row["status"]] = row["n"]
    for axis in axes:
        axis.counts = {status: counts[axis.id].get(status.value, 0) for status in ActionStatus}
        axis.status_rows = [(status.label, count) for status, count in axis.counts.items() if count]
        axis.count_list = list(axis.counts.values())
        axis.total = sum(axis.counts.values())

    in_year = Q(updated_at__year=year) | Q(start_date__year=year) | Q(end_date__year=year)
    changed = list(visible.filter(in_year).select_related("axis", "pilot").in_code_order())
    actions_by_id = {action.id: action for action in changed}
    # Status changes come from the history of every visible action, not only those touched this year.
    all_visible = {
        a.id: a for a in visible.select_related("axis").only("id", "code", "title", "axis__number")
    }
    status_changes = _status_changes(all_visible, year)
    for action in changed:
        action.year_notes = []
        if action.start_date and action.start_date.year == year:
            action.year_notes.append("start")
        if action.end_date and action.end_date.year == year:
            action.year_notes.append("end")
    changed_by_axis = OrderedDict((axis.id, {"axis": axis, "actions": []}) for axis in axes)
    for action in actions_by_id.values():
        changed_by_axis[action.axis_id]["actions"].append(action)

    budget_rows = list(
        BudgetLine.objects.filter(action__in=visible.values("id"), year=year)
        .values("funder__name")
        .annotate(planned=Sum("planned_amount"), executed=Sum("executed_amount"))
        .order_by("funder__name")
    )
    for row in budget_rows:
        row["rate"] = round(row["executed"] / row["planned"] * 100) if row["planned"] else None
    budget_planned = sum((row["planned"] for row in budget_rows), Decimal(0))
    budget_executed = sum((row["executed"] for row in budget_rows), Decimal(0))
    chart_rows = [{**row, "year": year} for row in budget_rows]

    meetings = list(
        Meeting.objects.visible_to(user)
        .filter(strategy=strategy, date__year=year)
        .prefetch_related(Prefetch("decisions", queryset=Decision.objects.order_by("id")))
        .order_by("date")
    )
    is_staff_reader = roles.sees_everything(user)
    contributions = (
        list(
            Contribution.objects.visible_to(user)
            .filter(strategy=strategy)
            .open()
            .select_related("author", "action", "orientation")
            .order_by("created_at")
        )
        if is_staff_reader
        else []
    )
    return {
        "strategy": strategy,
        "year": year,
        "document_date": document_date or timezone.localdate(),
        "axes": axes,
        "status_choices": ActionStatus.choices,
        "status_chart": charts.status_by_axis_chart(axes) if axes else None,
        "changed_blocks": [block for block in changed_by_axis.values() if block["actions"]],
        "changed_count": len(changed),
        "status_changes": status_changes,
        "indicators": _indicators(strategy, user, up_to_year=year),
        "budget_rows": budget_rows,
        "budget_planned": budget_planned,
        "budget_executed": budget_executed,
        "budget_chart": charts.budget_chart(chart_rows) if chart_rows else None,
        "meetings": meetings,
        "show_contributions": is_staff_reader,
        "contributions": contributions,
        "round_section": round_section(strategy, year, axes, user),
        "rollup_section": rollup_section(
            strategy, visible, axes, user, document_date or timezone.localdate(), with_late=True
        ),
    }


def action_sheet(action, user, *, document_date=None):
    """One fiche action, as ``user`` may read it. ``action`` comes from the visible actions."""
    action = _decorate_action(action, user)
    document_date = document_date or timezone.localdate()
    return {
        "strategy": action.strategy,
        "action": action,
        "beneficiaries": list(
            ActionBeneficiaries.objects.filter(action=action).with_breakdown().order_by("year")
        ),
        "indicators": _indicators(action.strategy, user, action=action),
        "sectors": list(action.sectors.all()),
        # Late as of the document's date: a sheet says what was late on the day it was drawn up.
        "timeline": timeline_of(action, user, today=document_date, known_visible=True),
        "document_date": document_date,
    }


def action_sheet_queryset(strategy, user):
    return _action_sheet_queryset(strategy, user)
