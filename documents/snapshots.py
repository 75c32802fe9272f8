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
from decimal import Decimal

from django.contrib.auth.models import AnonymousUser
from django.db.models import Prefetch

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


def _action(action):
    return {
        "code": action.code,
        "slug": action.slug,
        "title": action.title,
        "status": action.status,
        "axis": action.axis.number,
        "orientation": action.orientation.number if action.orientation_id else None,
        "pilot": action.pilot.name,
        "partners": sorted(
            ({"name": link.organisation.name, "role": link.role} for link in action.partnerships.all()),
            key=lambda partner: (partner["name"], partner["role"]),
        ),
        "audiences": [audience.name for audience in sorted(action.audiences.all(), key=_audience_order)],
        "neighbourhoods": sorted(hood.name for hood in action.neighbourhoods.all()),
        "sectors": sorted(sector.name for sector in action.sectors.all()),
        "start_date": _iso(action.start_date),
        "end_date": _iso(action.end_date),
        "progress": action.progress,
        "summary": action.summary,
        "description": action.description,
    }


def _audience_order(audience):
    return (audience.order, audience.name)


def _measurement(measurement):
    return {
        "period": measurement.period,
        "neighbourhood": measurement.neighbourhood.name if measurement.neighbourhood_id else "",
        "value": _decimal(measurement.value),
        "rating": measurement.rating,
    }


def _indicator(indicator):
    measurements = [_measurement(m) for m in indicator.published_measurements]
    # Sorted here, not by the database: NULL neighbourhoods sort first on SQLite, last on PostgreSQL.
    measurements.sort(key=lambda m: (m["period"], m["neighbourhood"]))
    return {
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
        "measurements": measurements,
    }


def strategy_snapshot(strategy):
    """The strategy as an anonymous visitor sees it, as JSON-serialisable data (one query per table)."""
    anonymous = AnonymousUser()
    axes = Axis.objects.visible_to(anonymous).filter(strategy=strategy).only("number", "title")
    orientations = Orientation.objects.visible_to(anonymous).filter(strategy=strategy).select_related("axis")
    actions = (
        Action.objects.visible_to(anonymous)
        .filter(strategy=strategy)
        .select_related("axis", "orientation", "pilot")
        .prefetch_related(
            Prefetch("partnerships", queryset=ActionPartner.objects.select_related("organisation")),
            "audiences",
            "neighbourhoods",
            "sectors",
        )
        .order_by()
    )
    budget = (
        BudgetLine.objects.visible_to(anonymous)
        .filter(action__strategy=strategy)
        .values_list("action__code", "funder__name", "year", "planned_amount")
        .order_by()
    )
    indicators = (
        Indicator.objects.visible_to(anonymous)
        .filter(strategy=strategy)
        .prefetch_related(
            Prefetch(
                "measurements",
                # The indicators come through visible_to: published() is the rest of the rule.
                queryset=Measurement.objects.published().select_related("neighbourhood"),
                to_attr="published_measurements",
            )
        )
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
        "axes": {str(axis.number): {"number": axis.number, "title": axis.title} for axis in axes},
        "orientations": {
            str(orientation.number): {
                "number": orientation.number,
                "title": orientation.title,
                "axis": orientation.axis.number if orientation.axis_id else None,
            }
            for orientation in orientations
        },
        "actions": {action.code: _action(action) for action in actions},
        "budget": budget_rows,
        "indicators": {indicator.code: _indicator(indicator) for indicator in indicators},
    }


def canonical_json(data):
    """The one byte string a snapshot hashes to: sorted keys, no whitespace, UTF-8 as is."""
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def snapshot_sha256(data):
    """SHA-256 of the canonical JSON: the same content always gives the same fingerprint."""
    return hashlib.sha256(canonical_json(data)).hexdigest()
