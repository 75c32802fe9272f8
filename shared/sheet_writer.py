"""Writing the tables as typed workbooks (XLSX, ODS) a spreadsheet can sum, sort and filter.

The resources render every cell as the CSV writes it (``shared.table_widgets``: ``12500,50``,
``31/05/2021``); the column kinds (``TableResource.column_kinds``: amount, decimal, integer, date,
text) say how to type them here: amounts and values as numbers with a French number format, years
as whole numbers, dates as dates, everything else (codes included, so ``1.10`` stays ``1.10``) as
text. The header row is bold and frozen, with an autofilter, and columns are as wide as their text.
"""

import io

from shared.cells import parse_date, parse_decimal

#: XLSX number formats (the file's codes are locale-free; LibreOffice and Excel show them the French way).
XLSX_FORMATS = {
    "amount": '#,##0.00 "€"',
    "decimal": "General",
    "integer": "0",
    "date": "DD/MM/YYYY",
    "text": "@",
}
MAX_WIDTH = 60


def typed(value, kind):
    """The cell as its kind: a number, a date or the text itself (empty stays empty)."""
    if value in (None, ""):
        return None
    if kind in ("amount", "decimal", "integer"):
        number = parse_decimal(value)
        return int(number) if kind == "integer" else number
    if kind == "date":
        return parse_date(value)
    return value


def _widths(dataset):
    widths = [len(str(header)) for header in dataset.headers]
    for row in dataset:
        for index, value in enumerate(row):
            widths[index] = max(widths[index], len(str(value)))
    return [min(width + 2, MAX_WIDTH) for width in widths]


def _kinds(dataset):
    kinds = getattr(dataset, "column_kinds", {})
    return [kinds.get(header, "text") for header in dataset.headers]


def write_xlsx(dataset):
    import openpyxl
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = dataset.title or "Feuille1"
    kinds = _kinds(dataset)
    sheet.append(list(dataset.headers))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row_number, row in enumerate(dataset, 2):
        for column, (value, kind) in enumerate(zip(row, kinds, strict=True), 1):
            cell = sheet.cell(row=row_number, column=column, value=typed(value, kind))
            cell.number_format = XLSX_FORMATS[kind]
    sheet.freeze_panes = "A2"
    width = len(dataset.headers)
    if width:
        sheet.auto_filter.ref = f"A1:{get_column_letter(width)}{len(dataset) + 1}"
    for index, size in enumerate(_widths(dataset), 1):
        sheet.column_dimensions[get_column_letter(index)].width = size
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _ods_styles(document):
    from odf import number, style

    amount = number.NumberStyle(name="N-amount")
    amount.addElement(number.Number(decimalplaces="2", minintegerdigits="1", grouping="true"))
    amount.addElement(number.Text(text="\u00a0€"))
    decimal = number.NumberStyle(name="N-decimal")
    decimal.addElement(number.Number(minintegerdigits="1", grouping="true"))
    integer = number.NumberStyle(name="N-integer")
    integer.addElement(number.Number(decimalplaces="0", minintegerdigits="1"))
    date = number.DateStyle(name="N-date")
    date.addElement(number.Day(style="long"))
    date.addElement(number.Text(text="/"))
    date.addElement(number.Month(style="long"))
    date.addElement(number.Text(text="/"))
    date.addElement(number.Year(style="long"))
    text = number.TextStyle(name="N-text")
    text.addElement(number.TextContent())
    cells = {}
    for kind, data_style in {
        "amount": amount,
        "decimal": decimal,
        "integer": integer,
        "date": date,
        "text": text,
    }.items():
        document.automaticstyles.addElement(data_style)
        cell_style = style.Style(
            name=f"C-{kind}", family="table-cell", datastylename=data_style.getAttribute("name")
        )
        document.automaticstyles.addElement(cell_style)
        cells[kind] = cell_style
    header = style.Style(name="C-header", family="table-cell")
    header.addElement(style.TextProperties(fontweight="bold"))
    document.automaticstyles.addElement(header)
    cells["header"] = header
    return cells


def _ods_cell(value, kind, cell_style):
    from odf import table, text

    value = typed(value, kind)
    if value is None:
        return table.TableCell(stylename=cell_style)
    if kind == "date":
        cell = table.TableCell(valuetype="date", datevalue=value.isoformat(), stylename=cell_style)
        shown = value.strftime("%d/%m/%Y")
    elif kind in ("amount", "decimal", "integer"):
        cell = table.TableCell(valuetype="float", value=str(value), stylename=cell_style)
        shown = str(value).replace(".", ",")
    else:
        cell = table.TableCell(valuetype="string", stylename=cell_style)
        shown = str(value)
    cell.addElement(text.P(text=shown))
    return cell


def _ods_settings(document, title):
    """Freeze the header row (LibreOffice's view settings)."""
    from odf import config

    def item(parent, name, kind, value):
        element = config.ConfigItem(name=name, type=kind)
        element.addText(str(value))
        parent.addElement(element)

    view_settings = config.ConfigItemSet(name="ooo:view-settings")
    views = config.ConfigItemMapIndexed(name="Views")
    view = config.ConfigItemMapEntry()
    item(view, "ViewId", "string", "view1")
    tables = config.ConfigItemMapNamed(name="Tables")
    entry = config.ConfigItemMapEntry(name=title)
    for name, kind, value in (
        ("VerticalSplitMode", "short", 2),
        ("VerticalSplitPosition", "int", 1),
        ("ActiveSplitRange", "short", 2),
        ("PositionBottom", "int", 1),
    ):
        item(entry, name, kind, value)
    tables.addElement(entry)
    view.addElement(tables)
    views.addElement(view)
    view_settings.addElement(views)
    document.settings.addElement(view_settings)


def write_ods(dataset):
    from odf import style, table
    from odf.opendocument import OpenDocumentSpreadsheet

    document = OpenDocumentSpreadsheet()
    cells = _ods_styles(document)
    title = dataset.title or "Feuille1"
    sheet = table.Table(name=title)
    for index, size in enumerate(_widths(dataset)):
        column_style = style.Style(name=f"W{index}", family="table-column")
        column_style.addElement(style.TableColumnProperties(columnwidth=f"{size * 0.22:.2f}cm"))
        document.automaticstyles.addElement(column_style)
        sheet.addElement(table.TableColumn(stylename=column_style))
    header = table.TableRow()
    for value in dataset.headers:
        header.addElement(_ods_cell(value, "text", cells["header"]))
    sheet.addElement(header)
    kinds = _kinds(dataset)
    for row in dataset:
        line = table.TableRow()
        for value, kind in zip(row, kinds, strict=True):
            line.addElement(_ods_cell(value, kind, cells[kind]))
        sheet.addElement(line)
    document.spreadsheet.addElement(sheet)
    width = len(dataset.headers)
    if width:
        from openpyxl.utils import get_column_letter

        ranges = table.DatabaseRanges()
        area = f"'{title}'.A1:'{title}'.{get_column_letter(width)}{len(dataset) + 1}"
        ranges.addElement(
            table.DatabaseRange(
                name="__Anonymous_Sheet_DB__0", targetrangeaddress=area, displayfilterbuttons="true"
            )
        )
        document.spreadsheet.addElement(ranges)
    _ods_settings(document, title)
    buffer = io.BytesIO()
    document.write(buffer)
    return buffer.getvalue()
