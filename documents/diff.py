"""What changed between two snapshots of a strategy (``documents.snapshots``): pure functions on dicts.

``compare(old, new)`` gives plain data (JSON-serialisable), ready for a page or a print annex: the
strategy's own fields, axes and orientations, actions added, removed and changed field by field,
the funding table by action, funder and year with its totals, and indicators. Each field change
carries its French label and both values written for people (``old_text``, ``new_text``).

Actions are matched by code; an action whose code changed is recognised by its unchanged slug
(set once, when the action is created) and shown as changed, not as removed and added.
"""

import datetime
from collections import defaultdict
from decimal import Decimal

from django.utils.translation import gettext_lazy, ngettext_lazy

from documents.snapshots import SNAPSHOT_FORMAT
from indicators.enums import Direction, IndicatorKind, Rating
from shared import formatting
from strategy.enums import ActionStatus, PartnerRole, StrategyKind, StrategyStatus

EMPTY = "—"

STRATEGY_FIELDS = (
    ("title", gettext_lazy("Titre"), "text"),
    ("kind", gettext_lazy("Type"), StrategyKind),
    ("status", gettext_lazy("Statut"), StrategyStatus),
    ("start_date", gettext_lazy("Début"), "date"),
    ("end_date", gettext_lazy("Fin"), "date"),
    ("summary", gettext_lazy("Résumé"), "text"),
)
AXIS_FIELDS = (("title", gettext_lazy("Intitulé"), "text"),)
ORIENTATION_FIELDS = (
    ("title", gettext_lazy("Intitulé"), "text"),
    ("axis", gettext_lazy("Axe"), "axis"),
)
ACTION_FIELDS = (
    ("code", gettext_lazy("Code"), "text"),
    ("title", gettext_lazy("Titre"), "text"),
    ("status", gettext_lazy("Statut"), ActionStatus),
    ("axis", gettext_lazy("Axe"), "axis"),
    ("orientation", gettext_lazy("Orientation"), "orientation"),
    ("pilot", gettext_lazy("Structure pilote"), "text"),
    ("partners", gettext_lazy("Partenaires"), "partners"),
    ("audiences", gettext_lazy("Publics"), "list"),
    ("neighbourhoods", gettext_lazy("Quartiers"), "list"),
    ("sectors", gettext_lazy("Secteurs"), "list"),
    ("start_date", gettext_lazy("Date de début"), "date"),
    ("end_date", gettext_lazy("Date de fin"), "date"),
    ("progress", gettext_lazy("Avancement"), "percent"),
    ("summary", gettext_lazy("Résumé"), "text"),
    ("description", gettext_lazy("Description"), "text"),
)
INDICATOR_FIELDS = (
    ("name", gettext_lazy("Intitulé"), "text"),
    ("unit", gettext_lazy("Unité"), "text"),
    ("kind", gettext_lazy("Nature"), IndicatorKind),
    ("direction", gettext_lazy("Sens souhaité"), Direction),
    ("baseline", gettext_lazy("Valeur de référence"), "number"),
    ("baseline_period", gettext_lazy("Période de référence"), "text"),
    ("target", gettext_lazy("Cible"), "number"),
    ("target_period", gettext_lazy("Échéance de la cible"), "text"),
)

ACTIONS_ADDED = ngettext_lazy("%(n)d action ajoutée", "%(n)d actions ajoutées", "n")
ACTIONS_REMOVED = ngettext_lazy("%(n)d action retirée", "%(n)d actions retirées", "n")
ACTIONS_CHANGED = ngettext_lazy("%(n)d action modifiée", "%(n)d actions modifiées", "n")
BUDGET_LINES_CHANGED = ngettext_lazy(
    "%(n)d ligne de financement modifiée", "%(n)d lignes de financement modifiées", "n"
)
INDICATORS_CONCERNED = ngettext_lazy("%(n)d indicateur concerné", "%(n)d indicateurs concernés", "n")


def is_comparable(data):
    """Whether a version's data is a snapshot this module reads (versions frozen before have none)."""
    return bool(data) and data.get("format") == SNAPSHOT_FORMAT


def _choice_label(choices, value):
    try:
        return str(choices(value).label)
    except ValueError:  # a value no longer among the choices: show it as stored
        return str(value)


def _numbered(collection, number):
    item = collection.get(str(number))
    return f"{number}. {item['title']}" if item else str(number)


def display(kind, value, snapshot):
    """A stored value written for people; ``snapshot`` names the axes and orientations it refers to."""
    if value is None or value == "" or value == []:
        return EMPTY
    if kind == "date":
        return formatting.long_date(datetime.date.fromisoformat(value))
    if kind == "percent":
        return formatting.percent(value)
    if kind == "number":
        return formatting.number(Decimal(value))
    if kind == "list":
        return ", ".join(value)
    if kind == "partners":
        return ", ".join(f"{p['name']} ({_choice_label(PartnerRole, p['role'])})" for p in value)
    if kind == "axis":
        return _numbered(snapshot.get("axes", {}), value)
    if kind == "orientation":
        return _numbered(snapshot.get("orientations", {}), value)
    if kind == "text":
        return str(value)
    return _choice_label(kind, value)


