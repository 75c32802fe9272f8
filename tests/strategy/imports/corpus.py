"""Files past the bounds of an upload, and workbooks whose structure must be refused.

Each entry: (table, file kind, builder of the bytes, fragments the French refusal must contain).
Shared by ``test_bounded_files.py`` and ``bench/bench_malformed.py``; built on the fly, never committed.
"""

import io
import zipfile

import openpyxl

from tests.strategy.imports.files import csv_bytes, ods_cell, ods_document, ods_row, xlsx_bytes, xlsx_workbook

ACTIONS = ["Code", "Titre", "Axe", "Structure pilote"]
GOOD = ["3.1", "Coup de pouce", "1", "Ville"]
LINES = ["Code action", "Année", "Financeur", "Montant prévu", "Montant réalisé", "Étape"]


def patched(data, members, compress=zipfile.ZIP_DEFLATED):
    """A copy of a zip with some members replaced or added ({name: bytes or a chunk generator})."""
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=compress) as archive:
        for info in source.infolist():
            if info.filename not in members:
                archive.writestr(info, source.read(info.filename))
        for name, content in members.items():
            with archive.open(name, "w", force_zip64=True) as handle:
                for chunk in [content] if isinstance(content, bytes) else content():
                    handle.write(chunk)
    return buffer.getvalue()


def xlsx_actions(*rows):
    return xlsx_bytes([ACTIONS, *rows])


def sheet_xml(rows_xml, extra=""):
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        f"<sheetData>{rows_xml}</sheetData>{extra}</worksheet>"
    ).encode()


def header_xml():
    cells = "".join(
        f'<c r="{letter}1" t="inlineStr"><is><t>{text}</t></is></c>'
        for letter, text in zip("ABCD", ACTIONS, strict=True)
    )
    return f'<row r="1">{cells}</row>'


def million_rows():
    """A sheet of 1,048,576 rows (Excel's maximum), streamed into the zip."""
    yield sheet_xml("").split(b"<sheetData>")[0] + b"<sheetData>" + header_xml().encode()
    for start in range(2, 1_048_577, 10_000):
        yield "".join(
            f'<row r="{n}"><c r="A{n}" t="inlineStr"><is><t>{n}</t></is></c></row>'
            for n in range(start, min(start + 10_000, 1_048_577))
        ).encode()
    yield b"</sheetData></worksheet>"


def giant_cell():
    """One shared string of 1 GiB (it deflates to about 1 MB)."""
    yield b'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>'
    chunk = b"a" * (16 * 1024 * 1024)
    for _ in range(64):
        yield chunk
    yield b"</t></si></sst>"


def comment_of_300_mb():
    yield b"<!--"
    chunk = b"c" * 1_048_576
    for _ in range(300):
        yield chunk
    yield b"-->"


def ods_actions(*rows, **options):
    header = ods_row(*(ods_cell(text) for text in ACTIONS))
    return ods_document({"Actions": [header, *rows]}, **options)


def ods_good(**options):
    return ods_row(*(ods_cell(text) for text in GOOD), **options)


def xlsx_with(cell_setter):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Actions"
    sheet.append(ACTIONS)
    sheet.append(GOOD)
    cell_setter(sheet)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


LAUGHS = (
    b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
    b'<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>'
)

TOO_MANY_ROWS = "Fichier refusé : plus de 50\u202f000 lignes"
BOMB = "Classeur refusé"

