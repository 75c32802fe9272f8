"""Workbooks read as their formats mean them: repeated cells, typed cells, the sheet that holds the table."""

import datetime

from strategy.models import Action
from tests.strategy.imports.files import ods_cell, ods_document, ods_row, snapshot, xlsx_workbook

HEADER = ["Code", "Titre", "Axe", "Structure pilote", "Date de début", "Date de fin"]
SEPTEMBER = datetime.date(2025, 9, 1)


def header_row():
    return ods_row(*(ods_cell(text) for text in HEADER))


def test_two_equal_neighbouring_dates_written_as_one_repeated_cell_keep_the_end_date(
    world, tmp_path, importtable
):
    # LibreOffice writes the start and end dates, equal, as one cell repeated twice.
    path = tmp_path / "actions.ods"
    rows = [header_row(), ods_row(ods_cell("3.1"), ods_cell("Journée"), ods_cell(1), ods_cell("Ville"))]
    rows[1] = rows[1].replace("</table:table-row>", ods_cell(SEPTEMBER, repeat=2) + "</table:table-row>")
    path.write_bytes(ods_document({"Actions": rows}))

    run = importtable("pedt-ivry", "actions", path)

    assert run.code == 0, run.err
    assert "1 ligne(s) créée(s)" in run.out
    action = Action.objects.get(strategy=world.strategy, code="3.1")
    assert (action.start_date, action.end_date, action.pilot) == (SEPTEMBER, SEPTEMBER, world.city)


def test_repeated_empty_cells_do_not_shift_the_later_columns(world, tmp_path, importtable):
    path = tmp_path / "actions.ods"
    header = ods_row(*(ods_cell(text) for text in ["Code", "Titre", "Axe", "Résumé", "Description"]))
    header = header.replace("</table:table-row>", "")
    header += ods_cell("Structure pilote") + "</table:table-row>"
    row = ods_row(
        ods_cell("3.1"), ods_cell("Journée"), ods_cell(1), ods_cell(None, repeat=2), ods_cell("CAF")
    )
    path.write_bytes(ods_document({"Actions": [header, row]}))

    run = importtable("pedt-ivry", "actions", path)

    assert run.code == 0, run.err
    assert Action.objects.get(strategy=world.strategy, code="3.1").pilot == world.caf


def test_the_visible_sheet_is_read_and_a_hidden_first_sheet_ignored(world, tmp_path, importtable):
    path = tmp_path / "actions.xlsx"
    hidden = [HEADER, ["9.9", "Ne pas importer", 1, "Ville", None, None]]
    visible = [HEADER, ["3.1", "Journée", 1, "CAF", None, None]]
    path.write_bytes(xlsx_workbook({"Brouillon": hidden, "Feuille2": visible}, hidden={"Brouillon"}))

    run = importtable("pedt-ivry", "actions", path)

    assert run.code == 0, run.err
    codes = set(Action.objects.filter(strategy=world.strategy).values_list("code", flat=True))
    assert codes == {"1.1", "2.1", "3.1"}


def test_a_hidden_ods_sheet_named_as_the_table_is_not_read(world, tmp_path, importtable):
    path = tmp_path / "actions.ods"
    hidden = [header_row(), ods_row(ods_cell("9.9"), ods_cell("Caché"), ods_cell(1), ods_cell("Ville"))]
    visible = [header_row(), ods_row(ods_cell("3.1"), ods_cell("Journée"), ods_cell(1), ods_cell("CAF"))]
    path.write_bytes(ods_document({"Actions": hidden, "Saisie": visible}, hidden={"Actions"}))

    run = importtable("pedt-ivry", "actions", path)

    assert run.code == 0, run.err
    assert not Action.objects.filter(code="9.9").exists()
    assert Action.objects.get(strategy=world.strategy, code="3.1").pilot == world.caf


def test_the_sheet_named_as_the_table_is_read_among_several_visible(world, tmp_path, importtable):
    path = tmp_path / "actions.xlsx"
    notes = [["Notes de la réunion"], ["Ne pas importer"]]
    actions = [HEADER, ["3.1", "Journée", 1, "CAF", None, None]]
    path.write_bytes(xlsx_workbook({"Notes": notes, "Actions": actions}))

    run = importtable("pedt-ivry", "actions", path)

    assert run.code == 0, run.err
    assert "1 ligne(s) créée(s)" in run.out


def test_a_workbook_whose_table_sheet_is_ambiguous_is_refused(world, tmp_path, importtable):
    path = tmp_path / "actions.xlsx"
    rows = [HEADER, ["3.1", "Journée", 1, "CAF", None, None]]
    path.write_bytes(xlsx_workbook({"2024": rows, "2025": rows}))
    before = snapshot()

    run = importtable("pedt-ivry", "actions", path)

    assert run.code == 1
    assert "Ce classeur a plusieurs feuilles visibles (« 2024 », « 2025 »)" in run.err
    assert "la nommer « Actions »" in run.err
    assert snapshot() == before
