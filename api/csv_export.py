"""Open-data CSV for spreadsheets: UTF-8 with a BOM (Excel), ``;`` separator, ``Content-Disposition:
attachment``. The cells come from the import/export resources (French dates and numbers, lists joined
with ``; ``, formulas escaped); any other cell a spreadsheet would run is escaped by the same rule,
``shared.cells.escape_formula``."""

import csv
import io

from django.http import HttpResponse

from shared.cells import escape_formula


def csv_response(filename, headers, rows):
    """An attachment: BOM, the header line, then one line per row (an iterable of sequences)."""
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(headers)
    for row in rows:
        # Checked as the text the file will hold, numbers included.
        writer.writerow([escape_formula("" if value is None else str(value)) for value in row])
    response = HttpResponse(buffer.getvalue().encode("utf-8"), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
