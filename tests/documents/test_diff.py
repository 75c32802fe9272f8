"""The comparison of two snapshots, on hand-made dicts: no database, every kind of change."""

import copy
import json

import pytest

from documents.diff import compare, display, is_comparable, summary
from documents.snapshots import SNAPSHOT_FORMAT, snapshot_sha256


def action(code, title, *, axis=1, **fields):
    return {
        "code": code,
        "slug": f"{code.replace('.', '-')}-{title.lower().replace(' ', '-')}",
        "title": title,
        "status": "in_progress",
        "axis": axis,
        "orientation": 1,
        "pilot": "Ville d'Ivry",
        "partners": [{"name": "CAF du Val-de-Marne", "role": "funder"}],
        "audiences": ["6-11 ans"],
        "neighbourhoods": ["Gagarine"],
        "sectors": [],
        "start_date": "2024-01-15",
        "end_date": "2025-06-30",
        "progress": 40,
        "summary": "Des ateliers.",
        "description": "",
        **fields,
    }


def budget(code, funder, year, planned):
    return {"action": code, "funder": funder, "year": year, "planned": planned}


@pytest.fixture
def old():
    return {
        "format": SNAPSHOT_FORMAT,
        "strategy": {
            "title": "PEDT d'Ivry",
            "slug": "pedt-ivry",
            "kind": "pedt",
            "status": "adopted",
            "start_date": "2023-09-01",
            "end_date": "2026-08-31",
            "summary": "Chaque enfant trouve sa place.",
        },
        "axes": {
            "1": {"number": 1, "title": "Accompagner chaque enfant"},
            "2": {"number": 2, "title": "Promouvoir la culture"},
        },
        "orientations": {
            "1": {"number": 1, "title": "Réduire les inégalités", "axis": 1},
            "2": {"number": 2, "title": "Associer les familles", "axis": None},
        },
        "actions": {
            "1.2": action("1.2", "Lire et grandir"),
            "1.10": action("1.10", "Jouer dehors"),
            "2.1": action("2.1", "Théâtre au collège", axis=2),
        },
        "budget": [
            budget("1.2", "CAF", 2024, "12500.00"),
            budget("1.2", "Préfecture", 2025, "7500.00"),
            budget("1.10", "CAF", 2024, "3000.00"),
            budget("2.1", "CAF", 2024, "1000.00"),
        ],
        "indicators": {
            "IND-1": {
                "code": "IND-1",
                "slug": "ind-1",
                "name": "Places en crèche",
                "kind": "quantitative",
                "unit": "places",
                "direction": "up",
                "baseline": "237.00",
                "baseline_period": "2023",
                "target": "260.00",
                "target_period": "2026",
                "measurements": [
                    {"period": "2023", "neighbourhood": "", "value": "237.00", "rating": ""},
                ],
            },
            "IND-2": {
                "code": "IND-2",
                "slug": "ind-2",
                "name": "Collégiens touchés",
                "kind": "quantitative",
                "unit": "%",
                "direction": "up",
                "baseline": "60.00",
                "baseline_period": "",
                "target": "90.00",
                "target_period": "",
                "measurements": [],
            },
        },
    }


@pytest.fixture
def new(old):
    return copy.deepcopy(old)


def test_an_unchanged_snapshot_gives_an_empty_diff(old, new):
    diff = compare(old, new)
    assert diff["empty"] is True
    assert diff["strategy"] == []
    for section in ("axes", "orientations", "actions", "indicators"):
        assert diff[section] == {"added": [], "removed": [], "changed": []}, section
    assert diff["budget"]["lines"] == [] and diff["budget"]["totals"] == []
    assert diff["budget"]["total"] == {"old": "24000.00", "new": "24000.00", "difference": "0.00"}
    assert summary(diff) == []


def test_the_diff_is_plain_json_data(old, new):
    new["actions"]["1.2"]["title"] = "Lire, écrire et grandir"
    new["budget"][0]["planned"] = "15000.00"
    diff = compare(old, new)
    assert json.loads(json.dumps(diff)) == diff


def test_a_changed_title_shows_old_and_new_with_its_french_label(old, new):
    new["actions"]["1.2"]["title"] = "Lire, écrire et grandir"
    (changed,) = compare(old, new)["actions"]["changed"]
    assert changed["code"] == "1.2" and changed["title"] == "Lire, écrire et grandir"
    assert changed["changes"] == [
        {
            "field": "title",
            "label": "Titre",
            "old": "Lire et grandir",
            "new": "Lire, écrire et grandir",
            "old_text": "Lire et grandir",
            "new_text": "Lire, écrire et grandir",
        }
    ]


