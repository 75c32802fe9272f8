"""Reading and writing the spreadsheets municipal staff pass around (CSV, XLSX, ODS).

Shared plumbing of the import/export resources (``strategy.resources``, ``indicators.resources``),
the ``importtable``/``exporttable`` commands and the admin import: format detection, size limit,
encodings, CSV separators, French numbers and dates, name matching, formula escaping.

Formula injection policy: on export, every text cell a spreadsheet would run as a formula (leading
``=``, ``+``, ``-``, ``@``, tab or carriage return) is prefixed with ``'``. On import that escape is
stripped again, so the round trip is exact; a text cell that starts with one of those characters
*without* the escape (or an XLSX formula) is refused with a row error asking the user to prefix it
with ``'``: the portal never stores text that a colleague's spreadsheet would execute.
"""

import csv
import datetime
import functools
import io
import re
import unicodedata
import zipfile
from decimal import Decimal, InvalidOperation

import tablib
from django.apps import apps
from django.utils.module_loading import import_string
from django.utils.text import get_text_list
from django.utils.translation import gettext as _
from import_export.formats import base_formats

#: Files over this size are refused before parsing (the admin upload and the command alike).
MAX_FILE_SIZE = 10 * 1024 * 1024

EXTENSIONS = {".csv": "csv", ".xlsx": "xlsx", ".ods": "ods"}
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
FORMULA_ESCAPE = "'"
#: Separators of the items of a list inside one cell.
LIST_SEPARATOR = ";"
SPACES = str.maketrans("", "", " \u00a0\u202f\u2009\u2007")


class TableFileError(Exception):
    """A file that cannot be read as a table at all; the message is in French, for the user."""


class CellError(ValueError):
    """A cell that cannot be read; the message says why, in French."""


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


def read_table(data, kind):
    """A tablib Dataset from the bytes of a file of the given kind (headers = first row).

    Refuses, with a French TableFileError: files over MAX_FILE_SIZE, empty files, content that does
    not match the kind, undecodable CSV. Cells keep the spreadsheet's types (str, int, float, date);
    CSV cells are str. Headers are stripped; fully empty trailing rows and columns are dropped.
    """
    check_size(len(data))
    if not data.strip():
        _raise(_("Le fichier est vide."))
    if kind == "csv":
        rows = _read_csv(data)
    elif kind == "xlsx":
        rows = _read_xlsx(data)
    elif kind == "ods":
        rows = _read_ods(data)
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
    headers = [normalize_header(value) for value in rows[0]]
    dataset = tablib.Dataset(headers=headers)
    for row in rows[1:]:
        dataset.append(row)
    return dataset


def _blank(value):
    return value is None or (isinstance(value, str) and not value.strip())


def normalize_header(value):
    text = unicodedata.normalize("NFC", str(value or "")).replace("\ufeff", "")
    return " ".join(text.split())


def _read_csv(data):
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
        for number, line in enumerate(text.splitlines(), 1):
            if any(unicodedata.category(char) == "Cc" and char != "\t" for char in line):
                _raise(
                    _(
                        "Encodage du fichier non reconnu (ligne %(line)s) : caractères de contrôle. "
                        "Enregistrer le CSV en « UTF-8 »."
                    )
                    % {"line": number}
                )
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") >= first_line.count(",") else ","
    try:
        return list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error as error:
        _raise(_("CSV illisible : %(error)s.") % {"error": error})


def _zip_names(data, label):
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return set(archive.namelist())
    except zipfile.BadZipFile:
        _raise(_("Ce fichier n'est pas un classeur %(label)s valide.") % {"label": label})


def _read_xlsx(data):
    names = _zip_names(data, "Excel (.xlsx)")
    if "xl/workbook.xml" not in names:
        _raise(_("Ce fichier n'est pas un classeur %(label)s valide.") % {"label": "Excel (.xlsx)"})
    import openpyxl

    try:
        # data_only=False: a formula comes back as its text ("=…") and is refused, never evaluated.
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=False)
        sheet = workbook.worksheets[0]
        rows = [list(row) for row in sheet.iter_rows(values_only=True)]
        workbook.close()
    except Exception as error:  # openpyxl raises many kinds on a corrupt workbook
        _raise(_("Classeur Excel illisible : %(error)s.") % {"error": error})
    return rows


def _read_ods(data):
    names = _zip_names(data, "OpenDocument (.ods)")
    if "content.xml" not in names:
        _raise(_("Ce fichier n'est pas un classeur %(label)s valide.") % {"label": "OpenDocument (.ods)"})
    try:
        dataset = tablib.Dataset().load(data, format="ods", headers=False)
    except Exception as error:  # odfpy raises many kinds on a corrupt file
        _raise(_("Classeur OpenDocument illisible : %(error)s.") % {"error": error})
    return [list(row) for row in dataset]


def write_table(dataset, kind):
    """The bytes of a file of the given kind: CSV as UTF-8 with BOM and ``;``."""
    if kind == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
        writer.writerow(dataset.headers)
        writer.writerows(dataset)
        return ("\ufeff" + buffer.getvalue()).encode("utf-8")
    if kind == "xlsx":
        import openpyxl

        workbook = openpyxl.Workbook(write_only=True)
        sheet = workbook.create_sheet(dataset.title or "Feuille1")
        sheet.append(list(dataset.headers))
        for row in dataset:
            sheet.append(list(row))
        buffer = io.BytesIO()
        workbook.save(buffer)
        return buffer.getvalue()
    if kind == "ods":
        return dataset.export("ods")
    raise ValueError(kind)


