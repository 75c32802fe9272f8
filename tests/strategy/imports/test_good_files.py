"""The same data, written the ways spreadsheets and people write it, imports the same."""

import datetime

import pytest

from indicators.resources import MeasurementResource
from strategy.budget_resources import BudgetLineResource
from strategy.models import BudgetLine
from strategy.resources import ActionResource
from tests.strategy.imports.files import BUILDERS

NBSP, NNBSP = "\u00a0", "\u202f"

ACTIONS = [
    [
        "Titre",
        "Code",
        "Axe",
        "Orientation",
        "Résumé",
        "Structure pilote",
        "Partenaires",
        "Publics",
        "Quartiers",
        "Secteurs",
        "Statut",
        "Date de début",
        "Date de fin",
        "Colonne libre",
    ],
    [
        "Coup de pouce clé",
        "3.1",
        "accompagner chaque enfant",
        "REUSSITE EDUCATIVE",
        "Des clubs de lecture.",
        "ville-ivry",
        "CAF; association élan",
        "6-11; Parents",
        "QN09401M; centre-ville",
        "education; Culture",
        "validée",
        datetime.date(2024, 9, 2),
        datetime.date(2025, 6, 30),
        "ignorée",
    ],
    ["Tut-tut", "3.2", "Axe 2", "", "", "Association Élan", "", "", "", "", "Proposée", None, None, ""],
]
LINES = [
    ["Code action", "Année", "Financeur", "Montant prévu", "Montant réalisé", "Étape", "Référence dossier"],
    ["1.1", 2025, "CAF", 12500.5, 1000, "Demandé", "CAF-2025-01"],
    ["2.1", 2025, "ville-ivry", 3500, 0, "versé", ""],
    ["1.1", 2025, "Ville d'Ivry-sur-Seine", 7250, None, "ENGAGE", "Réf. « é »"],
]
MEASURES = [
    ["Période", "Code indicateur", "Quartier", "Valeur", "Appréciation", "Commentaire", "Source"],
    ["2024", "I1", "", 250, "", "", "Service petite enfance"],
    ["2024", "I1", "ivry port", 43.25, "", "Hausse", ""],
    ["2023-2024", "Q1", "", None, "très satisfaisant", "", ""],
]
# How the same numbers and dates read once typed into a CSV by hand.
AS_TEXT = {
    datetime.date(2024, 9, 2): "02/09/2024",
    datetime.date(2025, 6, 30): "2025-06-30",
    12500.5: f"12{NBSP}500,50 €",
    1000: f"1{NNBSP}000",
    3500: "3 500,00€",
    0: "0,00",
    7250: "7.250,00",
    43.25: "43,25",
    250: "250",
    2025: "2025",
    None: "",
}

VARIANTS = {
    "xlsx": ("xlsx", {}),
    "ods": ("ods", {}),
    "csv-utf8-semicolon": ("csv", {"separator": ";"}),
    "csv-utf8-bom-comma": ("csv", {"separator": ",", "bom": True}),
    "csv-windows-1252": ("csv", {"separator": ";", "encoding": "cp1252"}),
    "csv-utf8-comma": ("csv", {"separator": ","}),
}


def as_text(rows):
    return [[AS_TEXT.get(cell, cell) if not isinstance(cell, str) else cell for cell in row] for row in rows]


def as_ods(rows):
    # tablib writes ODS cells as text or numbers; dates go as the French text.
    return [
        [AS_TEXT[cell] if isinstance(cell, datetime.date) or cell is None else cell for cell in row]
        for row in rows
    ]


TABLES = {
    "actions": (ACTIONS, ActionResource),
    "financements": (LINES, BudgetLineResource),
    "mesures": (MEASURES, MeasurementResource),
}