CORPUS = {
    "xlsx-zip-bomb-ratio": (
        "actions",
        "xlsx",
        lambda: patched(
            xlsx_actions(GOOD), {"xl/worksheets/sheet1.xml": lambda: (b" " * 1_048_576 for _ in range(8))}
        ),
        [BOMB, "compressé", "fois"],
    ),
    "xlsx-zip-bomb-total-size": (
        "actions",
        "xlsx",
        lambda: patched(
            xlsx_actions(GOOD), {"xl/padding.bin": lambda: (bytes(1_048_576) for _ in range(80))}
        ),
        [BOMB, "décompressé, il ferait 80 Mo"],
    ),
    "ods-zip-bomb-ratio": (
        "actions",
        "ods",
        lambda: patched(
            ods_actions(ods_good()), {"content.xml": lambda: (b"\n" * 1_048_576 for _ in range(20))}
        ),
        [BOMB, "« content.xml » est compressé"],
    ),
    "xlsx-million-rows": (
        "actions",
        "xlsx",
        lambda: patched(xlsx_actions(), {"xl/worksheets/sheet1.xml": million_rows}),
        ["refusé"],
    ),
    "xlsx-60000-rows": (
        "actions",
        "xlsx",
        lambda: xlsx_bytes([ACTIONS, *([f"9.{n}", "Ligne", "1", "Ville"] for n in range(60_000))]),
        [TOO_MANY_ROWS],
    ),
    "csv-60000-rows": (
        "actions",
        "csv",
        lambda: csv_bytes([ACTIONS, *([f"9.{n}", "Ligne", "1", "Ville"] for n in range(60_000))]),
        [TOO_MANY_ROWS],
    ),
    "ods-row-repeated-a-million-times": (
        "actions",
        "ods",
        lambda: ods_actions(ods_good(repeat=1_000_000)),
        [TOO_MANY_ROWS],
    ),
    "ods-repeated-columns-bomb": (
        "actions",
        "ods",
        lambda: ods_actions(ods_row(ods_cell("3.1"), ods_cell("x", repeat=16_384), repeat=1_048_000)),
        ["Fichier refusé : au moins 16385 colonnes, la limite est de 100."],
    ),
    "xlsx-150-columns": (
        "actions",
        "xlsx",
        lambda: xlsx_bytes([[*ACTIONS, *(f"Colonne {n}" for n in range(146))], GOOD]),
        ["Fichier refusé : au moins 101 colonnes, la limite est de 100."],
    ),
    "csv-150-columns": (
        "actions",
        "csv",
        lambda: csv_bytes([[*ACTIONS, *(f"Colonne {n}" for n in range(146))], GOOD]),
        ["Fichier refusé : au moins 150 colonnes, la limite est de 100."],
    ),
    "xlsx-cell-of-20000-characters": (
        "actions",
        "xlsx",
        lambda: xlsx_actions(["3.1", "x" * 20_000, "1", "Ville"]),
        ["Ligne 2, colonne B : cellule trop longue (20\u202f000 caractères), la limite est de 10\u202f000."],
    ),
    "xlsx-cell-of-1-GiB": (
        "actions",
        "xlsx",
        lambda: patched(xlsx_actions(GOOD), {"xl/sharedStrings.xml": giant_cell}),
        [BOMB],
    ),
    "ods-cell-of-20000-characters": (
        "actions",
        "ods",
        lambda: ods_actions(ods_row(ods_cell("3.1"), ods_cell("x" * 20_000), ods_cell(1), ods_cell("Ville"))),
        ["Ligne 2, colonne B : cellule trop longue (20\u202f000 caractères)"],
    ),
    "ods-comment-of-300-MB": (
        "mesures",
        "ods",
        lambda: patched(ods_actions(ods_good()), {"content.xml": comment_of_300_mb}),
        [BOMB],
    ),
    "csv-cell-of-20000-characters": (
        "actions",
        "csv",
        lambda: csv_bytes([ACTIONS, ["3.1", "x" * 20_000, "1", "Ville"]]),
        ["Ligne 2, colonne B : cellule trop longue (20\u202f000 caractères)"],
    ),
    "csv-cell-of-300000-characters": (
        "actions",
        "csv",
        lambda: csv_bytes([ACTIONS, ["3.1", "x" * 300_000, "1", "Ville"]]),
        ["Ligne 2 : une cellule dépasse 10\u202f000 caractères."],
    ),
    "ods-only-hidden-sheets": (
        "actions",
        "ods",
        lambda: ods_document({"Actions": [ods_good()]}, hidden={"Actions"}),
        ["Ce classeur n'a aucune feuille visible."],
    ),
    "ods-two-visible-sheets": (
        "actions",
        "ods",
        lambda: ods_document({"Feuille1": [ods_good()], "Feuille2": [ods_good()]}),
        ["Ce classeur a plusieurs feuilles visibles (« Feuille1 », « Feuille2 »)"],
    ),
    "xlsx-hidden-table-and-two-visible-sheets": (
        "financements",
        "xlsx",
        lambda: xlsx_workbook(
            {"Financements": [LINES], "Notes": [["x"]], "Brouillon": [["y"]]}, hidden={"Financements"}
        ),
        ["Ce classeur a plusieurs feuilles visibles (« Notes », « Brouillon ») ", "« Financements »"],
    ),
    "ods-formula-cell": (
        "actions",
        "ods",
        lambda: ods_actions(
            ods_row(ods_cell("3.1"), ods_cell("Trois", formula="of:=1+2"), ods_cell(1), ods_cell("Ville"))
        ),
        ["Ligne 2, colonne B : cette cellule contient une formule"],
    ),
    "xlsx-formula-in-an-amount": (
        "financements",
        "xlsx",
        lambda: xlsx_bytes([LINES, ["1.1", 2025, "CAF", "=1000*2", 0, "Demandé"]]),
        ["Ligne 2, colonne D : cette cellule contient une formule"],
    ),
    "xlsx-merged-cells": (
        "actions",
        "xlsx",
        lambda: xlsx_with(lambda sheet: (sheet.append(["3.2", "Autre", "", ""]), sheet.merge_cells("C2:C3"))),
        ["Ligne 2, colonne C : cellules fusionnées (C2:C3)"],
    ),
    "ods-merged-cells": (
        "actions",
        "ods",
        lambda: ods_actions(
            ods_row(ods_cell("3.1"), ods_cell("Titre", number_columns_spanned=2), ods_cell("Ville"))
        ),
        ["Ligne 2, colonne B : cellules fusionnées (B2:C2)"],
    ),
    "xlsx-billion-laughs": (
        "actions",
        "xlsx",
        lambda: patched(
            xlsx_actions(GOOD),
            {"xl/worksheets/sheet1.xml": LAUGHS + sheet_xml("<row><c><v>&lol3;</v></c></row>")[38:]},
        ),
        ["Classeur Excel (.xlsx) illisible"],
    ),
    "ods-billion-laughs": (
        "actions",
        "ods",
        lambda: patched(ods_actions(ods_good()), {"content.xml": LAUGHS + b"<x>&lol3;</x>"}),
        ["Classeur OpenDocument (.ods) illisible"],
    ),
    "xlsx-truncated-sheet-xml": (
        "actions",
        "xlsx",
        lambda: patched(xlsx_actions(GOOD), {"xl/worksheets/sheet1.xml": sheet_xml(header_xml())[:-30]}),
        ["Classeur Excel (.xlsx) illisible"],
    ),
    "xlsx-sheet-member-missing": (
        "actions",
        "xlsx",
        lambda: patched(
            xlsx_actions(GOOD),
            {
                "xl/_rels/workbook.xml.rels": b'<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>'
            },
        ),
        ["illisible"],
    ),
    "csv-utf16-without-bom": (
        "actions",
        "csv",
        lambda: "Code;Titre;Axe;Structure pilote\r\n3.1;Café;1;Ville\r\n".encode("utf-16-le"),
        ["contient des données binaires"],
    ),
    "csv-utf32": (
        "actions",
        "csv",
        lambda: "Code;Titre;Axe;Structure pilote\r\n3.1;Café;1;Ville\r\n".encode("utf-32"),
        ["Ce CSV est encodé en UTF-32"],
    ),
    "csv-shift-jis": (
        "actions",
        "csv",
        lambda: "Code;Titre;Axe;Structure pilote\r\n3.1;学校;1;Ville\r\n".encode("shift_jis"),
        ["Encodage du fichier non reconnu (ligne 2)"],
    ),
}
