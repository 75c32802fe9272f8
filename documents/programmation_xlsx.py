"""The programmation as a workbook: typed numbers in the French euro format, and totals that are
real formulas (``=SUM``, ``=SUMIF``) so that a corrected amount updates them in the spreadsheet."""

import io

from django.utils.translation import gettext as _

from documents.programmation import over_notified, source_label
from shared.sheet_writer import XLSX_FORMATS
from strategy import cofunding_warnings

AMOUNT = XLSX_FORMATS["amount"]
# Columns: A action, B title, C funder, D source, E source detail, F stage, G requested, H notified,
# I file reference, J remark.
PLANNED, NOTIFIED, SOURCE = "G", "H", "D"


def headers():
    return [
        _("Code action"),
        _("Action"),
        _("Financeur"),
        _("Source"),
        _("Précision source"),
        _("Étape"),
        _("Montant demandé"),
        _("Montant notifié"),
        _("Référence dossier"),
        _("Observation"),
    ]


def workbook_bytes(programme):
    """The xlsx file of ``programme`` (a ``documents.programmation.Programme``)."""
    import openpyxl
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = _("Programmation %(year)s") % {"year": programme.year}
    bold = Font(bold=True)
    sheet.append(headers())
    for cell in sheet[1]:
        cell.font = bold
    sheet.freeze_panes = "A2"
    unknown = _("Source non renseignée")
    row = 2
    first_line_row = row

    def amounts(row_number, planned, notified):
        for column, value in ((PLANNED, planned), (NOTIFIED, notified)):
            cell = sheet[f"{column}{row_number}"]
            cell.value = value
            cell.number_format = AMOUNT

    for block in programme.blocks:
        start = row
        for line in block.lines:
            sheet.cell(row=row, column=1, value=block.action.code).number_format = "@"
            sheet.cell(row=row, column=2, value=block.action.title)
            sheet.cell(row=row, column=3, value=line.funder.name)
            sheet.cell(row=row, column=4, value=source_label(line.source) or unknown)
            sheet.cell(row=row, column=5, value=line.source_detail or None)
            sheet.cell(row=row, column=6, value=line.get_stage_display())
            amounts(row, line.planned_amount, line.notified_amount)
            sheet.cell(row=row, column=9, value=line.file_reference or None).number_format = "@"
            if over_notified(line):
                sheet.cell(row=row, column=10, value=_("notifié au-delà du montant demandé"))
            row += 1
        sheet.cell(row=row, column=1, value=block.action.code).number_format = "@"
        sheet.cell(row=row, column=2, value=_("Total de l'action")).font = bold
        amounts(
            row, f"=SUM({PLANNED}{start}:{PLANNED}{row - 1})", f"=SUM({NOTIFIED}{start}:{NOTIFIED}{row - 1})"
        )
        row += 1
    last_line_row = row - 1
    row += 1
    sheet.cell(row=row, column=2, value=_("Total par source")).font = bold
    row += 1
    first_source_row = row
    for total in programme.sources:
        sheet.cell(row=row, column=2, value=_("Source : %(source)s") % {"source": total.label})
        # SUMIF on the source column: the action totals' rows have no source, they never count twice.
        sources = f"${SOURCE}${first_line_row}:${SOURCE}${last_line_row}"
        amounts(
            row,
            *(
                f'=SUMIF({sources},"{total.label}",{column}${first_line_row}:{column}${last_line_row})'
                for column in (PLANNED, NOTIFIED)
            ),
        )
        row += 1
    last_source_row = row - 1
    row += 1
    sheet.cell(row=row, column=2, value=_("Total général")).font = bold
    if programme.sources:
        amounts(
            row,
            *(
                f"=SUM({column}{first_source_row}:{column}{last_source_row})"
                for column in (PLANNED, NOTIFIED)
            ),
        )
    else:
        amounts(row, 0, 0)
    if programme.check.is_met is False:
        # The check as the admin words it; a figure, not a formula: the rule is the portal's.
        sheet.cell(row=row + 2, column=2, value=cofunding_warnings.message(programme.check)).font = bold
    for index, width in enumerate((12, 40, 36, 34, 28, 12, 18, 18, 22, 34), 1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