EXPECTED = {
    "actions": [
        (
            "1.1",
            "Parcours culturel des écoliers",
            1,
            1,
            "Chaque classe voit un spectacle.",
            "",
            "Ville d'Ivry-sur-Seine",
            "Association Élan",
            "Élémentaire (6-11 ans)",
            "Centre-ville; Ivry Port",
            "Culture",
            "En cours",
            "01/09/2024",
            "04/07/2026",
        ),
        (
            "3.1",
            "Coup de pouce clé",
            1,
            1,
            "Des clubs de lecture.",
            "",
            "Ville d'Ivry-sur-Seine",
            "Association Élan; Caisse d'allocations familiales",
            "Élémentaire (6-11 ans); Parents",
            "Centre-ville; Ivry Port",
            "Culture; Éducation",
            "Validée",
            "02/09/2024",
            "30/06/2025",
        ),
        (
            "2.1",
            "Radio Cartable",
            2,
            "",
            "Des ateliers pour les enfants après l'école.",
            "",
            "Association Élan",
            "",
            "",
            "",
            "",
            "En cours",
            "01/01/2024",
            "31/12/2025",
        ),
        ("3.2", "Tut-tut", 2, "", "", "", "Association Élan", "", "", "", "", "Proposée", "", ""),
    ],
    "financements": [
        (
            "1.1",
            2024,
            "Caisse d'allocations familiales",
            "12500,50",
            "2500,00",
            "Notifié",
            "CAF-2024-17",
            "",
            "",
            "",
        ),
        (
            "1.1",
            2025,
            "Caisse d'allocations familiales",
            "12500,50",
            "1000,00",
            "Demandé",
            "CAF-2025-01",
            "",
            "",
            "",
        ),
        ("1.1", 2025, "Ville d'Ivry-sur-Seine", "7250,00", "0,00", "Engagé", "Réf. « é »", "", "", ""),
        ("2.1", 2025, "Ville d'Ivry-sur-Seine", "3500,00", "0,00", "Versé", "", "", "", ""),
    ],
    # A file made before the « Public » and « Sexe » columns holds values for everyone.
    "mesures": [
        ("I1", "2023", "", "", "Ensemble", "237,00", "", "", ""),
        ("I1", "2023", "Ivry Port", "", "Ensemble", "41,50", "", "", ""),
        ("I1", "2024", "", "", "Ensemble", "250,00", "", "", "Service petite enfance"),
        ("I1", "2024", "Ivry Port", "", "Ensemble", "43,25", "", "Hausse", ""),
        ("Q1", "2022-2023", "", "", "Ensemble", "", "Satisfaisant", "En progrès.", ""),
        ("Q1", "2023-2024", "", "", "Ensemble", "", "Très satisfaisant", "", ""),
    ],
}


@pytest.mark.parametrize("table", TABLES)
@pytest.mark.parametrize("variant", VARIANTS)
def test_every_file_variant_imports_the_same_data(variant, table, world, tmp_path, importtable):
    kind, options = VARIANTS[variant]
    rows, resource_class = TABLES[table]
    if kind == "csv":
        rows = as_text(rows)
        if options.get("encoding") == "cp1252":  # no narrow no-break space in Windows-1252
            rows = [[cell.replace(NNBSP, NBSP) for cell in row] for row in rows]
    elif kind == "ods":
        rows = as_ods(rows)
    path = tmp_path / f"{table}.{kind}"
    path.write_bytes(BUILDERS[kind](rows, **options))

    run = importtable("pedt-ivry", table, path)

    assert run.code == 0, run.err
    assert f"{len(rows) - 1} ligne(s) créée(s), 0 mise(s) à jour, 0 inchangée(s)." in run.out
    exported = resource_class(strategy=world.strategy).export()
    assert sorted(exported, key=str) == sorted(EXPECTED[table], key=str)


def test_a_header_only_file_imports_nothing(world, tmp_path, importtable):
    path = tmp_path / "vide.csv"
    path.write_bytes(BUILDERS["csv"]([LINES[0]]))

    run = importtable("pedt-ivry", "financements", path)

    assert run.code == 0, run.err
    assert "0 ligne(s) créée(s), 0 mise(s) à jour, 0 inchangée(s)." in run.out


def test_an_import_updates_the_rows_it_finds_by_their_key(world, tmp_path, importtable):
    rows = [LINES[0], ["1.1", "2024", "caf", "13 000", "2500", "Engagé", "CAF-2024-17"]]
    path = tmp_path / "maj.csv"
    path.write_bytes(BUILDERS["csv"](rows))

    run = importtable("pedt-ivry", "financements", path)

    assert run.code == 0, run.err
    assert "0 ligne(s) créée(s), 1 mise(s) à jour, 0 inchangée(s)." in run.out
    world.line.refresh_from_db()
    assert (world.line.planned_amount, world.line.stage) == (13000, "committed")
    assert world.line.history.count() == 2


def test_dry_run_reports_without_writing(world, tmp_path, importtable):
    path = tmp_path / "lignes.xlsx"
    path.write_bytes(BUILDERS["xlsx"](LINES))

    run = importtable("pedt-ivry", "financements", path, "--dry-run")

    assert run.code == 0, run.err
    assert "3 ligne(s) créée(s)" in run.out
    assert "Simulation (--dry-run) : rien n'a été enregistré." in run.out
    assert BudgetLine.objects.filter(action__strategy=world.strategy).totals_by_funder_and_year().count() == 1


def test_progress_is_printed_on_request(world, tmp_path, importtable):
    path = tmp_path / "lignes.csv"
    path.write_bytes(BUILDERS["csv"](as_text(LINES)))

    run = importtable("pedt-ivry", "financements", path, "--progress")

    assert run.code == 0, run.err
    assert "3 / 3 lignes…" in run.err
