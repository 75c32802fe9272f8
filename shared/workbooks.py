"""Reading the workbooks (XLSX, ODS) municipal staff send, within bounds, before any cell is trusted.

``read_workbook`` first checks the zip (members' uncompressed size and compression ratio, read from
the directory before inflating anything), then streams the XML of the sheet that holds the table
(``choose_sheet``: by name, else the only visible sheet; never a hidden one) to refuse, with the row
and column: too many rows or columns (repeated rows and cells counted as LibreOffice means them),
a cell too long, a formula (refused, never evaluated: python-calamine would hand back its cached
result) and merged cells. Only then does python-calamine read the cells, typed (numbers, dates,
booleans, text), honouring ODS's repeated cells and rows.
"""

import io
import re
import zipfile

import python_calamine
from defusedxml import ElementTree
from django.utils.translation import gettext as _

from shared.limits import (
    MAX_CELL_LENGTH,
    MAX_COLUMNS,
    MAX_COMPRESSION_RATIO,
    MAX_ROWS,
    MAX_UNCOMPRESSED_SIZE,
    TableFileError,
    cell_too_long,
    too_many_columns,
    too_many_rows,
)
from shared.tables import column_letter

LABELS = {"xlsx": "Excel (.xlsx)", "ods": "OpenDocument (.ods)"}
MAIN_MEMBER = {"xlsx": "xl/workbook.xml", "ods": "content.xml"}
_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
_DOC_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"


def _invalid(kind):
    raise TableFileError(_("Ce fichier n'est pas un classeur %(label)s valide.") % {"label": LABELS[kind]})