def field_changes(fields, old, new, old_snapshot, new_snapshot):
    """One entry per field whose value differs, in the order of ``fields``."""
    changes = []
    for name, label, kind in fields:
        before, after = old.get(name), new.get(name)
        if before != after:
            changes.append(
                {
                    "field": name,
                    "label": str(label),
                    "old": before,
                    "new": after,
                    "old_text": display(kind, before, old_snapshot),
                    "new_text": display(kind, after, new_snapshot),
                }
            )
    return changes


def _by_number(item):
    return item["number"]


def _numbered_section(name, fields, old, new, describe):
    """Added, removed and changed items of a collection keyed by number (axes, orientations)."""
    before, after = old.get(name, {}), new.get(name, {})
    changed = []
    for key in sorted(before.keys() & after.keys(), key=int):
        changes = field_changes(fields, before[key], after[key], old, new)
        if changes:
            changed.append({**describe(after[key], new), "changes": changes})
    return {
        "added": sorted((describe(after[k], new) for k in after.keys() - before.keys()), key=_by_number),
        "removed": sorted((describe(before[k], old) for k in before.keys() - after.keys()), key=_by_number),
        "changed": changed,
    }


def _describe_axis(axis, snapshot):
    return {"number": axis["number"], "title": axis["title"]}


def _describe_orientation(orientation, snapshot):
    return {
        "number": orientation["number"],
        "title": orientation["title"],
        "axis_text": display("axis", orientation.get("axis"), snapshot),
    }


def code_order(action):
    """Axis, then code in natural order (1.2 before 1.10), as ``Action.objects.in_code_order``."""
    return (action.get("axis") or 0, len(action["code"]), action["code"])


def _describe_action(action, snapshot):
    return {
        "code": action["code"],
        "title": action["title"],
        "axis_text": display("axis", action.get("axis"), snapshot),
        "pilot": action.get("pilot", ""),
        "status_text": display(ActionStatus, action.get("status"), snapshot),
    }


def _recoded(before, after):
    """{old code: new code} for actions that only changed code: same slug, one side each."""
    removed_by_slug = {before[c]["slug"]: c for c in before.keys() - after.keys() if before[c].get("slug")}
    return {
        removed_by_slug[after[c]["slug"]]: c
        for c in after.keys() - before.keys()
        if after[c].get("slug") in removed_by_slug
    }


def _actions(old, new, recoded):
    before, after = old.get("actions", {}), new.get("actions", {})
    pairs = [(code, code) for code in before.keys() & after.keys()] + list(recoded.items())
    changed = []
    for old_code, new_code in sorted(pairs, key=lambda pair: code_order(after[pair[1]])):
        if before[old_code] == after[new_code]:
            continue  # most actions do not change: skip their fields one by one
        changes = field_changes(ACTION_FIELDS, before[old_code], after[new_code], old, new)
        if changes:
            changed.append(
                {**_describe_action(after[new_code], new), "old_code": old_code, "changes": changes}
            )
    added = [after[c] for c in after.keys() - before.keys() if c not in recoded.values()]
    removed = [before[c] for c in before.keys() - after.keys() if c not in recoded]
    return {
        "added": [_describe_action(a, new) for a in sorted(added, key=code_order)],
        "removed": [_describe_action(a, old) for a in sorted(removed, key=code_order)],
        "changed": changed,
    }


def _amount(value):
    return None if value is None else str(value.quantize(Decimal("0.01")))


def _amount_row(before, after):
    return {
        "old": _amount(before),
        "new": _amount(after),
        "difference": _amount((after or Decimal(0)) - (before or Decimal(0))),
    }


def _planned(snapshot, rename=None):
    """{(action code, funder, year): planned amount}, old codes renamed to the new ones."""
    rename = rename or {}
    lines = defaultdict(Decimal)
    for row in snapshot.get("budget", []):
        lines[(rename.get(row["action"], row["action"]), row["funder"], row["year"])] += Decimal(
            row["planned"]
        )
    return lines


