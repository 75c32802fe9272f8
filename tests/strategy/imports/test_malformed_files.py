"""A corpus of malformed files: each refused with a French message, the database left untouched."""

import io
import random

import openpyxl
import pytest

from tests.strategy.imports.files import BUILDERS, snapshot

ACTION_HEADER = ["Code", "Titre", "Axe", "Orientation", "Structure pilote", "Date de début", "Date de fin"]
LINE_HEADER = ["Code action", "Année", "Financeur", "Montant prévu", "Montant réalisé", "Étape"]
MEASURE_HEADER = ["Code indicateur", "Période", "Quartier", "Valeur", "Appréciation", "Commentaire"]
GOOD_ACTION = ["3.1", "Coup de pouce", "1", "1", "Ville", "01/09/2024", "30/06/2025"]
GOOD_LINE = ["1.1", "2025", "CAF", "1 000,00", "0", "Demandé"]
GOOD_MEASURE = ["I1", "2024", "", "250", "", ""]


def replaced(row, header, **cells):
    row = list(row)
    for column, value in cells.items():
        row[header.index(column.replace("_", " "))] = value
    return row


def xlsx_with_formula():
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(ACTION_HEADER)
    sheet.append(["3.1", "=1+2", 1, 1, "Ville", None, None])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def garbage(size=4096):
    generator = random.Random(42)
    return bytes(generator.randrange(256) for _ in range(size))


