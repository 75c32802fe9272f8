"""The demo's milestones (jalons): ``demo/data/jalons.toml``, per action, loaded idempotently.

Kept apart from the strategies' files, like the beneficiaries: a milestone belongs to an action a
strategy's file has already loaded. The file is checked before anything is written; a milestone is
known by its action and title, so a second load changes nothing and a date edited by hand goes back
to the file's.
"""

from pathlib import Path

from demo.base import upsert
from demo.datafile import Date, DemoDataError, Required, Text, check, read_toml
from strategy.models import Action, Milestone

PATH = Path(__file__).resolve().parent / "data" / "jalons.toml"
SCHEMA = {
    "milestones": [
        {
            "strategy": Required(Text),
            "action": Required(Text),
            "title": Required(Text),
            "planned": Required(Date),
            "done": Date,
            "public": bool,
        }
    ]
}


def read_milestones(path=None):
    """The checked content of the milestones file (its keys and their kinds)."""
    path = path or PATH
    data = read_toml(path)
    check(data, SCHEMA, path.name)
    return data


def load_milestones(data, source=PATH.name):
    """Brings every declared milestone back to what the file says; returns how many there are."""
    specs = data.get("milestones", [])
    actions = {
        (action.strategy.slug, action.code): action
        for action in Action.objects.filter(strategy__slug__in={spec["strategy"] for spec in specs})
        .select_related("strategy")
        .order_by()
    }
    seen = set()
    rows = []
    for index, spec in enumerate(specs, 1):
        where = f"{source}, milestones n° {index} (action {spec['action']}, « {spec['title']} »)"
        action = actions.get((spec["strategy"], spec["action"]))
        if action is None:
            raise DemoDataError(f"{where} : action inconnue dans la stratégie « {spec['strategy']} ».")
        if (action.pk, spec["title"]) in seen:
            raise DemoDataError(f"{where} : ce jalon figure deux fois pour la même action.")
        seen.add((action.pk, spec["title"]))
        if not spec["title"].strip():
            raise DemoDataError(f"{where} : l'intitulé du jalon est obligatoire.")
        rows.append((action, spec))
    for action, spec in rows:
        upsert(
            Milestone,
            {"action": action, "title": spec["title"]},
            planned_date=spec["planned"],
            done_date=spec.get("done"),
            is_public=spec.get("public", True),
        )
    return len(rows)
