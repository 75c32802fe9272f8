"""The widgets of the tables' columns: how a model value is written to a cell and read back.

Each column of a ``shared.tables`` resource is a declared ``import_export`` field whose widget renders
the value as the export writes it (French decimals and dates, choice labels, names of related
objects) and cleans a cell as the import reads it, raising ``CellError`` with a French message. The
export is read back by the same widgets, so an export re-imported changes nothing.
"""

from import_export import widgets

from shared.cells import (
    cell_text,
    lookup_by_choice,
    match_key,
    parse_amount,
    parse_date,
    parse_decimal,
    parse_integer,
)
from shared.formatting import cell_decimal, short_date


class DecimalCellWidget(widgets.Widget):
    """A decimal written ``12500,50``, read from a number cell or French text (``12 500,50``)."""

    kind = "decimal"  # how a workbook types the column (``shared.sheet_writer``)

    def clean(self, value, row=None, **kwargs):
        return parse_decimal(value)

    def render(self, value, obj=None, **kwargs):
        return cell_decimal(value)


class AmountCellWidget(DecimalCellWidget):
    """An amount in euros: positive or nil, at most two decimals, ``€`` allowed."""

    kind = "amount"

    def clean(self, value, row=None, **kwargs):
        return parse_amount(value)


class IntegerCellWidget(widgets.Widget):
    """A whole number (a year), written as a number cell."""

    kind = "integer"

    def clean(self, value, row=None, **kwargs):
        return parse_integer(value)

    def render(self, value, obj=None, **kwargs):
        return "" if value is None else value


class DateCellWidget(widgets.Widget):
    """A date written ``31/05/2021``, read from a date cell, ``31/05/2021`` or ``2021-05-31``."""

    kind = "date"

    def clean(self, value, row=None, **kwargs):
        return parse_date(value)

    def render(self, value, obj=None, **kwargs):
        return short_date(value)


class ChoiceLabelWidget(widgets.Widget):
    """A choice written as its French label, read from its label or its value."""

    def __init__(self, choices, unknown):
        super().__init__()
        self.choices = choices
        self.unknown = unknown  # "statut inconnu"…, lazy: translated when a cell is refused

    def clean(self, value, row=None, **kwargs):
        text = cell_text(value)
        return lookup_by_choice(self.unknown, self.choices).get(text) if text else None

    def render(self, value, obj=None, **kwargs):
        return str(dict(self.choices).get(value, value)) if value else ""


class RelatedWidget(widgets.Widget):
    """A related object written as one of its attributes (an axis's number, an organisation's name).

    It is read through ``lookup``, a ``shared.cells.Lookup`` the resource loads once per import
    (matching by number, code or name, never creating anything).
    """

    def __init__(self, attribute):
        super().__init__()
        self.attribute = attribute
        self.lookup = None

    def clean(self, value, row=None, **kwargs):
        text = cell_text(value)
        return self.lookup.get(text) if text else None

    def render(self, value, obj=None, **kwargs):
        return "" if value is None else getattr(value, self.attribute)


class NamesWidget(widgets.Widget):
    """Related objects (a many-to-many manager) written as their names joined with ``; ``.

    The resource reads the list item by item through ``lookup``, to report every unknown name.
    """

    def __init__(self):
        super().__init__()
        self.lookup = None

    def render(self, value, obj=None, **kwargs):
        return "" if value is None else names(value.all())


def names(objects):
    """Names joined with ``; ``, in an order that does not depend on the database's collation."""
    return "; ".join(
        obj.name for obj in sorted(objects, key=lambda obj: (getattr(obj, "order", 0), match_key(obj.name)))
    )