# (table, file kind, rows or raw bytes, fragments the error output must contain)
CORPUS = {
    "missing-required-column": (
        "actions",
        "csv",
        [["Code", "Axe", "Structure pilote"], ["3.1", "1", "Ville"]],
        ["Ligne 1, colonne « Titre » : colonne obligatoire absente"],
    ),
    "duplicate-column": (
        "financements",
        "xlsx",
        [[*LINE_HEADER, "Année"], [*GOOD_LINE, "2026"]],
        ["Ligne 1, colonne « Année » : colonne en double (colonnes B, G)"],
    ),
    "unknown-axis": (
        "actions",
        "ods",
        [ACTION_HEADER, replaced(GOOD_ACTION, ACTION_HEADER, Axe="9")],
        ["Ligne 2, colonne « Axe »", "axe inconnu : « 9 »"],
    ),
    "unknown-orientation": (
        "actions",
        "csv",
        [ACTION_HEADER, replaced(GOOD_ACTION, ACTION_HEADER, Orientation="Inventée")],
        ["Ligne 2, colonne « Orientation »", "orientation inconnue"],
    ),
    "unknown-pilot": (
        "actions",
        "xlsx",
        [ACTION_HEADER, replaced(GOOD_ACTION, ACTION_HEADER, Structure_pilote="Mairie de Nulle-Part")],
        [
            "Ligne 2, colonne « Structure pilote »",
            "organisation inconnue sur le territoire de la stratégie : « Mairie de Nulle-Part »",
        ],
    ),
    "unknown-neighbourhood": (
        "actions",
        "csv",
        [[*ACTION_HEADER, "Quartiers"], [*GOOD_ACTION, "Centre-ville; Les Hauts"]],
        ["Ligne 2, colonne « Quartiers »", "quartier inconnu : « Les Hauts »"],
    ),
    "unknown-audience": (
        "actions",
        "ods",
        [[*ACTION_HEADER, "Publics"], [*GOOD_ACTION, "Retraités"]],
        ["Ligne 2, colonne « Publics »", "public inconnu : « Retraités »"],
    ),
    "unknown-sector": (
        "actions",
        "xlsx",
        [[*ACTION_HEADER, "Secteurs"], [*GOOD_ACTION, "Culture; Astronautique"]],
        ["Ligne 2, colonne « Secteurs »", "secteur inconnu : « Astronautique »"],
    ),
    "unknown-status": (
        "actions",
        "csv",
        [[*ACTION_HEADER, "Statut"], [*GOOD_ACTION, "Presque fini"]],
        ["Ligne 2, colonne « Statut »", "statut inconnu : « Presque fini »"],
    ),
    "unknown-funder": (
        "financements",
        "csv",
        [LINE_HEADER, replaced(GOOD_LINE, LINE_HEADER, Financeur="Banque mondiale")],
        [
            "Ligne 2, colonne « Financeur »",
            "organisation inconnue sur le territoire de la stratégie : « Banque mondiale »",
        ],
    ),
    "unknown-stage": (
        "financements",
        "ods",
        [LINE_HEADER, replaced(GOOD_LINE, LINE_HEADER, Étape="Promis")],
        ["Ligne 2, colonne « Étape »", "étape inconnue : « Promis »"],
    ),
    "unknown-action": (
        "financements",
        "xlsx",
        [LINE_HEADER, replaced(GOOD_LINE, LINE_HEADER, Code_action="9.9")],
        ["Ligne 2, colonne « Code action »", "action inconnue dans cette stratégie : « 9.9 »"],
    ),
    "duplicate-funding-rows": (
        "financements",
        "csv",
        [LINE_HEADER, GOOD_LINE, replaced(GOOD_LINE, LINE_HEADER, Financeur="caf")],
        ["Ligne 3, colonne « Code action »", "figure déjà à la ligne 2"],
    ),
    "duplicate-measurement-rows": (
        "mesures",
        "xlsx",
        [MEASURE_HEADER, GOOD_MEASURE, replaced(GOOD_MEASURE, MEASURE_HEADER, Valeur="260")],
        ["Ligne 3, colonne « Code indicateur »", "figure déjà à la ligne 2"],
    ),
    "negative-amount": (
        "financements",
        "xlsx",
        [LINE_HEADER, replaced(GOOD_LINE, LINE_HEADER, Montant_prévu=-500)],
        ["Ligne 2, colonne « Montant prévu »", "montant négatif"],
    ),
    "non-numeric-amount": (
        "financements",
        "csv",
        [LINE_HEADER, replaced(GOOD_LINE, LINE_HEADER, Montant_réalisé="douze mille")],
        ["Ligne 2, colonne « Montant réalisé »", "« douze mille » n'est pas un nombre"],
    ),
    "amount-with-a-thousands-point": (
        "financements",
        "csv",
        [LINE_HEADER, replaced(GOOD_LINE, LINE_HEADER, Montant_prévu="12.500")],
        ["Ligne 2, colonne « Montant prévu »", "« 12.500 » est ambigu"],
    ),
    "measurement-value-written-the-english-way": (
        "mesures",
        "csv",
        [MEASURE_HEADER, replaced(GOOD_MEASURE, MEASURE_HEADER, Valeur="80,000.50")],
        ["Ligne 2, colonne « Valeur »", "« 80,000.50 » est ambigu"],
    ),
    "bad-year": (
        "financements",
        "ods",
        [LINE_HEADER, replaced(GOOD_LINE, LINE_HEADER, Année="25")],
        ["Ligne 2, colonne « Année »", "année invalide"],
    ),
    "bad-date": (
        "actions",
        "csv",
        [ACTION_HEADER, replaced(GOOD_ACTION, ACTION_HEADER, Date_de_début="31/02/2024")],
        ["Ligne 2, colonne « Date de début »", "n'est pas une date"],
    ),
    "end-before-start": (
        "actions",
        "xlsx",
        [ACTION_HEADER, replaced(GOOD_ACTION, ACTION_HEADER, Date_de_fin="2024-01-31")],
        ["Ligne 2, colonne « Date de fin »", "précède la date de début"],
    ),
    "empty-required-value": (
        "actions",
        "ods",
        [ACTION_HEADER, GOOD_ACTION, replaced(GOOD_ACTION, ACTION_HEADER, Code="3.2", Titre="")],
        ["Ligne 3, colonne « Titre » : valeur obligatoire"],
    ),
    "code-too-long": (
        "actions",
        "csv",
        [ACTION_HEADER, replaced(GOOD_ACTION, ACTION_HEADER, Code="1." + "9" * 30)],
        ["Ligne 2, colonne « Code »", "texte trop long"],
    ),
    "bad-period": (
        "mesures",
        "csv",
        [MEASURE_HEADER, replaced(GOOD_MEASURE, MEASURE_HEADER, Période="2023-2025")],
        ["Ligne 2, colonne « Période »", "les deux années doivent se suivre"],
    ),
    "quantitative-value-missing": (
        "mesures",
        "ods",
        [MEASURE_HEADER, GOOD_MEASURE, replaced(GOOD_MEASURE, MEASURE_HEADER, Période="2025", Valeur="")],
        ["Ligne 3, colonne « Valeur »", "valeur manquante : l'indicateur I1 est quantitatif"],
    ),
    "unknown-indicator": (
        "mesures",
        "xlsx",
        [MEASURE_HEADER, replaced(GOOD_MEASURE, MEASURE_HEADER, Code_indicateur="Z9")],
        ["Ligne 2, colonne « Code indicateur »", "indicateur inconnu : « Z9 »"],
    ),
    "formula-in-text-cell": (
        "actions",
        "csv",
        [ACTION_HEADER, replaced(GOOD_ACTION, ACTION_HEADER, Titre='=HYPERLINK("http://x.example","clic")')],
        ["Ligne 2, colonne « Titre »", "ressemble à une formule de tableur"],
    ),
    "formula-cell-in-workbook": (
        "actions",
        "xlsx",
        xlsx_with_formula,
        ["Ligne 2, colonne B : cette cellule contient une formule, refusée par sécurité"],
    ),
    "slug-clash-database-constraint": (
        "actions",
        "csv",
        [ACTION_HEADER, ["9.1", "A b", "1", "", "Ville", "", ""], ["91", "a b", "1", "", "Ville", "", ""]],
        ["Ligne 3 : refusé par la base de données"],
    ),
    "wrong-encoding": (
        "actions",
        "csv",
        lambda: (
            "Code;Titre;Axe;Structure pilote\r\n3.1;Caf\u00e9;1;Ville\r\n".encode("utf-8")
            + b"3.2;\x81\x8d\x90;1;Ville\r\n"
        ),
        ["Encodage du fichier non reconnu (ligne 3)"],
    ),
    "utf16-csv": (
        "mesures",
        "csv",
        lambda: "Code indicateur;Période;Valeur\r\nI1;2024;3\r\n".encode("utf-16"),
        ["Ce CSV est encodé en UTF-16"],
    ),
    "empty-file": ("actions", "csv", lambda: b"", ["Le fichier est vide"]),
    "blank-lines-only": ("mesures", "csv", lambda: b"\r\n \r\n;;\r\n", ["Le fichier est vide"]),
    "binary-garbage-as-csv": ("financements", "csv", garbage, ["contient des données binaires"]),
    "csv-content-as-xlsx": (
        "financements",
        "xlsx",
        lambda: BUILDERS["csv"]([LINE_HEADER, GOOD_LINE]),
        ["n'est pas un classeur Excel (.xlsx) valide"],
    ),
    "xlsx-content-as-ods": (
        "mesures",
        "ods",
        lambda: BUILDERS["xlsx"]([MEASURE_HEADER, GOOD_MEASURE]),
        ["n'est pas un classeur OpenDocument (.ods) valide"],
    ),
    "garbage-as-ods": ("actions", "ods", garbage, ["n'est pas un classeur OpenDocument (.ods) valide"]),
    "unsupported-extension": (
        "actions",
        "txt",
        lambda: b"Code;Titre\r\n",
        ["Format de fichier non pris en charge : « tableau.txt »"],
    ),
}


