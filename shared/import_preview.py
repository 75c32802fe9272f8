"""The import preview: each cell before and after, numbers the French way, no inline style.

import-export's own preview diffs the texts character by character into ``<ins>``/``<del>`` with
inline styles, which the strict CSP blocks: « 12500,50 » → « 80000,50 » then reads « 120500,050 ».
Here each changed cell is a ``CellChange`` that ``templates/admin/import_export/import.html`` writes
« avant → après » in text, readable without colour.
"""

from import_export import resources

from shared.formatting import euros, number
from shared.table_widgets import AmountCellWidget, DecimalCellWidget


class CellChange:
    """One cell of the preview: its value before and after the import (French numbers)."""

    def __init__(self, before, after, new):
        self.before = before
        self.after = after
        self.changed = not new and before != after


class TableDiff(resources.Diff):
    """The preview's before/after columns, read like the export (no query per row).

    ``as_html`` gives ``CellChange`` objects, not import-export's inline-styled HTML (which the
    CSP blocks): the template writes « avant → après » in text (``admin/import_export/import.html``).
    """

    def __init__(self, resource, instance, new):
        self.new = new
        self.right = []
        self.left = resource.preview_values(None if new else instance)

    def compare_with(self, resource, instance):
        self.right = resource.preview_values(instance)

    def as_html(self):
        return [
            CellChange(before, after, self.new) for before, after in zip(self.left, self.right, strict=True)
        ]


def preview_value(resource, field, instance):
    """A cell as the preview shows it: amounts and numbers the French way, the rest as exported."""
    if isinstance(field.widget, DecimalCellWidget):
        value = field.get_value(instance)
        if value is None:
            return ""
        return euros(value) if isinstance(field.widget, AmountCellWidget) else number(value)
    return str(resource.export_field(field, instance))