def open_archive(data, kind):
    """The zip of a workbook, its members' declared sizes checked before anything is inflated."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        _invalid(kind)
    members = archive.infolist()
    if MAIN_MEMBER[kind] not in {member.filename for member in members}:
        _invalid(kind)
    total = sum(member.file_size for member in members)
    if total > MAX_UNCOMPRESSED_SIZE:
        raise TableFileError(
            _("Classeur refusé : décompressé, il ferait %(size)s Mo (la limite est de %(limit)s Mo).")
            % {"size": round(total / 1024 / 1024), "limit": MAX_UNCOMPRESSED_SIZE // 1024 // 1024}
        )
    for member in members:
        if member.file_size > 1024 * 1024 and member.file_size > MAX_COMPRESSION_RATIO * max(
            member.compress_size, 1
        ):
            raise TableFileError(
                _(
                    "Classeur refusé : « %(name)s » est compressé %(ratio)s fois, ce qui ne se voit pas "
                    "dans un vrai tableau (bombe de décompression ?)."
                )
                % {"name": member.filename, "ratio": member.file_size // max(member.compress_size, 1)}
            )
    return archive


def choose_sheet(metadata, names):
    """The name of the sheet that holds the table: the visible one named as expected, else the only
    visible sheet. Refuses a workbook where that is ambiguous."""
    visible = [sheet.name for sheet in metadata if sheet.visible == python_calamine.SheetVisibleEnum.Visible]
    expected = {name.casefold() for name in names}
    named = [name for name in visible if name.strip().casefold() in expected]
    if len(named) == 1:
        return named[0]
    if len(visible) == 1 and not named:
        return visible[0]
    if not visible:
        raise TableFileError(_("Ce classeur n'a aucune feuille visible."))
    raise TableFileError(
        _(
            "Ce classeur a plusieurs feuilles visibles (%(sheets)s) : garder seulement celle du tableau, "
            "ou la nommer « %(expected)s »."
        )
        % {"sheets": ", ".join(f"« {name} »" for name in visible), "expected": " » ou « ".join(names)}
    )


class _Bounds:
    """Counts the non-empty rows and columns of a sheet as it is streamed, refusing at the first excess.

    With ``structure`` False only the sizes are checked (the pass over every sheet of an ODS, before
    python-calamine, which reads them all at once); formulas and merges only matter in the table's.
    """

    def __init__(self, structure=True):
        self.last_row = 0
        self.structure = structure

    def cell(self, row, column, repeat_columns=1, text_length=0, formula=False, merged=None):
        """A non-empty cell at (row, column), 1-based, repeated to the right ``repeat_columns`` times."""
        if row > MAX_ROWS + 1:
            too_many_rows(row - 1)
        if column + repeat_columns - 1 > MAX_COLUMNS:
            too_many_columns(column + repeat_columns - 1)
        if text_length > MAX_CELL_LENGTH:
            cell_too_long(row, column, text_length)
        self.last_row = max(self.last_row, row)
        if not self.structure:
            return
        where = {"row": row, "column": column_letter(column - 1)}
        if formula:
            raise TableFileError(
                _(
                    "Ligne %(row)s, colonne %(column)s : cette cellule contient une formule, refusée par "
                    "sécurité. Copier puis coller les valeurs seules (« Collage spécial »)."
                )
                % where
            )
        if merged:
            raise TableFileError(
                _(
                    "Ligne %(row)s, colonne %(column)s : cellules fusionnées (%(range)s). Les défusionner et "
                    "remplir chaque cellule."
                )
                % {**where, "range": merged}
            )


def _scan_ods(archive, sheet=None):
    """Stream content.xml: the sheet's repeated rows and cells, formulas, merges and lengths; with no
    sheet, the sizes of every sheet."""
    bounds, active, row, column, elements = _Bounds(sheet is not None), False, 0, 1, 0
    with archive.open("content.xml") as stream:
        for event, element in ElementTree.iterparse(stream, events=("start", "end")):
            tag = element.tag
            if tag == f"{{{_TABLE}}}table":
                if event == "start":
                    active = sheet is None or element.get(f"{{{_TABLE}}}name") == sheet
                    bounds.last_row, row, elements = 0, 0, 0
                elif active and sheet is not None:
                    return
                continue
            if not active:
                if event == "end" and tag == f"{{{_TABLE}}}table-row":
                    element.clear()
                continue
            if tag == f"{{{_TABLE}}}table-row":
                if event == "start":
                    column = 1
                    elements += 1
                    if elements > MAX_ROWS + 1000:
                        too_many_rows(elements)
                else:
                    repeat = int(element.get(f"{{{_TABLE}}}number-rows-repeated", "1"))
                    if bounds.last_row == row + 1 and repeat > 1:
                        bounds.cell(row + repeat, 1)  # a non-empty row repeated downwards: count them
                    row += repeat
                    element.clear()
            elif event == "end" and tag in (f"{{{_TABLE}}}table-cell", f"{{{_TABLE}}}covered-table-cell"):
                repeat = int(element.get(f"{{{_TABLE}}}number-columns-repeated", "1"))
                if len(element) or element.get(f"{{{_OFFICE}}}value-type"):
                    spans = (
                        int(element.get(f"{{{_TABLE}}}number-rows-spanned", "1")),
                        int(element.get(f"{{{_TABLE}}}number-columns-spanned", "1")),
                    )
                    merged = None
                    if spans != (1, 1):
                        start = f"{column_letter(column - 1)}{row + 1}"
                        end = f"{column_letter(column + spans[1] - 2)}{row + spans[0]}"
                        merged = f"{start}:{end}"
                    bounds.cell(
                        row + 1,
                        column,
                        repeat,
                        len("".join(element.itertext())),
                        bool(element.get(f"{{{_TABLE}}}formula")),
                        merged,
                    )
                column += repeat
                element.clear()


def _xlsx_sheet_path(archive, sheet):
    workbook = ElementTree.fromstring(archive.read("xl/workbook.xml"))
    rels = ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    targets = {rel.get("Id"): rel.get("Target") for rel in rels.iter(f"{{{_RELS}}}Relationship")}
    for element in workbook.iter(f"{{{_MAIN}}}sheet"):
        if element.get("name") == sheet:
            target = targets.get(element.get(f"{{{_DOC_RELS}}}id"), "")
            return target.lstrip("/") if target.startswith("/") else "xl/" + target
    return _invalid("xlsx")


def _long_shared_strings(archive):
    """Indexes of the shared strings longer than a cell may be."""
    long, index = {}, 0
    if "xl/sharedStrings.xml" not in archive.namelist():
        return long
    with archive.open("xl/sharedStrings.xml") as stream:
        for _event, element in ElementTree.iterparse(stream):
            if element.tag == f"{{{_MAIN}}}si":
                length = len("".join(element.itertext()))
                if length > MAX_CELL_LENGTH:
                    long[index] = length
                index += 1
                element.clear()
    return long


_REFERENCE = re.compile(r"([A-Za-z]{1,3})([0-9]+)")


def _cell_position(reference):
    """(row, column), 1-based, of a reference such as ``B3``."""
    match = _REFERENCE.match(reference)
    if not match:
        raise ValueError(reference)
    column = 0
    for char in match.group(1).upper():
        column = column * 26 + ord(char) - 64
    return int(match.group(2)), column


def _scan_xlsx(archive, sheet):
    """Stream the sheet's XML: rows, columns, formulas, merged cells and cell lengths."""
    long = _long_shared_strings(archive)
    bounds, rows, column = _Bounds(), 0, 0
    cell_tag, row_tag, merge_tag = f"{{{_MAIN}}}c", f"{{{_MAIN}}}row", f"{{{_MAIN}}}mergeCell"
    formula_tag, value_tag = f"{{{_MAIN}}}f", f"{{{_MAIN}}}v"
    with archive.open(_xlsx_sheet_path(archive, sheet)) as stream:
        for _event, element in ElementTree.iterparse(stream):
            tag = element.tag
            if tag == cell_tag:
                reference = element.get("r")
                row, column = _cell_position(reference) if reference else (rows + 1, column + 1)
                if len(element):
                    kind, length = element.get("t"), 0
                    if kind == "s":
                        value = element.find(value_tag)
                        length = long.get(int(value.text or 0), 0) if long and value is not None else 0
                    elif kind in ("inlineStr", "str"):
                        length = len("".join(element.itertext()))
                    bounds.cell(row, column, 1, length, element.find(formula_tag) is not None)
                element.clear()
            elif tag == row_tag:
                rows, column = rows + 1, 0
                if rows > MAX_ROWS + 1000:
                    too_many_rows(rows)
                element.clear()
            elif tag == merge_tag:
                reference = element.get("ref", "")
                merged_row, merged_column = _cell_position(reference.split(":")[0])
                bounds.cell(merged_row, merged_column, merged=reference)


def _scan(scanner, archive, sheet, kind):
    try:
        scanner(archive, sheet)
    except (ElementTree.ParseError, KeyError, ValueError) as error:  # defusedxml's refusals are ValueErrors
        raise TableFileError(
            _("Classeur %(label)s illisible : %(error)s.") % {"label": LABELS[kind], "error": error}
        ) from error


def read_workbook(data, kind, sheet_names=()):
    """The rows (lists of typed cells) of the sheet that holds the table, or a French TableFileError."""
    archive = open_archive(data, kind)
    try:
        if kind == "ods":
            _scan(_scan_ods, archive, None, kind)
        workbook = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
        sheet = choose_sheet(workbook.sheets_metadata, sheet_names)
        _scan(_scan_xlsx if kind == "xlsx" else _scan_ods, archive, sheet, kind)
        rows = workbook.get_sheet_by_name(sheet).to_python(skip_empty_area=False)
    except TableFileError:
        raise
    except Exception as error:  # calamine and defusedxml raise many kinds on a corrupt workbook
        raise TableFileError(
            _("Classeur %(label)s illisible : %(error)s.") % {"label": LABELS[kind], "error": error}
        ) from error
    finally:
        archive.close()
    return rows
