"""Open-data CSV for spreadsheets: UTF-8 with a BOM (Excel), ``;`` separator, ``Content-Disposition:
attachment``. The cells come from the import/export resources (French dates and numbers, lists joined
with ``; ``, formulas escaped); any cell a spreadsheet would still run is neutralised here too."""

import csv
import io

from django.http import HttpResponse

#: Characters that make Excel or LibreOffice read a cell as a formula (OWASP "CSV injection").
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def formula_safe(value):
    text = "" if value is None else str(value)
    return f"'{text}" if text.startswith(FORMULA_TRIGGERS) else text


def csv_response(filename, headers, rows):
    """An attachment: BOM, the header line, then one line per row (an iterable of sequences)."""
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(headers)
    for row in rows:
        writer.writerow([formula_safe(value) for value in row])
    response = HttpResponse(buffer.getvalue().encode("utf-8"), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