def _budget(old, new, recoded):
    before, after = _planned(old, recoded), _planned(new)
    old_codes = {new_code: old_code for old_code, new_code in recoded.items()}

    def action_of(code):
        found = new.get("actions", {}).get(code) or old.get("actions", {}).get(old_codes.get(code, code))
        return found or {"code": code, "title": "", "axis": None}

    lines = []
    totals_before, totals_after = defaultdict(Decimal), defaultdict(Decimal)
    for key in before.keys() | after.keys():
        code, funder, year = key
        totals_before[(funder, year)] += before.get(key, Decimal(0))
        totals_after[(funder, year)] += after.get(key, Decimal(0))
        if before.get(key) != after.get(key):
            action = action_of(code)
            row = {"action": code, "action_title": action["title"], "funder": funder, "year": year}
            lines.append(
                {**row, **_amount_row(before.get(key), after.get(key)), "_order": code_order(action)}
            )
    lines.sort(key=lambda line: (line.pop("_order"), line["funder"], line["year"]))
    totals = [
        {
            "funder": funder,
            "year": year,
            **_amount_row(totals_before[(funder, year)], totals_after[(funder, year)]),
        }
        for funder, year in sorted(totals_before.keys() | totals_after.keys())
        if totals_before[(funder, year)] != totals_after[(funder, year)]
    ]
    total = _amount_row(sum(before.values(), Decimal(0)), sum(after.values(), Decimal(0)))
    return {"lines": lines, "totals": totals, "total": total}


def _measurement_text(measurement):
    if measurement is None:
        return EMPTY
    if measurement.get("value") is not None:
        return formatting.number(Decimal(measurement["value"]))
    return display(Rating, measurement.get("rating"), {})


def _measurement_changes(old_indicator, new_indicator):
    def keyed(indicator):
        return {(m["period"], m["neighbourhood"]): m for m in indicator.get("measurements", [])}

    before, after = keyed(old_indicator), keyed(new_indicator)
    changes = []
    for key in sorted(before.keys() | after.keys()):
        old_value, new_value = _measured(before.get(key)), _measured(after.get(key))
        if old_value != new_value:
            period, neighbourhood = key
            changes.append(
                {
                    "period": period,
                    "neighbourhood": neighbourhood,
                    "old_text": _measurement_text(before.get(key)),
                    "new_text": _measurement_text(after.get(key)),
                }
            )
    return changes


def _measured(measurement):
    """What a measurement says: its value (as a number, « 75.00 » equals « 75 ») or its rating."""
    if measurement is None:
        return None
    value = measurement.get("value")
    return (None if value is None else Decimal(value), measurement.get("rating") or "")


def _describe_indicator(indicator, snapshot):
    return {
        "code": indicator["code"],
        "name": indicator["name"],
        "unit": indicator.get("unit", ""),
        "baseline_text": display("number", indicator.get("baseline"), snapshot),
        "target_text": display("number", indicator.get("target"), snapshot),
    }


def _indicators(old, new):
    before, after = old.get("indicators", {}), new.get("indicators", {})
    changed = []
    for code in sorted(before.keys() & after.keys()):
        if before[code] == after[code]:
            continue
        changes = field_changes(INDICATOR_FIELDS, before[code], after[code], old, new)
        measurements = _measurement_changes(before[code], after[code])
        if changes or measurements:
            changed.append(
                {**_describe_indicator(after[code], new), "changes": changes, "measurements": measurements}
            )
    return {
        "added": [_describe_indicator(after[c], new) for c in sorted(after.keys() - before.keys())],
        "removed": [_describe_indicator(before[c], old) for c in sorted(before.keys() - after.keys())],
        "changed": changed,
    }


def compare(old, new):
    """What changed from snapshot ``old`` to snapshot ``new``; ``empty`` tells whether anything did."""
    recoded = _recoded(old.get("actions", {}), new.get("actions", {}))
    diff = {
        "strategy": field_changes(
            STRATEGY_FIELDS, old.get("strategy", {}), new.get("strategy", {}), old, new
        ),
        "axes": _numbered_section("axes", AXIS_FIELDS, old, new, _describe_axis),
        "orientations": _numbered_section(
            "orientations", ORIENTATION_FIELDS, old, new, _describe_orientation
        ),
        "actions": _actions(old, new, recoded),
        "budget": _budget(old, new, recoded),
        "indicators": _indicators(old, new),
    }
    sections = [diff["axes"], diff["orientations"], diff["actions"], diff["indicators"]]
    diff["empty"] = not (
        diff["strategy"]
        or any(section[part] for section in sections for part in ("added", "removed", "changed"))
        or diff["budget"]["lines"]
    )
    return diff


def summary(diff):
    """The counts of what changed, as short French phrases (« 2 actions modifiées »)."""
    actions, indicators = diff["actions"], diff["indicators"]
    counts = (
        (len(actions["added"]), ACTIONS_ADDED),
        (len(actions["removed"]), ACTIONS_REMOVED),
        (len(actions["changed"]), ACTIONS_CHANGED),
        (len(diff["budget"]["lines"]), BUDGET_LINES_CHANGED),
        (sum(len(indicators[part]) for part in ("added", "removed", "changed")), INDICATORS_CONCERNED),
    )
    return [phrase % {"n": count} for count, phrase in counts if count]