@pytest.mark.parametrize("case", CORPUS, ids=list(CORPUS))
def test_a_malformed_file_is_refused_in_french_and_changes_nothing(case, world, tmp_path, importtable):
    table, kind, content, fragments = CORPUS[case]
    data = content() if callable(content) else BUILDERS[kind](content)
    path = tmp_path / f"tableau.{kind}"
    path.write_bytes(data)
    before = snapshot()

    run = importtable("pedt-ivry", table, path)

    assert run.code == 1
    for fragment in fragments:
        assert fragment in run.err
    assert "Traceback" not in run.err
    assert snapshot() == before


def test_a_file_over_the_size_limit_is_refused_before_parsing(world, tmp_path, importtable):
    path = tmp_path / "enorme.csv"
    line = b"1.1;2025;CAF;1000;0;Demand\xc3\xa9\r\n"
    with path.open("wb") as handle:
        handle.write("Code action;Année;Financeur;Montant prévu;Montant réalisé;Étape\r\n".encode())
        handle.write(line * (20 * 1024 * 1024 // len(line) + 1))
    assert path.stat().st_size > 20 * 1024 * 1024
    before = snapshot()

    run = importtable("pedt-ivry", "financements", path)

    assert run.code == 1
    assert "Fichier trop volumineux (20.0 Mo) : la limite est de 10 Mo." in run.err
    assert snapshot() == before


def test_every_error_of_the_file_is_reported_and_nothing_is_written(world, tmp_path, importtable):
    rows = [
        LINE_HEADER,
        ["1.1", "2026", "CAF", "100", "0", "Demandé"],  # valid, but must not be written
        ["1.1", "2026", "Inconnu", "100", "0", "Demandé"],
        ["2.1", "2026", "CAF", "-3", "x", "Demandé"],
    ]
    path = tmp_path / "lignes.csv"
    path.write_bytes(BUILDERS["csv"](rows))
    before = snapshot()

    run = importtable("pedt-ivry", "financements", path)

    assert run.code == 1
    assert "Ligne 3, colonne « Financeur »" in run.err
    assert "Ligne 4, colonne « Montant prévu »" in run.err
    assert "Ligne 4, colonne « Montant réalisé »" in run.err
    assert "Import refusé : 3 erreur(s). Rien n'a été modifié." in run.err
    assert snapshot() == before
