"""The content a frozen version keeps: what an anonymous visitor sees, as data, in a few queries."""

import json
from decimal import Decimal

import pytest

from documents.snapshots import canonical_json, snapshot_sha256, strategy_snapshot
from indicators.enums import MeasurementStatus
from strategy.enums import StrategyStatus
from tests.documents.builders import DRAFT_TITLE, SECRET_EMAIL, UNPUBLISHED_INDICATOR, build_strategy
from tests.indicators.factories import MeasurementFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def built(pedt):
    # A value waiting for validation is not published: it must stay out of the snapshot.
    MeasurementFactory(
        indicator=pedt.indicators[0], period="2025", value=Decimal("999"), status=MeasurementStatus.PENDING
    )
    return pedt


@pytest.fixture(scope="module")
def snapshot(built):
    return strategy_snapshot(built.strategy)


def test_the_snapshot_holds_the_validated_actions_keyed_by_code(built, snapshot):
    assert set(snapshot["actions"]) == {action.code for action in built.actions}
    first = built.actions[0]
    assert snapshot["actions"][first.code] == {
        "code": first.code,
        "slug": first.slug,
        "title": first.title,
        "status": first.status,
        "axis": 1,
        "orientation": 1,
        "pilot": first.pilot.name,
        "partners": [{"name": "pedt-test CAF du Val-de-Marne", "role": "funder"}],
        "audiences": ["Élémentaire (6-11 ans)"],
        "neighbourhoods": ["pedt-test Quartier Gagarine"],
        "sectors": [],
        "start_date": "2024-01-15",
        "end_date": "2025-06-30",
        "progress": 40,
        "summary": first.summary,
        "description": "",
    }


def test_no_draft_unpublished_or_personal_data_is_in_the_snapshot(built, snapshot):
    text = canonical_json(snapshot).decode("utf-8")
    assert built.draft.code not in snapshot["actions"]
    assert DRAFT_TITLE not in text
    assert "99000" not in text  # the draft's funding
    assert "IND-9" not in snapshot["indicators"] and UNPUBLISHED_INDICATOR not in text
    assert "999" not in text  # the measurement waiting for validation
    assert SECRET_EMAIL not in text and "Secret" not in text and "Dominique" not in text


def test_the_strategy_its_axes_and_orientations(built, snapshot):
    assert snapshot["strategy"] == {
        "title": built.strategy.title,
        "slug": "pedt-test",
        "kind": "pedt",
        "status": "adopted",
        "start_date": "2023-09-01",
        "end_date": "2026-08-31",
        "summary": built.strategy.summary,
    }
    assert snapshot["axes"]["2"] == {"number": 2, "title": "Promouvoir la culture"}
    assert snapshot["orientations"]["3"] == {
        "number": 3,
        "title": "Associer les familles à chaque étape",
        "axis": None,
    }


def test_budget_amounts_are_exact_strings_by_action_funder_and_year(built, snapshot):
    first = built.actions[0].code
    assert [row for row in snapshot["budget"] if row["action"] == first] == [
        {"action": first, "funder": "pedt-test CAF du Val-de-Marne", "year": 2024, "planned": "12500.00"},
        {
            "action": first,
            "funder": "pedt-test Préfecture du Val-de-Marne",
            "year": 2025,
            "planned": "7500.00",
        },
    ]
    assert len(snapshot["budget"]) == 2 * len(built.actions)


def test_indicators_with_their_published_measurements(snapshot):
    assert set(snapshot["indicators"]) == {"IND-1", "IND-2"}
    assert snapshot["indicators"]["IND-2"] == {
        "code": "IND-2",
        "slug": "ind-2",
        "name": "Collégiens touchés par une action culturelle",
        "kind": "quantitative",
        "unit": "%",
        "direction": "up",
        "baseline": "60.00",
        "baseline_period": "2021",
        "target": "90.00",
        "target_period": "2026",
        "measurements": [{"period": "2024", "neighbourhood": "", "value": "75.00", "rating": ""}],
    }
    assert [m["period"] for m in snapshot["indicators"]["IND-1"]["measurements"]] == ["2023", "2024"]


def test_the_snapshot_is_json_and_its_fingerprint_is_stable(built, snapshot):
    assert json.loads(json.dumps(snapshot)) == snapshot
    assert snapshot_sha256(strategy_snapshot(built.strategy)) == snapshot_sha256(snapshot)
    assert len(snapshot_sha256(snapshot)) == 64


def test_a_strategy_not_yet_published_shows_nothing_to_anonymous_visitors(module_data):
    draft = build_strategy(
        "pedt-snapshot-brouillon", status=StrategyStatus.CONSULTATION, actions_per_orientation=1
    )
    snapshot = strategy_snapshot(draft.strategy)
    assert (snapshot["axes"], snapshot["orientations"], snapshot["actions"]) == ({}, {}, {})
    assert (snapshot["budget"], snapshot["indicators"]) == ([], {})


def test_the_snapshot_takes_one_query_per_table(built, django_assert_max_num_queries):
    # axes, orientations, actions (with axis, orientation, pilot), partnerships (with organisations),
    # audiences, neighbourhoods, sectors, budget lines (with funders), indicators, measurements.
    with django_assert_max_num_queries(10):
        snapshot = strategy_snapshot(built.strategy)
    assert len(snapshot["actions"]) == len(built.actions) > 4
