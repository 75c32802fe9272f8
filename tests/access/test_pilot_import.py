"""A pilot's spreadsheet import may do only what the admin form lets them do; the file is all or nothing.

Each file is what a pilot really sends: the export of their actions (as the admin's export gives
them), edited in the spreadsheet, read by the admin's own formats.
"""

import csv
import io

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from shared.spreadsheets import CSVTable, XLSXTable, write_table
from shared.tables import result_messages
from strategy import perms
from strategy.enums import ActionStatus
from strategy.models import Action
from strategy.resources import ActionResource
from tests.strategy.factories import ActionFactory, OrientationFactory, pilot_user
from tests.strategy.imports.conftest import World
from tests.strategy.imports.files import snapshot

FORMATS = {"xlsx": XLSXTable, "csv": CSVTable}


@pytest.fixture
def world(db):
    world = World()
    world.proposal = ActionFactory(
        strategy=world.strategy,
        axis=world.axis2,
        code="2.3",
        title="Ludothèque itinérante",
        pilot=world.association,
        status=ActionStatus.PROPOSED,
    )
    world.culture = OrientationFactory(strategy=world.strategy, axis=world.axis2, number=2, title="Culture")
    return world


@pytest.fixture
def pilot(world):
    return pilot_user(organisation=world.association, username="pilote-elan")


def exported_rows(world, user):
    """The actions table as the user's export gives it: header first, the rows they may change."""
    queryset = perms.actions_editable_by(user).filter(strategy=world.strategy)
    dataset = ActionResource(strategy=world.strategy, user=user).export(queryset=queryset)
    return dataset, [list(dataset.headers), *[list(row) for row in dataset]]


def edited_file(world, user, kind, edit):
    """The user's export in that format, edited as in a spreadsheet: ``edit(rows)`` changes the cells."""
    dataset, rows = exported_rows(world, user)
    data = write_table(dataset, kind)
    if kind == "xlsx":
        workbook = openpyxl.load_workbook(io.BytesIO(data))
        sheet = workbook.active
        rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
        edit(rows)
        for row_index, row in enumerate(rows, 1):
            for column_index, value in enumerate(row, 1):
                sheet.cell(row=row_index, column=column_index, value=value)
        buffer = io.BytesIO()
        workbook.save(buffer)
        return buffer.getvalue()
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    edit(rows)
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=";", lineterminator="\r\n").writerows(rows)
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def set_cell(rows, code, column, value):
    """Set one cell of the action's row; return the row's number as the spreadsheet shows it."""
    header = rows[0]
    for number, row in enumerate(rows[1:], 2):
        if row[header.index("Code")] == code:
            row[header.index(column)] = value
            return number
    raise AssertionError(f"no row for {code}")


def import_file(world, user, kind, data):
    """Import through the admin's reading of the file and the resource, as the admin does."""
    dataset = FORMATS[kind]().create_dataset(data)
    result = ActionResource(strategy=world.strategy, user=user).import_data(dataset, dry_run=False)
    return result, result_messages(result)


def validate_the_proposal(rows):
    return set_cell(rows, "2.3", "Statut", "Validée")


def move_to_axis_1(rows):
    return set_cell(rows, "2.1", "Axe", 1)


def reorient(rows):
    return set_cell(rows, "2.1", "Orientation", 2)


def hand_to_the_caf(rows):
    return set_cell(rows, "2.1", "Structure pilote", "Caisse d'allocations familiales")


def add_an_action(rows):
    header = rows[0]
    row = [""] * len(header)
    for column, value in {"Code": "2.9", "Titre": "Nouvelle action", "Axe": 2}.items():
        row[header.index(column)] = value
    row[header.index("Structure pilote")] = "Association Élan"
    rows.append(row)
    return len(rows)


REFUSED_EDITS = {
    "validate": (
        validate_the_proposal,
        "Statut",
        "vous ne pouvez pas passer l'action 2.3 au statut « Validée » : "
        "la validation revient au comité de pilotage.",
    ),
    "move": (move_to_axis_1, "Axe", "seule la coordination peut changer ce champ de l'action 2.1."),
    "reorient": (reorient, "Orientation", "seule la coordination peut changer ce champ de l'action 2.1."),
    "hand over": (
        hand_to_the_caf,
        "Structure pilote",
        "seule la coordination peut changer ce champ de l'action 2.1.",
    ),
    "create": (
        add_an_action,
        "Code",
        "Vous ne pouvez pas créer l'action 2.9 : seule la coordination crée des actions.",
    ),
}


