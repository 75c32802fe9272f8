"""Exported workbooks hold typed cells: a spreadsheet sums the amounts, sorts the dates, keeps the codes."""

import csv
import datetime
import io
from decimal import Decimal

import openpyxl
import pytest
import python_calamine
from django.db.models import Sum

from strategy.enums import FundingStage
from strategy.models import BudgetLine
from tests.strategy.factories import ActionFactory, BudgetLineFactory

#: LibreOffice's CSV export: « ; », UTF-8, raw values rather than as shown.
CSV_RAW_VALUES = "csv:Text - txt - csv (StarCalc):59,34,76,1,,0,false,true,false"


@pytest.fixture
def world_with_code_1_10(world):
    action = ActionFactory(
        strategy=world.strategy, axis=world.axis1, code="1.10", title="Dixième", pilot=world.caf
    )
    BudgetLineFactory(
        action=action,
        year=2025,
        funder=world.city,
        planned_amount=Decimal("80000.10"),
        executed_amount=Decimal("0"),
        stage=FundingStage.REQUESTED,
    )
    return world


def test_the_xlsx_export_types_its_cells_and_dresses_its_header(world_with_code_1_10, tmp_path, exporttable):
    path = tmp_path / "financements.xlsx"
    exporttable("pedt-ivry", "financements", path)

    sheet = openpyxl.load_workbook(path).active
    assert sheet.title == "Financements"
    rows = {row[0].value: row for row in sheet.iter_rows(min_row=2)}
    assert set(rows) == {"1.1", "1.10"}  # codes stay text: « 1.10 » is not the number 1.1
    line = rows["1.10"]
    assert line[1].value == 2025
    assert line[3].value == 80000.1 and "€" in line[3].number_format  # a number, shown in euros
    assert all(cell.font.bold for cell in sheet[1])
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:J3"
    assert sheet.column_dimensions["C"].width >= len("Caisse d'allocations familiales")


def test_the_ods_export_holds_numbers_dates_and_text(world_with_code_1_10, tmp_path, exporttable):
    path = tmp_path / "actions.ods"
    exporttable("pedt-ivry", "actions", path)

    workbook = python_calamine.CalamineWorkbook.from_path(str(path))
    assert workbook.sheet_names == ["Actions"]
    rows = workbook.get_sheet_by_name("Actions").to_python()
    header = rows[0]
    action = {row[0]: dict(zip(header, row, strict=True)) for row in rows[1:]}
    assert "1.10" in action
    assert action["1.1"]["Date de début"] == datetime.date(2024, 9, 1)
    assert action["1.1"]["Date de fin"] == datetime.date(2026, 7, 4)


@pytest.mark.parametrize("kind", ["xlsx", "ods"])
def test_a_sum_formula_over_the_exported_amounts_equals_the_database_total(
    kind, world_with_code_1_10, tmp_path, exporttable, libreoffice
):
    exported = tmp_path / f"financements.{kind}"
    exporttable("pedt-ivry", "financements", exported)
    workbook_path = exported if kind == "xlsx" else libreoffice(exported, "xlsx")
    workbook = openpyxl.load_workbook(workbook_path)
    sheet = workbook.active
    last = sheet.max_row
    sheet.cell(row=last + 2, column=4, value=f"=SUM(D2:D{last})")
    summed = tmp_path / "somme" / "financements.xlsx"
    summed.parent.mkdir()
    workbook.save(summed)

    recalculated = libreoffice(summed, CSV_RAW_VALUES)

    rows = list(csv.reader(io.StringIO(recalculated.read_text("utf-8")), delimiter=";"))
    total = BudgetLine.objects.filter(action__strategy=world_with_code_1_10.strategy).aggregate(
        total=Sum("planned_amount")
    )["total"]
    assert Decimal(rows[-1][3]) == total == Decimal("92500.60")
