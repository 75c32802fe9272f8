"""The demo's yearly reviews: ``demo/data/revues.toml``, the coordination's answers per theme for a
past year of each demo strategy, loaded idempotently after the strategies.

Its own file and schema, as the beneficiaries: a review belongs to a strategy the strategies' files
have loaded. The file is checked, the model's rules included (the year within the strategy's span),
before anything is written.
"""

from pathlib import Path

from django.core.exceptions import ValidationError

from demo.base import upsert
from demo.datafile import DemoDataError, Required, Text, check, read_toml
from followup.models import AnnualReview
from strategy.enums import StrategyKind
from strategy.models import Strategy

PATH = Path(__file__).resolve().parent / "data" / "revues.toml"
ANSWERS = ("governance", "deployment", "inter_cites", "communication", "financial", "evaluation")
SCHEMA = {
    "reviews": [
        {"strategy": Required(Text), "year": Required(int), **dict.fromkeys(ANSWERS, Text)},
    ]
}


def read_reviews(path=None):
    """The checked content of the reviews file (its keys and their kinds)."""
    path = path or PATH
    data = read_toml(path)
    check(data, SCHEMA, path.name)
    return data


def load_reviews(data, source=PATH.name):
    """Brings every declared review back to what the file says; writes nothing when it already does."""
    specs = data.get("reviews", [])
    strategies = {s.slug: s for s in Strategy.objects.filter(slug__in={spec["strategy"] for spec in specs})}
    rows = [_checked(spec, index, strategies, source) for index, spec in enumerate(specs, 1)]
    for row in rows:
        upsert(
            AnnualReview,
            {"strategy": row.strategy, "year": row.year},
            **{name: getattr(row, name) for name in ANSWERS},
        )
    return len(rows)


def _checked(spec, index, strategies, source):
    where = f"{source}, reviews n° {index} ({spec['strategy']}, {spec['year']})"
    strategy = strategies.get(spec["strategy"])
    if strategy is None:
        raise DemoDataError(f"{where} : stratégie inconnue.")
    row = AnnualReview(strategy=strategy, year=spec["year"], **{name: spec.get(name, "") for name in ANSWERS})
    if spec.get("inter_cites") and strategy.kind != StrategyKind.CITE_EDUCATIVE:
        raise DemoDataError(f"{where} : les liens entre cités ne concernent que les cités éducatives.")
    try:
        row.clean()
    except ValidationError as error:
        raise DemoDataError(f"{where} : {' '.join(error.messages)}") from None
    return row
