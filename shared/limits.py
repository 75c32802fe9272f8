"""The bounds of an uploaded table, and the French refusals when a file goes past one.

Checked before and while parsing (``shared.workbooks`` streams the workbooks' XML, ``shared.spreadsheets``
the CSV), so that a file too large for the portal is refused within seconds and little memory.
"""

from django.utils.translation import gettext as _

from shared.formatting import number
from shared.tables import column_letter

#: Files over this size are refused before parsing (the admin upload and the command alike).
MAX_FILE_SIZE = 10 * 1024 * 1024
#: A workbook (a zip) whose members would inflate past this is refused before inflating them.
MAX_UNCOMPRESSED_SIZE = 64 * 1024 * 1024
#: A member of over 1 MB compressed more than this many times is a decompression bomb.
MAX_COMPRESSION_RATIO = 100
#: Data rows (the header excluded), columns and characters in one cell.
MAX_ROWS = 50_000
MAX_COLUMNS = 100
MAX_CELL_LENGTH = 10_000


class TableFileError(Exception):
    """A file that cannot be read as a table at all; the message is in French, for the user."""


def too_many_rows(count):
    raise TableFileError(
        _(
            "Fichier refusé : plus de %(limit)s lignes (au moins %(count)s). "
            "Le découper en plusieurs fichiers."
        )
        % {"limit": number(MAX_ROWS), "count": number(count)}
    )


def too_many_columns(count):
    raise TableFileError(
        _("Fichier refusé : au moins %(count)s colonnes, la limite est de %(limit)s.")
        % {"count": count, "limit": MAX_COLUMNS}
    )


def cell_too_long(row, column, length):
    """``column`` is 1-based."""
    raise TableFileError(
        _(
            "Ligne %(row)s, colonne %(column)s : cellule trop longue (%(length)s caractères), "
            "la limite est de %(limit)s."
        )
        % {
            "row": row,
            "column": column_letter(column - 1),
            "length": number(length),
            "limit": number(MAX_CELL_LENGTH),
        }
    )
