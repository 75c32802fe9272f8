"""Generators of the spreadsheets the tests import: small, built on the fly, never committed."""

import csv
import datetime
import io
import zipfile

import openpyxl
import tablib
from django.apps import apps

PORTAL_APPS = ("actors", "strategy", "indicators")


def csv_bytes(rows, separator=";", encoding="utf-8", bom=False):
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=separator, lineterminator="\r\n").writerows(rows)
    data = buffer.getvalue().encode(encoding)
    return (b"\xef\xbb\xbf" + data) if bom else data


def xlsx_bytes(rows):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(list(row))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def ods_bytes(rows):
    dataset = tablib.Dataset(headers=list(rows[0]))
    for row in rows[1:]:
        dataset.append(list(row))
    return dataset.export("ods")


BUILDERS = {"csv": csv_bytes, "xlsx": xlsx_bytes, "ods": ods_bytes}


def table_file(tmp_path, rows, kind="csv", name="tableau", **options):
    """Write the rows (header first) as a file of that kind and return its path."""
    path = tmp_path / f"{name}.{kind}"
    path.write_bytes(BUILDERS[kind](rows, **options))
    return path


def snapshot():
    """Every row of every portal model (history included), to prove that nothing changed."""
    state = {}
    for app_label in PORTAL_APPS:
        for model in apps.get_app_config(app_label).get_models():
            state[model._meta.label] = list(model.objects.order_by("pk").values_list())
            for field in model._meta.many_to_many:
                through = field.remote_field.through
                state[through._meta.label] = list(through.objects.order_by("pk").values_list())
    return state


ODS_NAMESPACES = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"'
)


def ods_cell(value, repeat=1, **attributes):
    """One ``table:table-cell`` as LibreOffice writes it (a date, a float or a string)."""
    extra = "".join(f' table:{name.replace("_", "-")}="{text}"' for name, text in attributes.items())
    if repeat > 1:
        extra += f' table:number-columns-repeated="{repeat}"'
    if value is None:
        return f"<table:table-cell{extra}/>"
    if isinstance(value, datetime.date):
        typed = f'office:value-type="date" office:date-value="{value.isoformat()}"'
        text = value.strftime("%d/%m/%Y")
    elif isinstance(value, int | float):
        typed, text = f'office:value-type="float" office:value="{value}"', str(value)
    else:
        typed, text = 'office:value-type="string"', value
    return f"<table:table-cell {typed}{extra}><text:p>{text}</text:p></table:table-cell>"


def ods_document(sheets, hidden=(), compress=zipfile.ZIP_DEFLATED):
    """An ODS of hand-written sheets ({name: [row XML, …]}); those named in ``hidden`` are hidden."""
    tables = []
    for name, rows in sheets.items():
        style = ' table:style-name="hidden"' if name in hidden else ""
        tables.append(f'<table:table table:name="{name}"{style}>{"".join(rows)}</table:table>')
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        f'<office:document-content {ODS_NAMESPACES} office:version="1.3">'
        '<office:automatic-styles><style:style style:name="hidden" style:family="table">'
        '<style:table-properties table:display="false"/></style:style></office:automatic-styles>'
        f"<office:body><office:spreadsheet>{''.join(tables)}</office:spreadsheet></office:body>"
        "</office:document-content>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet", zipfile.ZIP_STORED)
        archive.writestr("content.xml", content, compress)
        archive.writestr(
            "META-INF/manifest.xml",
            '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
            'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">'
            '<manifest:file-entry manifest:full-path="/" '
            'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
            '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
            "</manifest:manifest>",
        )
    return buffer.getvalue()


def ods_row(*cells, repeat=1):
    extra = f' table:number-rows-repeated="{repeat}"' if repeat > 1 else ""
    return f"<table:table-row{extra}>{''.join(cells)}</table:table-row>"


def xlsx_workbook(sheets, hidden=()):
    """An XLSX with several sheets ({name: rows}); those named in ``hidden`` are hidden."""
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for name, rows in sheets.items():
        sheet = workbook.create_sheet(name)
        for row in rows:
            sheet.append(list(row))
        if name in hidden:
            sheet.sheet_state = "hidden"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
