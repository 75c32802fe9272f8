"""The machinery the spreadsheet tables share: import/export resources that read every row first.

``TableResource`` is the base of the three tables (``strategy.resources``, ``indicators.resources``):
it reads every row before writing any (headers, lookups, duplicates, permissions), reports every
problem as a French row error naming the row as the spreadsheet user sees it (header = row 1) and the
column, writes nothing at all if any row is wrong (the transaction of ``import_data``), and reports an
unchanged row as skipped so that an export re-imported changes nothing. It imports no app: who may
import what is the subclasses' ``check_access`` and ``parse_row``.
"""

from copy import copy

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import DatabaseError, transaction
from django.utils.translation import gettext as _
from import_export import resources
from import_export.results import Error, RowResult

from shared.cells import CellError, cell_list, cell_text, escape_formula, match_key
from shared.import_preview import TableDiff, preview_value
from shared.signals import content_changed


class TableError(Exception):
    """A problem with the whole file (its columns, the chosen strategy, the user's rights)."""


class ParsedRow:
    """One data row read and checked: the model values to set, or the errors found."""

    def __init__(self, number, cells):
        self.number = number  # as the spreadsheet user sees it: the header is row 1
        self.cells = cells
        self.values = {}
        self.m2m = {}
        self.key = None
        self.label = str  # a callable: the row's description is only built for an error message
        self.errors = []
        self.changed = False

    def error(self, column, message):
        self.errors.append((column, message))


def row_message(number, column, message):
    if column:
        return _("Ligne %(row)s, colonne « %(column)s » : %(message)s") % {
            "row": number,
            "column": column,
            "message": message,
        }
    return _("Ligne %(row)s : %(message)s") % {"row": number, "message": message}


def column_letter(index):
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


