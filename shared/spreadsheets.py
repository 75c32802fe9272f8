"""Reading and writing the files of the spreadsheets municipal staff pass around (CSV, XLSX, ODS).

Shared plumbing of the import/export resources (``shared.tables`` and the apps' ``resources``), the
``importtable``/``exporttable`` commands and the admin import: format detection, size limit,
encodings, CSV separators, the admin's formats and the registry of the tables. One cell's reading
and the formula escape are ``shared.cells``'.
"""

import csv
import datetime
import io
import unicodedata

import tablib
from django.apps import apps
from django.utils.module_loading import import_string
from django.utils.text import get_text_list
from django.utils.translation import gettext as _
from import_export.formats import base_formats

from shared.cells import escape_formula, parse_date
from shared.formatting import number
from shared.limits import (
    MAX_CELL_LENGTH,
    MAX_COLUMNS,
    MAX_FILE_SIZE,
    MAX_ROWS,
    TableFileError,
    cell_too_long,
    too_many_columns,
    too_many_rows,
)
from shared.sheet_writer import write_ods, write_xlsx
from shared.workbooks import read_workbook

EXTENSIONS = {".csv": "csv", ".xlsx": "xlsx", ".ods": "ods"}


def table_format(filename):
    """``csv``, ``xlsx`` or ``ods`` from the file name's extension, or a TableFileError."""
    name = str(filename).lower()
    for extension, kind in EXTENSIONS.items():
        if name.endswith(extension):
            return kind
    return _raise(
        _("Format de fichier non pris en charge : « %(name)s ». Utiliser un fichier .xlsx, .ods ou .csv.")
        % {"name": str(filename).rsplit("/", 1)[-1]}
    )


def _raise(message):
    raise TableFileError(message)


