"""Round trips through LibreOffice: the files it writes are read as it means them."""

import datetime
from decimal import Decimal

import pytest

from strategy.enums import FundingStage
from strategy.models import Action, BudgetLine
from tests.strategy.factories import ActionFactory
from tests.strategy.imports.files import csv_bytes, snapshot
from tests.strategy.imports.libreoffice import CSV_WINDOWS_1252_SEMICOLON

UNCHANGED = {"actions": 3, "financements": 1, "mesures": 3}


@pytest.fixture
def world_with_equal_dates(world):
    """An action of one day: LibreOffice writes its equal start and end dates as one repeated cell."""
    day = datetime.date(2025, 6, 21)
    ActionFactory(
        strategy=world.strategy,
        axis=world.axis2,
        code="2.2",
        title="Fête",
        pilot=world.caf,
        start_date=day,
        end_date=day,
    )
    return world


@pytest.mark.parametrize(("source", "target"), [("xlsx", "ods"), ("ods", "xlsx")])
@pytest.mark.parametrize("table", UNCHANGED)
def test_an_export_converted_by_libreoffice_reimports_unchanged(
    table, source, target, world_with_equal_dates, tmp_path, importtable, exporttable, libreoffice
):
    exported = tmp_path / f"{table}.{source}"
    assert exporttable("pedt-ivry", table, exported).code == 0
    converted = libreoffice(exported, target)
    before = snapshot()

    run = importtable("pedt-ivry", table, converted)

    assert run.code == 0, run.err
    assert f"0 ligne(s) créée(s), 0 mise(s) à jour, {UNCHANGED[table]} inchangée(s)." in run.out
    assert snapshot() == before


def test_equal_start_and_end_dates_survive_libreoffice_ods(
    world_with_equal_dates, tmp_path, importtable, exporttable, libreoffice
):
    exported = tmp_path / "actions.xlsx"
    exporttable("pedt-ivry", "actions", exported)
    converted = libreoffice(exported, "ods")
    Action.objects.filter(code="2.2").update(end_date=None)

    run = importtable("pedt-ivry", "actions", converted)

    assert run.code == 0, run.err
    assert "0 ligne(s) créée(s), 1 mise(s) à jour, 2 inchangée(s)." in run.out
    action = Action.objects.get(code="2.2")
    assert action.end_date == action.start_date == datetime.date(2025, 6, 21)


def test_a_windows_1252_csv_opened_and_saved_as_xlsx_by_libreoffice_imports_its_rows(
    world, tmp_path, importtable, libreoffice
):
    rows = [
        ["Code action", "Année", "Financeur", "Montant prévu", "Montant réalisé", "Étape"],
        ["1.1", "2025", "Caisse d'allocations familiales", "12 500,50", "1 000", "Notifié"],
        ["2.1", "2025", "Association Élan", "800,25", "0", "Versé"],
    ]
    source = tmp_path / "financements.csv"
    source.write_bytes(csv_bytes(rows, encoding="cp1252"))
    converted = libreoffice(source, "xlsx", infilter=CSV_WINDOWS_1252_SEMICOLON)

    run = importtable("pedt-ivry", "financements", converted)

    assert run.code == 0, run.err
    assert "2 ligne(s) créée(s), 0 mise(s) à jour, 0 inchangée(s)." in run.out
    lines = BudgetLine.objects.filter(year=2025).order_by("action__code")
    assert [
        (line.action.code, line.funder, line.planned_amount, line.executed_amount, line.stage)
        for line in lines
    ] == [
        ("1.1", world.caf, Decimal("12500.50"), Decimal("1000.00"), FundingStage.NOTIFIED),
        ("2.1", world.association, Decimal("800.25"), Decimal("0.00"), FundingStage.PAID),
    ]