@pytest.mark.parametrize("kind", FORMATS)
@pytest.mark.parametrize("edit_name", REFUSED_EDITS)
def test_a_pilot_cannot_import_what_the_admin_form_forbids(world, pilot, kind, edit_name):
    edit, column, message = REFUSED_EDITS[edit_name]
    numbers = []
    data = edited_file(world, pilot, kind, lambda rows: numbers.append(edit(rows)))
    before = snapshot()

    _result, messages = import_file(world, pilot, kind, data)

    assert messages == [f"Ligne {numbers[0]}, colonne « {column} » : {message}"]
    assert snapshot() == before


@pytest.mark.parametrize("kind", FORMATS)
@pytest.mark.parametrize("edit_name", REFUSED_EDITS)
def test_coordination_imports_the_same_file(world, pilot, coordination_user, kind, edit_name):
    edit, _column, _message = REFUSED_EDITS[edit_name]
    data = edited_file(world, pilot, kind, edit)

    result, messages = import_file(world, coordination_user, kind, data)

    assert messages == []
    assert result.totals["new"] + result.totals["update"] == 1


def test_coordination_validates_moves_and_hands_over_through_the_import(world, pilot, coordination_user):
    def edit(rows):
        validate_the_proposal(rows)
        move_to_axis_1(rows)
        hand_to_the_caf(rows)

    _result, messages = import_file(world, coordination_user, "xlsx", edited_file(world, pilot, "xlsx", edit))

    assert messages == []
    world.proposal.refresh_from_db()
    world.other_action.refresh_from_db()
    assert world.proposal.status == ActionStatus.VALIDATED
    assert (world.other_action.axis, world.other_action.pilot) == (world.axis1, world.caf)


@pytest.mark.parametrize("kind", FORMATS)
def test_every_refusal_of_the_file_is_reported_and_nothing_is_written(world, pilot, kind):
    def edit(rows):
        set_cell(rows, "2.1", "Titre", "Radio Cartable, saison 2")  # allowed on its own
        validate_the_proposal(rows)
        add_an_action(rows)

    before = snapshot()

    _result, messages = import_file(world, pilot, kind, edited_file(world, pilot, kind, edit))

    assert len(messages) == 2
    assert messages[0].endswith(
        "colonne « Statut » : vous ne pouvez pas passer l'action 2.3 au statut "
        "« Validée » : la validation revient au comité de pilotage."
    )
    assert "colonne « Code » : Vous ne pouvez pas créer l'action 2.9" in messages[1]
    assert snapshot() == before
    assert Action.objects.get(code="2.1").title == "Radio Cartable"


@pytest.mark.parametrize("kind", FORMATS)
def test_a_pilot_imports_the_changes_the_admin_form_allows(world, pilot, kind):
    def edit(rows):
        set_cell(rows, "2.1", "Statut", "Réalisée")
        set_cell(rows, "2.1", "Titre", "Radio Cartable, saison 2")
        set_cell(rows, "2.3", "Résumé", "Des jeux dans chaque quartier.")

    result, messages = import_file(world, pilot, kind, edited_file(world, pilot, kind, edit))

    assert messages == []
    assert result.totals["update"] == 2
    world.other_action.refresh_from_db()
    assert (world.other_action.status, world.other_action.title) == ("done", "Radio Cartable, saison 2")
    assert Action.objects.get(code="2.3").summary == "Des jeux dans chaque quartier."


@pytest.mark.parametrize("kind", FORMATS)
def test_a_pilot_s_export_reimported_changes_nothing(world, pilot, kind):
    data = edited_file(world, pilot, kind, lambda rows: None)
    before = snapshot()

    result, messages = import_file(world, pilot, kind, data)

    assert messages == []
    assert result.totals["skip"] == 2
    assert snapshot() == before


def test_the_admin_preview_shows_a_pilot_the_refusal_and_offers_no_confirmation(world, pilot, client):
    data = edited_file(world, pilot, "xlsx", validate_the_proposal)
    client.force_login(pilot)
    before = snapshot()

    response = client.post(
        reverse("admin:strategy_action_import"),
        {
            "strategy": world.strategy.pk,
            "resource": "0",
            "import_file": SimpleUploadedFile("actions.xlsx", data),
        },
    )

    assert response.status_code == 200
    assert "colonne « Statut » : vous ne pouvez pas passer l&#x27;action 2.3 au statut « Validée »" in (
        response.text
    )
    assert "confirm_form" not in response.context  # no button to import anyway
    assert snapshot() == before