def check_size(size):
    if size > MAX_FILE_SIZE:
        _raise(
            _("Fichier trop volumineux (%(size)s Mo) : la limite est de %(limit)s Mo.")
            % {"size": round(size / 1024 / 1024, 1), "limit": MAX_FILE_SIZE // 1024 // 1024}
        )


def read_table(data, kind, sheet_names=None):
    """A tablib Dataset from the bytes of a file of the given kind (headers = first row).

    Refuses, with a French TableFileError: files over MAX_FILE_SIZE, empty files, content that does
    not match the kind, undecodable CSV, files past the bounds of ``shared.limits``. Cells keep the
    spreadsheet's types (str, float, date, bool); CSV cells are str. A workbook's table is read from
    the visible sheet named in ``sheet_names`` (default: any table's name), else its only visible
    sheet. Headers are stripped; fully empty trailing rows and columns are dropped.
    """
    check_size(len(data))
    if not data.strip():
        _raise(_("Le fichier est vide."))
    if kind == "csv":
        rows = _read_csv(data)
    elif kind in ("xlsx", "ods"):
        rows = read_workbook(data, kind, table_sheet_names() if sheet_names is None else sheet_names)
    else:
        _raise(_("Format de fichier non pris en charge : %(kind)s.") % {"kind": kind})
    rows = [["" if value is None else value for value in row] for row in rows]
    while rows and all(_blank(value) for value in rows[-1]):
        rows.pop()
    if not rows:
        _raise(_("Le fichier est vide."))
    width = max(len(row) for row in rows)
    rows = [list(row) + [""] * (width - len(row)) for row in rows]
    while width and all(_blank(row[width - 1]) for row in rows):
        width -= 1
        rows = [row[:width] for row in rows]
    _check_bounds(rows, width)
    headers = [normalize_header(value) for value in rows[0]]
    dataset = tablib.Dataset(headers=headers)
    for row in rows[1:]:
        dataset.append(row)
    return dataset


def _check_bounds(rows, width):
    if len(rows) > MAX_ROWS + 1:
        too_many_rows(len(rows) - 1)
    if width > MAX_COLUMNS:
        too_many_columns(width)
    for row_number, row in enumerate(rows, 1):
        for column, value in enumerate(row, 1):
            if isinstance(value, str) and len(value) > MAX_CELL_LENGTH:
                cell_too_long(row_number, column, len(value))


def _blank(value):
    return value is None or (isinstance(value, str) and not value.strip())


def normalize_header(value):
    text = unicodedata.normalize("NFC", str(value or "")).replace("\ufeff", "")
    return " ".join(text.split())


def _read_csv(data):
    if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        _raise(_("Ce CSV est encodé en UTF-32 : l'enregistrer en « CSV UTF-8 »."))
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        _raise(_("Ce CSV est encodé en UTF-16 : l'enregistrer en « CSV UTF-8 »."))
    if b"\x00" in data or data.startswith(b"PK\x03\x04"):
        _raise(_("Ce fichier n'est pas un CSV : il contient des données binaires (classeur ou autre)."))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            line = data[: error.start].count(b"\n") + 1
            _raise(
                _(
                    "Encodage du fichier non reconnu (ligne %(line)s) : ni UTF-8 ni Windows-1252. "
                    "Enregistrer le CSV en « UTF-8 »."
                )
                % {"line": line}
            )
        for line_number, line in enumerate(text.splitlines(), 1):
            if any(unicodedata.category(char) == "Cc" and char != "\t" for char in line):
                _raise(
                    _(
                        "Encodage du fichier non reconnu (ligne %(line)s) : caractères de contrôle. "
                        "Enregistrer le CSV en « UTF-8 »."
                    )
                    % {"line": line_number}
                )
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") >= first_line.count(",") else ","
    # The csv module's own bound stops a giant cell before it is held whole; other libraries raise that
    # bound process-wide (frictionless sets it to sys.maxsize), so it is set again here.
    csv.field_size_limit(CSV_FIELD_LIMIT)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows = []
    try:
        for row in reader:
            rows.append(row)
            if len(rows) > MAX_ROWS + 1:
                too_many_rows(len(rows) - 1)
            if len(row) > MAX_COLUMNS and any(not _blank(value) for value in row[MAX_COLUMNS:]):
                too_many_columns(len(row))
    except csv.Error as error:
        if "field larger than field limit" in str(error):
            _raise(
                _("Ligne %(row)s : une cellule dépasse %(limit)s caractères.")
                % {"row": reader.line_num, "limit": number(MAX_CELL_LENGTH)}
            )
        _raise(_("CSV illisible : %(error)s.") % {"error": error})
    return rows


#: The longest field the csv module reads before refusing the file (its default, 128 Kio).
CSV_FIELD_LIMIT = 131_072

#: How the CSV exports are written (their Table Schema's dialect says the same: ``api.schemas``).
CSV_DIALECT = {"delimiter": ";", "lineterminator": "\r\n"}
#: Written first, so that Excel reads the file as UTF-8.
BOM = "\ufeff"


def stream_csv(headers, rows, lines_per_chunk=500):
    """The bytes of a CSV written as ``write_table`` writes it, chunk by chunk: ``rows`` is an iterable
    of lists of cells (dates already ``date`` objects or ISO text), each text cell formula-escaped
    (``shared.cells.escape_formula``) and None written empty. Memory stays that of one chunk."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, **CSV_DIALECT)
    buffer.write(BOM)
    writer.writerow(headers)
    for line, row in enumerate(rows, 1):
        writer.writerow([escape_formula(cell) if cell.__class__ is str else _written(cell) for cell in row])
        if line % lines_per_chunk == 0:
            yield buffer.getvalue().encode("utf-8")
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue().encode("utf-8")


def _written(cell):
    """A cell that is not text: None empty, a date ISO, a number as it is."""
    if cell is None:
        return ""
    if isinstance(cell, datetime.date):
        return cell.isoformat()
    return cell


def write_table(dataset, kind):
    """The bytes of a file of the given kind: CSV as UTF-8 with BOM and ``;``, dates ``2021-05-31``;
    XLSX and ODS typed (``shared.sheet_writer``)."""
    if kind == "csv":
        kinds = getattr(dataset, "column_kinds", {})
        dates = [index for index, header in enumerate(dataset.headers or []) if kinds.get(header) == "date"]
        buffer = io.StringIO()
        writer = csv.writer(buffer, **CSV_DIALECT)
        writer.writerow(dataset.headers)
        for row in dataset:
            row = list(row)
            for index in dates:
                row[index] = row[index] and parse_date(row[index]).isoformat()
            writer.writerow(row)
        return (BOM + buffer.getvalue()).encode("utf-8")
    if kind == "xlsx":
        return write_xlsx(dataset)
    if kind == "ods":
        return write_ods(dataset)
    raise ValueError(kind)


# Display formatting of the written cells --------------------------------------------------------


# Admin formats: the same reading and writing as the commands ------------------------------------


class _TableFormat:
    KIND = ""

    def create_dataset(self, in_stream, **kwargs):
        if isinstance(in_stream, str):
            in_stream = in_stream.encode("utf-8")
        return read_table(in_stream, self.KIND)

    def export_data(self, dataset, **kwargs):
        return write_table(dataset, self.KIND)

    def is_binary(self):
        return True

    def get_read_mode(self):
        return "rb"


class CSVTable(_TableFormat, base_formats.CSV):
    KIND = "csv"

    def get_content_type(self):
        return "text/csv; charset=utf-8"


class XLSXTable(_TableFormat, base_formats.XLSX):
    KIND = "xlsx"


class ODSTable(_TableFormat, base_formats.ODS):
    KIND = "ods"


TABLE_FORMATS = [XLSXTable, ODSTable, CSVTable]


def table_resource_class(table):
    """The Resource class of a table named as in the commands (actions, financements, mesures).

    Each app declares its tables in its AppConfig's ``spreadsheet_tables`` ({name: dotted path}),
    so this registry knows no app.
    """
    classes = {}
    for config in apps.get_app_configs():
        classes.update(getattr(config, "spreadsheet_tables", {}))
    if table not in classes:
        _raise(
            _("Tableau inconnu : « %(table)s ». Choisir %(tables)s.")
            % {"table": table, "tables": get_text_list(sorted(classes), _("ou"))}
        )
    return import_string(classes[table])


def table_sheet_names():
    """The sheet names of the tables' exports (« Actions »…): a workbook's table is read from one."""
    names = []
    for config in apps.get_app_configs():
        for path in getattr(config, "spreadsheet_tables", {}).values():
            names.append(str(import_string(path).sheet_title))
    return names