# Cells ---------------------------------------------------------------------------------------


def escape_formula(text):
    """Prefix with ``'`` a text a spreadsheet would run as a formula."""
    if isinstance(text, str) and text.startswith(FORMULA_TRIGGERS):
        return FORMULA_ESCAPE + text
    return text


def cell_text(value):
    """The text of a cell: stripped, our formula escape removed, a bare formula refused."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime.datetime):
        value = value.date()
    if isinstance(value, datetime.date):
        return format_date(value)
    text = unicodedata.normalize("NFC", str(value))
    if text.startswith(FORMULA_ESCAPE) and text[1:2] and text[1:].startswith(FORMULA_TRIGGERS):
        return text[1:]
    text = text.strip(" \u00a0\u202f\n")
    if text.startswith(FORMULA_TRIGGERS):
        raise CellError(
            _(
                "« %(text)s » ressemble à une formule de tableur : refusé par sécurité. "
                "Pour du texte, le faire précéder d'une apostrophe (')."
            )
            % {"text": text[:40]}
        )
    return text


def cell_list(value):
    """The items of a ``;``-separated list cell, empty items dropped."""
    return [item.strip() for item in cell_text(value).split(LIST_SEPARATOR) if item.strip()]


_NUMBER = re.compile(r"^-?[0-9]+(\.[0-9]+)?$")


def parse_decimal(value):
    """A Decimal from a number cell or French text (``12 500,50 €``); None if empty."""
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise CellError(_("« %(value)s » n'est pas un nombre.") % {"value": value})
    if isinstance(value, int | float | Decimal):
        return Decimal(str(value))
    text = str(value)
    if text.startswith(FORMULA_ESCAPE):
        text = text[1:]
    text = text.replace("€", "").translate(SPACES).strip()
    if not text:
        return None
    if "," in text and "." in text:
        text = text.replace(".", "")  # 12.500,50: the point groups thousands
    text = text.replace(",", ".")
    if not _NUMBER.match(text):
        raise CellError(_("« %(value)s » n'est pas un nombre.") % {"value": str(value).strip()[:40]})
    try:
        return Decimal(text)
    except InvalidOperation as error:
        raise CellError(_("« %(value)s » n'est pas un nombre.") % {"value": value}) from error


def parse_amount(value, max_digits=12):
    """A non-negative amount with at most two decimals; None if empty."""
    amount = parse_decimal(value)
    if amount is None:
        return None
    if amount < 0:
        raise CellError(_("montant négatif (%(value)s) : un montant est positif ou nul.") % {"value": value})
    if amount != amount.quantize(Decimal("0.01")):
        raise CellError(_("« %(value)s » : au plus deux décimales.") % {"value": value})
    amount = amount.quantize(Decimal("0.01"))
    if len(amount.as_tuple().digits) > max_digits:
        raise CellError(_("« %(value)s » : montant trop élevé.") % {"value": value})
    return amount


def parse_integer(value):
    number = parse_decimal(value)
    if number is None:
        return None
    if number != number.to_integral_value():
        raise CellError(_("« %(value)s » n'est pas un nombre entier.") % {"value": value})
    return int(number)


_DATE_FR = re.compile(r"^([0-9]{1,2})/([0-9]{1,2})/([0-9]{4})$")
_DATE_ISO = re.compile(r"^([0-9]{4})-([0-9]{2})-([0-9]{2})(?:[ T]00:00(?::00)?)?$")


def parse_date(value):
    """A date from a date cell, ``31/05/2021`` or ``2021-05-31``; None if empty."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    text = str(value).strip()
    if not text:
        return None
    try:
        if match := _DATE_FR.match(text):
            day, month, year = (int(part) for part in match.groups())
            return datetime.date(year, month, day)
        if match := _DATE_ISO.match(text):
            year, month, day = (int(part) for part in match.groups())
            return datetime.date(year, month, day)
    except ValueError:
        pass
    raise CellError(
        _("« %(value)s » n'est pas une date : écrire 31/05/2021 ou 2021-05-31.") % {"value": text}
    )


def format_date(value):
    return value.strftime("%d/%m/%Y") if value else ""


def format_decimal(value):
    """``12500,50``: a decimal comma, no thousands separator, so it reads back unchanged."""
    if value is None:
        return ""
    return f"{value:.2f}".replace(".", ",")


@functools.lru_cache(maxsize=8192)
def match_key(text):
    """Case-, accent- and spacing-insensitive key for matching names."""
    text = unicodedata.normalize("NFKD", str(text)).replace("’", "'")
    text = "".join(char for char in text if not unicodedata.combining(char))
    return " ".join(text.casefold().split())


class Lookup:
    """Matches cell text to objects by several keys (number, code, name…), never creating any."""

    def __init__(self, unknown):
        self.unknown = unknown  # "axe inconnu", "organisation inconnue"…
        self._targets = {}

    def add(self, obj, *keys):
        for key in keys:
            if key not in (None, ""):
                self._targets.setdefault(match_key(key), set()).add(obj)

    def get(self, text):
        targets = self._targets.get(match_key(text), set())
        if not targets:
            raise CellError(_("%(unknown)s : « %(value)s ».") % {"unknown": self.unknown, "value": text})
        if len(targets) > 1:
            raise CellError(
                _("« %(value)s » désigne plusieurs éléments : utiliser le nom complet.") % {"value": text}
            )
        return next(iter(targets))


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
