"""Reads the demo data files (TOML, in ``demo/data/``) and checks them against the keys the builder knows.

A key the builder does not know, a missing key, a value of the wrong type or outside its choices
stops the loading with a ``DemoDataError`` naming the file and the key: a typo never goes unnoticed.
"""

import datetime
import difflib
import tomllib
from pathlib import Path

from django.db.models import TextChoices

from actors.enums import OrganisationKind
from indicators.enums import Direction, Frequency, IndicatorKind, Rating
from strategy.enums import (
    ActionStatus,
    ContributionStatus,
    DecisionKind,
    FundingSource,
    FundingStage,
    MeetingKind,
    PartnerRole,
    StrategyKind,
    StrategyStatus,
    SwotKind,
    WorkshopKind,
)

DATA_DIR = Path(__file__).resolve().parent / "data"
#: Loaded in this order: a file may use the territory, organisations and contacts of an earlier one.
DEMO_FILES = ("pedt-ivry-sur-seine.toml", "cite-educative-exemple.toml", "pedt-ivry-sur-seine-2027.toml")


class DemoDataError(ValueError):
    """A demo data file the builder cannot load; the message names the file and the faulty key."""


class Required:
    """A key the table must have, with the kind of its value."""

    def __init__(self, kind):
        self.kind = kind


class AnyKeys:
    """A table whose keys are chosen by the file (periods, neighbourhood slugs), each value of ``kind``."""

    def __init__(self, kind):
        self.kind = kind


class Number:
    """An integer or a decimal number (an amount, a measured value)."""


Text = str
Date = datetime.date
DateTime = datetime.datetime

ORGANISATION = {
    "slug": Required(Text),
    "name": Required(Text),
    "short_name": Text,
    "kind": Required(OrganisationKind),
    "parent": Text,
    "sectors": [Text],
    "description": Text,
    "website": Text,
    "address": Text,
    "public_email": Text,
    "public_phone": Text,
}
CONTACT = {
    "key": Required(Text),
    "organisation": Required(Text),
    "first_name": Required(Text),
    "last_name": Required(Text),
    "job_title": Text,
    "email": Text,
    "phone": Text,
    "public_consent": bool,
}
ACTION = {
    "code": Required(Text),
    "orientation": int,
    "title": Required(Text),
    "summary": Required(Text),
    "description": Required(Text),
    "pilot": Required(Text),
    "contact": Text,
    "status": Required(ActionStatus),
    "progress": int,
    "who_may_come": Text,
    "cost": Text,
    "how_to_join": Text,
    "start_date": Date,
    "end_date": Date,
    "audiences": [Text],
    "sectors": [Text],
    "neighbourhoods": [Text],
    "partners": [{"organisation": Required(Text), "role": Required(PartnerRole)}],
    "budget": [
        {
            "year": Required(int),
            "funder": Required(Text),
            "planned": Required(Number),
            "executed": Required(Number),
            "stage": Required(FundingStage),
            # Optional: by default ``demo.funding`` derives them from the funder (its kind, the stage).
            "source": FundingSource,
            "source_detail": Text,
            "notified": Number,
        }
    ],
}
INDICATOR = {
    "code": Required(Text),
    "name": Required(Text),
    "kind": IndicatorKind,
    "unit": Text,
    "direction": Direction,
    "source": Required(Text),
    "frequency": Frequency,
    "public": bool,
    "core": bool,
    "definition": Required(Text),
    "baseline_value": Number,
    "baseline_period": Text,
    "target_value": Number,
    "target_period": Text,
    "orientations": [int],
    "actions": [Text],
    "source_note": Text,
    "values": AnyKeys(Number),
    "by_neighbourhood": AnyKeys(AnyKeys(Number)),
    "by_sex": AnyKeys(AnyKeys(Number)),
    "by_audience": AnyKeys(AnyKeys(Number)),
    "ratings": [{"period": Required(Text), "rating": Required(Rating), "comment": Text}],
}
#: Every key a demo data file may hold, and what its value must be.
SCHEMA = {
    "territory": {
        "slug": Required(Text),
        "name": Required(Text),
        "insee_code": Text,
        "department": Text,
        "population": int,
        "population_year": int,
        "description": Text,
    },
    "organisations": [ORGANISATION],
    "contacts": [CONTACT],
    "neighbourhoods": [
        {"slug": Required(Text), "name": Required(Text), "qpv_code": Text, "is_priority": bool}
    ],
    "strategy": Required(
        {
            "slug": Required(Text),
            "territory": Required(Text),
            "title": Required(Text),
            "kind": Required(StrategyKind),
            "status": Required(StrategyStatus),
            "start_date": Date,
            "end_date": Date,
            "file_reference_prefix": Required(Text),
            "summary": Text,
            "introduction": Text,
            "governance": Text,
            "co_construction": Text,
        }
    ),
    "axes": [{"number": Required(int), "title": Required(Text), "description": Text}],
    "orientations": [
        {
            "number": Required(int),
            "axis": int,
            "title": Required(Text),
            "description": Text,
            "validated_on": Date,
        }
    ],
    "actions": [ACTION],
    "indicators": [INDICATOR],
    "workshops": [
        {
            "title": Required(Text),
            "kind": Required(WorkshopKind),
            "phase": Text,
            "date": Required(Date),
            "axis": int,
            "participants": Required(int),
            "organisations": [Text],
            "objectives": Text,
            "outcomes": Text,
        }
    ],
    "swot": [{"axis": Required(int), "kind": Required(SwotKind), "text": Required(Text), "workshop": Text}],
    "meetings": [
        {
            "date": Required(Date),
            "kind": Required(MeetingKind),
            "title": Required(Text),
            "location": Text,
            "minutes": Text,
            "decisions": [
                {
                    "kind": Required(DecisionKind),
                    "text": Required(Text),
                    "orientations": [int],
                    "actions": [Text],
                }
            ],
        }
    ],
    "signatories": [
        {"organisation": Required(Text), "representative": Required(Text), "representative_title": Text}
    ],
    "contributions": [
        {
            "author": Required(Text),
            "action": Text,
            "orientation": int,
            "body": Required(Text),
            "status": Required(ContributionStatus),
            "answer": Text,
            "answered_by": Text,
            "answered_at": DateTime,
        }
    ],
}

