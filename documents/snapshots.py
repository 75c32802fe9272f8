"""What an anonymous visitor sees of a strategy, as plain JSON data: the content a frozen version keeps.

A version's PDF is the document people sign; its snapshot is the same content as data, so that two
versions can be compared (``documents.diff``). Everything goes through the ``visible_to`` QuerySet
methods with an anonymous visitor, as the frozen PDF does (``documents.content``): a draft action or
an unpublished indicator is never in a snapshot. Nothing personal is kept (no contact person), since
a frozen version can never be edited nor deleted.

Shape: ``strategy``, then ``axes`` and ``orientations`` keyed by their number, ``actions`` keyed by
their code (the identity the imports use), ``indicators`` keyed by their code with their published
measurements, and ``budget``, one row per action, funder and year. Dates are ISO strings, amounts
and values strings of ``Decimal`` (exact, and JSON has no decimal type).
"""

import hashlib
import json
from collections import defaultdict
from decimal import Decimal

from django.contrib.auth.models import AnonymousUser

from indicators.enums import Sex
from indicators.models import Indicator, Measurement
from strategy.models import Action, ActionPartner, Axis, BudgetLine, Orientation

#: Bump when the shape changes, so that a comparison can tell old snapshots apart.
SNAPSHOT_FORMAT = 1


def _iso(value):
    return value.isoformat() if value else None


def _decimal(value):
    """« 12500.00 »: the exact amount, two decimals, whatever the database gave back."""
    return None if value is None else str(Decimal(value).quantize(Decimal("0.01")))


def _strategy(strategy):
    return {
        "title": strategy.title,
        "slug": strategy.slug,
        "kind": strategy.kind,
        "status": strategy.status,
        "start_date": _iso(strategy.start_date),
        "end_date": _iso(strategy.end_date),
        "summary": strategy.summary,
    }


def _grouped(rows):
    """{action id: [rest of the row, ...]} from rows that start with the action's id."""
    groups = defaultdict(list)
    for action_id, *rest in rows:
        groups[action_id].append(rest)
    return groups


def _actions(strategy, anonymous):
    """The visible actions keyed by code: one query for the actions, one for each list they carry.

    Plain rows, not model instances: a strategy may have thousands of actions, and building their
    objects and related managers costs several times the queries themselves.
    """
    visible = Action.objects.visible_to(anonymous).filter(strategy=strategy)
    ids = visible.values("id")
    partners = _grouped(
        ActionPartner.objects.filter(action__in=ids).values_list("action_id", "organisation__name", "role")
    )
    audiences = _grouped(
        Action.audiences.through.objects.filter(action__in=ids).values_list(
            "action_id", "audience__order", "audience__name"
        )
    )
    neighbourhoods = _grouped(
        Action.neighbourhoods.through.objects.filter(action__in=ids).values_list(
            "action_id", "neighbourhood__name"
        )
    )
    sectors = _grouped(
        Action.sectors.through.objects.filter(action__in=ids).values_list("action_id", "sector__name")
    )
    rows = visible.values(
        "id",
        "code",
        "slug",
        "title",
        "status",
        "axis__number",
        "orientation__number",
        "pilot__name",
        "start_date",
        "end_date",
        "progress",
        "summary",
        "description",
    ).order_by()
    actions = {}
    for row in rows:
        key = row["id"]
        actions[row["code"]] = {
            "code": row["code"],
            "slug": row["slug"],
            "title": row["title"],
            "status": row["status"],
            "axis": row["axis__number"],
            "orientation": row["orientation__number"],
            "pilot": row["pilot__name"],
            "partners": [{"name": name, "role": role} for name, role in sorted(partners[key])],
            "audiences": [name for _order, name in sorted(audiences[key])],
            "neighbourhoods": sorted(name for (name,) in neighbourhoods[key]),
            "sectors": sorted(name for (name,) in sectors[key]),
            "start_date": _iso(row["start_date"]),
            "end_date": _iso(row["end_date"]),
            "progress": row["progress"],
            "summary": row["summary"],
            "description": row["description"],
        }
    return actions


def _indicators(strategy, anonymous):
    visible = Indicator.objects.visible_to(anonymous).filter(strategy=strategy)
    # The indicators come through visible_to: published() is the rest of the rule for their values.
    measurements = _grouped(
        Measurement.objects.published()
        # A version's diff compares values by period and neighbourhood: the age band and sex
        # breakdowns (issue 14) are left out of the snapshot rather than mixed up with the headline.
        .filter(indicator__in=visible.values("id"), audience__isnull=True, sex=Sex.ALL)
        .values_list("indicator_id", "period", "neighbourhood__name", "value", "rating")
    )
    indicators = {}
    for indicator in visible.order_by():
        values = [
            {"period": period, "neighbourhood": hood or "", "value": _decimal(value), "rating": rating}
            for period, hood, value, rating in measurements[indicator.id]
        ]
        # Sorted here, not by the database: NULL neighbourhoods sort first on SQLite, last on PostgreSQL.
        values.sort(key=lambda m: (m["period"], m["neighbourhood"]))
        indicators[indicator.code] = {
            "code": indicator.code,
            "slug": indicator.slug,
            "name": indicator.name,
            "kind": indicator.kind,
            "unit": indicator.unit,
            "direction": indicator.direction,
            "baseline": _decimal(indicator.baseline_value),
            "baseline_period": indicator.baseline_period,
            "target": _decimal(indicator.target_value),
            "target_period": indicator.target_period,
            "measurements": values,
        }
    return indicators


def strategy_snapshot(strategy):
    """The strategy as an anonymous visitor sees it, as JSON-serialisable data (one query per table)."""
    anonymous = AnonymousUser()
    axes = Axis.objects.visible_to(anonymous).filter(strategy=strategy).values_list("number", "title")
    orientations = (
        Orientation.objects.visible_to(anonymous)
        .filter(strategy=strategy)
        .values_list("number", "title", "axis__number")
    )
    budget = (
        BudgetLine.objects.visible_to(anonymous)
        .filter(action__strategy=strategy)
        .values_list("action__code", "funder__name", "year", "planned_amount")
        .order_by()
    )
    budget_rows = [
        {"action": code, "funder": funder, "year": year, "planned": _decimal(planned)}
        for code, funder, year, planned in budget
    ]
    budget_rows.sort(key=lambda row: (row["action"], row["funder"], row["year"]))
    return {
        "format": SNAPSHOT_FORMAT,
        "strategy": _strategy(strategy),
        "axes": {str(number): {"number": number, "title": title} for number, title in axes},
        "orientations": {
            str(number): {"number": number, "title": title, "axis": axis}
            for number, title, axis in orientations
        },
        "actions": _actions(strategy, anonymous),
        "budget": budget_rows,
        "indicators": _indicators(strategy, anonymous),
    }


def canonical_json(data):
    """The one byte string a snapshot hashes to: sorted keys, no whitespace, UTF-8 as is."""
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def snapshot_sha256(data):
    """SHA-256 of the canonical JSON: the same content always gives the same fingerprint."""
    return hashlib.sha256(canonical_json(data)).hexdigest()
