"""The demo's beneficiaries: ``demo/data/beneficiaires.toml``, per action and year, loaded idempotently.

Kept apart from the strategies' files (its own file, its own schema): a count belongs to an action of
a strategy the strategies' files have already loaded. The file is checked before anything is
written, the model's rules included (a breakdown never counts more people than the total), so a
wrong figure stops ``loaddemo`` with the file and the row named, and nothing changes.
"""

from pathlib import Path

from django.core.exceptions import ValidationError

from demo.base import apply, upsert
from demo.datafile import AnyKeys, DemoDataError, Required, Text, check, read_toml
from strategy.models import Action, ActionBeneficiaries, Audience, BeneficiariesByAudience

PATH = Path(__file__).resolve().parent / "data" / "beneficiaires.toml"
COUNTS = ("girls", "boys", "sex_unknown", "in_priority_area", "outside_priority_area")
SCHEMA = {
    "beneficiaries": [
        {
            "strategy": Required(Text),
            "action": Required(Text),
            "year": Required(int),
            "total": Required(int),
            **dict.fromkeys(COUNTS, int),
            "by_audience": AnyKeys(int),
        }
    ]
}


def read_beneficiaries(path=None):
    """The checked content of the beneficiaries file (its keys and their kinds)."""
    path = path or PATH
    data = read_toml(path)
    check(data, SCHEMA, path.name)
    return data


def load_beneficiaries(data, source=PATH.name):
    """Brings every declared year back to what the file says; writes nothing when it already does."""
    specs = data.get("beneficiaries", [])
    actions = {
        (action.strategy.slug, action.code): action
        for action in Action.objects.filter(strategy__slug__in={spec["strategy"] for spec in specs})
        .select_related("strategy")
        .order_by()
    }
    audiences = {audience.code: audience for audience in Audience.objects.all()}
    rows = [_checked(spec, index, actions, audiences, source) for index, spec in enumerate(specs, 1)]
    for spec, row in rows:
        stored = upsert(
            ActionBeneficiaries,
            {"action": row.action, "year": row.year},
            **{name: getattr(row, name) for name in ("total", *COUNTS)},
        )
        counts = {audiences[code]: count for code, count in spec.get("by_audience", {}).items()}
        existing = {line.audience_id: line for line in stored.by_audience.all()}
        for audience, count in counts.items():
            apply(
                BeneficiariesByAudience,
                existing.pop(audience.pk, None),
                {"beneficiaries": stored, "audience": audience},
                count=count,
            )
        if existing:
            BeneficiariesByAudience.objects.filter(pk__in=[line.pk for line in existing.values()]).delete()
    return len(rows)


def _checked(spec, index, actions, audiences, source):
    where = f"{source}, beneficiaries n° {index} (action {spec['action']}, {spec['year']})"
    action = actions.get((spec["strategy"], spec["action"]))
    if action is None:
        raise DemoDataError(f"{where} : action inconnue dans la stratégie « {spec['strategy']} ».")
    unknown = sorted(set(spec.get("by_audience", {})) - set(audiences))
    if unknown:
        raise DemoDataError(f"{where} : public inconnu « {unknown[0]} ».")
    row = ActionBeneficiaries(
        action=action, year=spec["year"], total=spec["total"], **{name: spec.get(name) for name in COUNTS}
    )
    try:
        row.clean()
    except ValidationError as error:
        raise DemoDataError(f"{where} : {' '.join(error.messages)}") from None
    counts = {audiences[code].pk: count for code, count in spec.get("by_audience", {}).items()}
    refusal = row.refused_audience_counts(counts)
    if refusal:
        raise DemoDataError(f"{where} : {refusal}")
    return spec, row