class TableResource(resources.ModelResource):
    """Base of the three tables. Subclasses declare their fields (``column_name`` is the header, the
    widget how the cell is written and read: ``shared.table_widgets``) and implement the hooks."""

    #: The column headers that must be present.
    required_columns = ()
    #: The column that names the row in duplicate errors.
    key_column = ""
    sheet_title = ""  # the exported sheet's name, French like the headers: an import reads that sheet

    @property
    def columns(self):
        """The column headers, in the table's order (that of ``Meta.fields``)."""
        return tuple(self.fields[name].column_name for name in self._meta.fields)

    def __init__(self, strategy=None, user=None, preview=True, **kwargs):
        super().__init__(**kwargs)
        self.strategy = strategy
        self.user = user
        if not preview:
            # The command shows no preview: no per-row copy and HTML diff to compute.
            self._meta = copy(self._meta)
            self._meta.skip_diff = True
        self._parsed = []
        self._fatal = []
        self._current = None
        self._existing = {}
        self._present = set()

    def import_data(self, dataset, dry_run=False, raise_errors=False, use_transactions=None, **kwargs):
        """All or nothing, whoever calls (admin, command, tests): the only place that decides it.

        The rows are written in a transaction that import-export rolls back on any error, a row's
        (a validation error) as well as the file's.
        """
        kwargs["rollback_on_validation_errors"] = True
        return super().import_data(
            dataset, dry_run=dry_run, raise_errors=raise_errors, use_transactions=True, **kwargs
        )

    # Permissions ------------------------------------------------------------------------------

    def check_access(self):
        """Hook: raise TableError when the user may import nothing into this table.

        This module knows no access rule: the apps' resources override it with theirs.
        """

    def column_of(self, attribute):
        """The header of the column that sets a model attribute (the key column for the whole row)."""
        field = self.fields.get(attribute) if attribute else None
        return field.column_name if field is not None else self.key_column

    # Reading ----------------------------------------------------------------------------------
    # Each helper reads the cell of a declared field (named as in ``Meta.fields``) and, when the cell
    # is not acceptable, records a row error under the field's column and returns None.

    def has(self, name):
        """Whether the file has the field's column (an absent column leaves the attribute alone)."""
        return self.fields[name].column_name in self._present

    def cell(self, parsed, name):
        return parsed.cells.get(self.fields[name].column_name)

    def text(self, parsed, name, required=False, max_length=None):
        """The cell's text."""
        column = self.fields[name].column_name
        try:
            value = cell_text(self.cell(parsed, name))
        except CellError as error:
            parsed.error(column, str(error))
            return None
        if required and not value:
            parsed.error(column, _("valeur obligatoire."))
            return None
        if max_length and len(value) > max_length:
            parsed.error(
                column,
                _("texte trop long (%(length)s caractères, au plus %(max)s).")
                % {"length": len(value), "max": max_length},
            )
            return None
        return value

    def read(self, parsed, name, required=False):
        """The cell read by the field's widget (a number, a date, a choice, a looked-up object)."""
        field = self.fields[name]
        try:
            value = field.widget.clean(self.cell(parsed, name))
        except CellError as error:
            parsed.error(field.column_name, str(error))
            return None
        if value in (None, "") and required:
            parsed.error(field.column_name, _("valeur obligatoire."))
            return None
        return value

    def set_lookup(self, lookup, *names):
        """Hand a lookup loaded for this import to the widgets of these fields."""
        for name in names:
            self.fields[name].widget.lookup = lookup

    def read_list(self, parsed, name):
        """The objects named in a ``;``-separated list cell, each unknown name a row error."""
        field = self.fields[name]
        try:
            items = cell_list(self.cell(parsed, name))
        except CellError as error:
            parsed.error(field.column_name, str(error))
            return None
        found = []
        for item in items:
            try:
                target = field.widget.lookup.get(item)
            except CellError as error:
                parsed.error(field.column_name, str(error))
                continue
            if target not in found:
                found.append(target)
        return found

    # Import workflow ------------------------------------------------------------------------------

    def before_import(self, dataset, **kwargs):
        try:
            if self.strategy is None:
                raise TableError(_("Choisir la stratégie dans laquelle importer."))
            self.check_access()
            self._check_headers(dataset)
        except TableError as error:
            self._fatal.append(str(error))
            return
        if self._fatal:
            return
        self.prepare()
        seen = {}
        for index, data_row in enumerate(dataset, 1):
            parsed = ParsedRow(index + 1, dict(zip(dataset.headers, data_row, strict=False)))
            self.parse_row(parsed)
            if parsed.key is not None and not parsed.errors:
                if parsed.key in seen:
                    parsed.error(
                        self.key_column,
                        _("ligne en double : %(label)s figure déjà à la ligne %(row)s.")
                        % {"label": parsed.label(), "row": seen[parsed.key]},
                    )
                else:
                    seen[parsed.key] = parsed.number
            self._parsed.append(parsed)

    def _check_headers(self, dataset):
        known = {match_key(column): column for column in self.columns}
        headers = list(dataset.headers or [])
        positions = {}
        renamed = []
        for index, header in enumerate(headers):
            column = known.get(match_key(header)) if header else None
            if column is None:
                renamed.append(header)
                continue
            positions.setdefault(column, []).append(index)
            renamed.append(column)
        for column, indexes in positions.items():
            if len(indexes) > 1:
                self._fatal.append(
                    row_message(
                        1,
                        column,
                        _("colonne en double (colonnes %(letters)s) : n'en garder qu'une.")
                        % {"letters": ", ".join(column_letter(i) for i in indexes)},
                    )
                )
        for column in self.required_columns:
            if column not in positions:
                self._fatal.append(row_message(1, column, _("colonne obligatoire absente.")))
        if dataset.headers:
            dataset.headers = renamed
        self._present = set(positions)

    def import_row(self, row, instance_loader, **kwargs):
        number = kwargs["row_number"]
        parsed = self._parsed[number - 1] if not self._fatal and number <= len(self._parsed) else None
        self._current = parsed
        if parsed is None:
            # The file was refused as a whole (its columns, the user's rights): no row to read.
            row_result = self.get_row_result_class()()
            row_result.import_type = RowResult.IMPORT_TYPE_SKIP
            return row_result
        row_result = super().import_row(row, instance_loader, **kwargs)
        row_result.number = parsed.number  # the preview's row numbers are the spreadsheet's
        return row_result

    def after_import_row(self, row, row_result, **kwargs):
        progress = kwargs.get("progress")
        if progress is not None:
            progress(kwargs["row_number"], len(self._parsed))

    def after_import(self, dataset, result, **kwargs):
        # No call to ModelResource.after_import: it resets the id sequences, which only matters when
        # a file supplies ids, and ours never do.
        for message in self._fatal:
            result.append_base_error(Error(TableError(message)))
        if self.strategy is not None:
            # Some rows go in with bulk writes, which send no post_save: say what changed (at the
            # commit; a dry run or a refused file rolls back, and this with it).
            content_changed.send(sender=self._meta.model, instances=[], strategy=self.strategy)

    def get_instance(self, instance_loader, row):
        return self._existing.get(self._current.key)

    def init_instance(self, row=None):
        return self._meta.model(**self.new_instance_values())

    def new_instance_values(self):
        return {}

    def import_instance(self, instance, row, **kwargs):
        parsed = self._current
        if parsed.errors:
            errors = {}
            for column, message in parsed.errors:
                errors.setdefault(column or NON_FIELD_ERRORS, []).append(
                    row_message(parsed.number, column, message)
                )
            raise ValidationError(errors)
        parsed.changed = instance.pk is None
        relations = self._relations()
        for attribute, value in parsed.values.items():
            if attribute in relations:
                # Compare ids, then set the object itself so that nothing is fetched again.
                if getattr(instance, f"{attribute}_id") != getattr(value, "pk", None):
                    parsed.changed = True
                setattr(instance, attribute, value)
            elif getattr(instance, attribute) != value:
                setattr(instance, attribute, value)
                parsed.changed = True
        if parsed.m2m and self.m2m_changed(instance, parsed):
            parsed.changed = True

    def m2m_changed(self, instance, parsed):
        return False

    def _relations(self):
        if not hasattr(self, "_relation_names"):
            self._relation_names = {
                field.name for field in self._meta.model._meta.get_fields() if field.is_relation
            }
        return self._relation_names

    def skip_row(self, instance, original, row, import_validation_errors=None):
        return not import_validation_errors and not self._current.changed

    def do_instance_save(self, instance, is_create):
        try:
            with transaction.atomic(using=self.get_db_connection_name()):
                instance.save(force_insert=is_create)
        except DatabaseError as error:
            self.raise_database_error(error)

    def raise_database_error(self, error):
        parsed = self._current
        raise ValidationError(
            {
                NON_FIELD_ERRORS: [
                    row_message(
                        parsed.number,
                        None,
                        _("refusé par la base de données (%(error)s).") % {"error": str(error).strip()},
                    )
                ]
            }
        )

    # Preview and export ---------------------------------------------------------------------------

    def get_diff_class(self):
        return TableDiff

    def get_import_fields(self):
        return self.get_export_fields()

    def preview_values(self, instance):
        """The cells as the preview shows them: amounts and numbers the French way, the rest as exported."""
        if instance is None:
            return [""] * len(self.get_export_fields())
        return [preview_value(self, field, instance) for field in self.get_export_fields()]

    def export_field(self, field, instance, **kwargs):
        value = super().export_field(field, instance, **kwargs)
        return escape_formula("" if value is None else value)

    def export(self, queryset=None, **kwargs):
        queryset = self.get_queryset() if queryset is None else self.optimise(queryset)
        dataset = super().export(queryset=queryset, **kwargs)
        dataset.title = self.sheet_title
        dataset.column_kinds = {  # how a workbook types each column (shared.sheet_writer)
            f.column_name: getattr(f.widget, "kind", "text") for f in self.get_export_fields()
        }
        return dataset

    def get_queryset(self):
        return self.optimise(self.scope(self._meta.model.objects.all()))

    def scope(self, queryset):
        return queryset

    def optimise(self, queryset):
        return queryset

    # Hooks --------------------------------------------------------------------------------------

    def prepare(self):
        """Load once every lookup and the existing rows of the strategy."""
        raise NotImplementedError

    def parse_row(self, parsed):
        """Fill parsed.values / m2m / key / label, or parsed.errors."""
        raise NotImplementedError


def result_messages(result):
    """Every error of an import result as French lines (each names its row and column)."""
    messages = []
    for error in result.base_errors:
        messages.append(str(error.error))
    for number, errors in result.row_errors():
        for error in errors:
            messages.append(
                row_message(number + 1, None, _("erreur inattendue (%(error)s).") % {"error": error.error})
            )
    for invalid in result.invalid_rows:
        for column_messages in invalid.error_dict.values():
            messages.extend(str(message) for message in column_messages)
    return messages