def test_each_changed_field_is_written_for_people(old, new):
    changed_action = new["actions"]["1.2"]
    changed_action.update(
        status="done",
        axis=2,
        orientation=2,
        pilot="Collège Henri-Wallon",
        partners=[],
        audiences=["6-11 ans", "Parents"],
        end_date="2025-09-01",
        progress=100,
    )
    (changed,) = compare(old, new)["actions"]["changed"]
    texts = {change["label"]: (change["old_text"], change["new_text"]) for change in changed["changes"]}
    assert texts == {
        "Statut": ("En cours", "Réalisée"),
        "Axe": ("1. Accompagner chaque enfant", "2. Promouvoir la culture"),
        "Orientation": ("1. Réduire les inégalités", "2. Associer les familles"),
        "Structure pilote": ("Ville d'Ivry", "Collège Henri-Wallon"),
        "Partenaires": ("CAF du Val-de-Marne (Financeur)", "—"),
        "Publics": ("6-11 ans", "6-11 ans, Parents"),
        "Date de fin": ("30 juin 2025", "1er septembre 2025"),
        "Avancement": ("40\u00a0%", "100\u00a0%"),
    }
    # In the order of the action sheet, not in the order of the dict.
    assert [change["field"] for change in changed["changes"]][:3] == ["status", "axis", "orientation"]


def test_added_and_removed_actions_come_in_code_order(old, new):
    del new["actions"]["1.10"]
    new["actions"]["1.3"] = action("1.3", "Nager à l'école")
    new["actions"]["1.11"] = action("1.11", "Chanter", status="validated")
    diff = compare(old, new)
    assert [a["code"] for a in diff["actions"]["added"]] == ["1.3", "1.11"]
    assert diff["actions"]["added"][1]["status_text"] == "Validée"
    assert [(a["code"], a["title"]) for a in diff["actions"]["removed"]] == [("1.10", "Jouer dehors")]
    assert diff["actions"]["changed"] == []


def test_an_action_whose_code_changed_is_the_same_action_changed(old, new):
    moved = new["actions"].pop("1.10")
    new["actions"]["1.4"] = {**moved, "code": "1.4"}
    new["budget"] = [
        budget("1.4", "CAF", 2024, "3000.00") if row["action"] == "1.10" else row for row in new["budget"]
    ]
    diff = compare(old, new)
    assert diff["actions"]["added"] == [] and diff["actions"]["removed"] == []
    (changed,) = diff["actions"]["changed"]
    assert (changed["old_code"], changed["code"]) == ("1.10", "1.4")
    assert [(c["label"], c["old"], c["new"]) for c in changed["changes"]] == [("Code", "1.10", "1.4")]
    # Its funding moved with it: nothing changed in the funding table.
    assert diff["budget"]["lines"] == []


def test_a_changed_amount_gives_old_new_and_difference_with_the_totals(old, new):
    new["budget"][0]["planned"] = "15000.50"
    budget_diff = compare(old, new)["budget"]
    assert budget_diff["lines"] == [
        {
            "action": "1.2",
            "action_title": "Lire et grandir",
            "funder": "CAF",
            "year": 2024,
            "old": "12500.00",
            "new": "15000.50",
            "difference": "2500.50",
        }
    ]
    assert budget_diff["totals"] == [
        {"funder": "CAF", "year": 2024, "old": "16500.00", "new": "19000.50", "difference": "2500.50"}
    ]
    assert budget_diff["total"] == {"old": "24000.00", "new": "26500.50", "difference": "2500.50"}


def test_amounts_stay_exact_where_floats_would_not(old, new):
    old["budget"] = [budget("1.2", "CAF", 2024, "0.10"), budget("2.1", "CAF", 2024, "0.20")]
    new["budget"] = [budget("1.2", "CAF", 2024, "0.10"), budget("2.1", "CAF", 2024, "0.21")]
    budget_diff = compare(old, new)["budget"]
    assert budget_diff["totals"][0]["old"] == "0.30"  # 0.1 + 0.2 is 0.30000000000000004 in floats
    assert budget_diff["total"]["difference"] == "0.01"


def test_the_funding_of_a_removed_or_added_action_shows_as_lines_gone_or_new(old, new):
    del new["actions"]["1.10"]
    new["budget"] = [row for row in new["budget"] if row["action"] != "1.10"]
    new["actions"]["2.5"] = action("2.5", "Danse", axis=2)
    new["budget"].append(budget("2.5", "Préfecture", 2025, "4000.00"))
    budget_diff = compare(old, new)["budget"]
    assert [
        (line["action"], line["old"], line["new"], line["difference"]) for line in budget_diff["lines"]
    ] == [
        ("1.10", "3000.00", None, "-3000.00"),
        ("2.5", None, "4000.00", "4000.00"),
    ]
    assert budget_diff["lines"][0]["action_title"] == "Jouer dehors"  # from the old version
    assert [(row["funder"], row["year"], row["difference"]) for row in budget_diff["totals"]] == [
        ("CAF", 2024, "-3000.00"),
        ("Préfecture", 2025, "4000.00"),
    ]
    assert budget_diff["total"]["difference"] == "1000.00"