#: The key that names an item of a list in an error message (« actions (code 1.4) »).
NAMING_KEYS = ("code", "slug", "key", "number", "period", "organisation", "year", "title", "date")


def read(name, data_dir=None):
    """The checked content of the data file ``name`` (in ``data_dir``, by default ``DATA_DIR``)."""
    path = Path(data_dir or DATA_DIR) / name
    data = read_toml(path)
    check(data, SCHEMA, path.name)
    return data


def read_toml(path):
    """The content of a TOML file, or a ``DemoDataError`` naming it."""
    try:
        with path.open("rb") as file:
            return tomllib.load(file)
    except tomllib.TOMLDecodeError as error:
        raise DemoDataError(f"{path.name} : fichier TOML illisible ({error}).") from None


def read_all(data_dir=None):
    """The checked content of every demo data file, in loading order."""
    return [read(name, data_dir) for name in DEMO_FILES]


def check(value, kind, where):
    """Raises ``DemoDataError`` unless ``value`` matches the schema ``kind``; ``where`` names it."""
    if isinstance(kind, Required):
        kind = kind.kind
    if isinstance(kind, dict):
        _check_table(value, kind, where)
    elif isinstance(kind, list):
        if not isinstance(value, list):
            _fail(where, "une liste est attendue")
        for index, item in enumerate(value, start=1):
            check(item, kind[0], f"{where}, {_item_name(item, index)}")
    elif isinstance(kind, AnyKeys):
        if not isinstance(value, dict):
            _fail(where, "une table est attendue")
        for name, item in value.items():
            check(item, kind.kind, f"{where}, « {name} »")
    elif isinstance(kind, type) and issubclass(kind, TextChoices):
        if value not in kind.values:
            _fail(where, f"valeur inconnue « {value} » ; valeurs possibles : {', '.join(kind.values)}")
    elif not _is_a(value, kind):
        _fail(where, f"valeur de type inattendu : {value!r}")


def _check_table(value, schema, where):
    if not isinstance(value, dict):
        _fail(where, "une table est attendue")
    for name in value:
        if name not in schema:
            close = difflib.get_close_matches(name, schema, n=1)
            hint = f" (vouliez-vous dire « {close[0]} » ?)" if close else ""
            _fail(where, f"clé inconnue « {name} »{hint} ; clés connues : {', '.join(schema)}")
    for name, kind in schema.items():
        if name in value:
            check(value[name], kind, f"{where}, clé « {name} »")
        elif isinstance(kind, Required):
            _fail(where, f"clé « {name} » manquante")


def _is_a(value, kind):
    if kind is Number:
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if kind is int:
        return isinstance(value, int) and not isinstance(value, bool)
    if kind is Date:
        # A datetime is a date too: a date written with a time is refused.
        return type(value) is datetime.date
    return isinstance(value, kind)


def _item_name(item, index):
    if isinstance(item, dict):
        for name in NAMING_KEYS:
            if isinstance(item.get(name), (str, int)):
                return f"n° {index} ({name} {item[name]})"
    return f"n° {index}"


def _fail(where, message):
    raise DemoDataError(f"{where} : {message}.")