def test_indicators_added_removed_and_their_target_and_baseline_changed(old, new):
    del new["indicators"]["IND-2"]
    new["indicators"]["IND-3"] = {**old["indicators"]["IND-2"], "code": "IND-3", "name": "Enfants lecteurs"}
    new["indicators"]["IND-1"].update(target="280.00", baseline="240.00", target_period="2027")
    diff = compare(old, new)["indicators"]
    assert [(i["code"], i["name"], i["target_text"]) for i in diff["added"]] == [
        ("IND-3", "Enfants lecteurs", "90")
    ]
    assert [i["code"] for i in diff["removed"]] == ["IND-2"]
    (changed,) = diff["changed"]
    assert [(c["label"], c["old_text"], c["new_text"]) for c in changed["changes"]] == [
        ("Valeur de référence", "237", "240"),
        ("Cible", "260", "280"),
        ("Échéance de la cible", "2026", "2027"),
    ]
    assert changed["measurements"] == []


def test_new_and_corrected_measurements_are_listed_per_indicator(old, new):
    new["indicators"]["IND-1"]["measurements"] = [
        {"period": "2023", "neighbourhood": "", "value": "238.00", "rating": ""},
        {"period": "2024", "neighbourhood": "", "value": "245.50", "rating": ""},
    ]
    (changed,) = compare(old, new)["indicators"]["changed"]
    assert changed["changes"] == []
    assert changed["measurements"] == [
        {"period": "2023", "neighbourhood": "", "old_text": "237", "new_text": "238"},
        {"period": "2024", "neighbourhood": "", "old_text": "—", "new_text": "245,5"},
    ]


def test_axes_and_orientations_added_removed_renamed_and_moved(old, new):
    new["axes"]["2"]["title"] = "Promouvoir les arts et la culture"
    new["axes"]["3"] = {"number": 3, "title": "Bouger"}
    del new["orientations"]["2"]
    new["orientations"]["1"]["axis"] = 2
    new["orientations"]["4"] = {"number": 4, "title": "Le sport pour tous", "axis": 3}
    diff = compare(old, new)
    assert diff["axes"]["added"] == [{"number": 3, "title": "Bouger"}]
    assert diff["axes"]["removed"] == []
    (renamed,) = diff["axes"]["changed"]
    assert (renamed["number"], renamed["changes"][0]["old_text"], renamed["changes"][0]["new_text"]) == (
        2,
        "Promouvoir la culture",
        "Promouvoir les arts et la culture",
    )
    assert diff["orientations"]["added"] == [
        {"number": 4, "title": "Le sport pour tous", "axis_text": "3. Bouger"}
    ]
    assert [o["number"] for o in diff["orientations"]["removed"]] == [2]
    (moved,) = diff["orientations"]["changed"]
    assert [(c["label"], c["old_text"], c["new_text"]) for c in moved["changes"]] == [
        ("Axe", "1. Accompagner chaque enfant", "2. Promouvoir les arts et la culture")
    ]


def test_the_strategy_own_fields(old, new):
    new["strategy"].update(title="PEDT d'Ivry 2023-2027", end_date="2027-08-31", status="closed")
    diff = compare(old, new)
    assert [(c["label"], c["old_text"], c["new_text"]) for c in diff["strategy"]] == [
        ("Titre", "PEDT d'Ivry", "PEDT d'Ivry 2023-2027"),
        ("Statut", "Adoptée", "Terminée"),
        ("Fin", "31 août 2026", "31 août 2027"),
    ]
    assert diff["empty"] is False


def test_the_summary_counts_with_french_plurals(old, new):
    del new["actions"]["1.10"]
    new["budget"] = [row for row in new["budget"] if row["action"] != "1.10"]
    new["actions"]["2.1"]["title"] = "Théâtre"
    new["actions"]["1.2"]["progress"] = 80
    new["indicators"]["IND-1"]["target"] = "300.00"
    assert summary(compare(old, new)) == [
        "1 action retirée",
        "2 actions modifiées",
        "1 ligne de financement modifiée",
        "1 indicateur concerné",
    ]


def test_a_value_no_longer_among_the_choices_is_shown_as_stored():
    from strategy.enums import ActionStatus

    assert display(ActionStatus, "archived", {}) == "archived"
    assert display(ActionStatus, None, {}) == "—"


def test_only_snapshots_of_the_known_format_are_comparable(old):
    assert is_comparable(old)
    assert not is_comparable({})  # a version frozen before snapshots existed
    assert not is_comparable({**old, "format": SNAPSHOT_FORMAT + 1})


def test_the_fingerprint_ignores_key_order_but_not_content(old, new):
    reordered = dict(reversed(list(new.items())))
    assert snapshot_sha256(reordered) == snapshot_sha256(old)
    new["actions"]["1.2"]["title"] = "Lire et grandir "
    assert snapshot_sha256(new) != snapshot_sha256(old)
