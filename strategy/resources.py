"""Import/export resources of the actions and funding tables, shared by the admin and the commands.

``TableResource`` is the common machinery of the three tables (the measurements one lives in
``indicators.resources``): it reads every row before writing any (headers, lookups, duplicates,
permissions), reports every problem as a French row error naming the row as the spreadsheet user sees
it (header = row 1) and the column, writes nothing at all if any row is wrong, and reports an
unchanged row as skipped so that an export re-imported changes nothing.
"""

from copy import copy

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import DatabaseError, transaction
from django.utils.translation import gettext as _
from import_export import fields, resources
from import_export.results import Error, RowResult
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from actors.models import Neighbourhood, Organisation, Sector
from shared.spreadsheets import (
    CellError,
    Lookup,
    cell_list,
    cell_text,
    escape_formula,
    format_date,
    format_decimal,
    match_key,
    parse_amount,
    parse_date,
    parse_integer,
)
from strategy import perms
from strategy.enums import ActionStatus, FundingStage, PartnerRole
from strategy.models import Action, Audience, Axis, BudgetLine, Orientation


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


def lookup_by_choice(label, choices):
    lookup = Lookup(label)
    for value, text in choices:
        lookup.add(value, value, str(text))
    return lookup


class TableDiff(resources.Diff):
    """The preview's before/after columns, rendered like the export (no query per row)."""

    def __init__(self, resource, instance, new):
        self.new = new
        self.right = []
        self.left = resource.preview_values(None if new else instance)

    def compare_with(self, resource, instance):
        self.right = resource.preview_values(instance)


class TableResource(resources.ModelResource):
    """Base of the three tables. Subclasses declare their fields (``column_name`` is the header)
    and implement the hooks."""

    #: The column headers that must be present.
    required_columns = ()
    #: The column that names the row in duplicate errors.
    key_column = ""

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
        """Raise TableError when the user may import nothing (no user: the command, which may)."""
        if self.user is not None and not perms.may_import(self.user):
            raise TableError(_("Votre compte n'a pas le droit d'importer ce tableau."))

    def column_of(self, attribute):
        """The header of the column that sets a model attribute (the key column for the whole row)."""
        field = self.fields.get(attribute) if attribute else None
        return field.column_name if field is not None else self.key_column

    # Reading ------------------------------------------------------------------------------------

    def has(self, column):
        return column in self._present

    def cell(self, parsed, column):
        return parsed.cells.get(column)

    def text(self, parsed, column, required=False, max_length=None):
        """The cell's text, or None (and a row error) when it is not acceptable."""
        try:
            value = cell_text(self.cell(parsed, column))
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

    def convert(self, parsed, column, function, required=False):
        """function(cell) or None, with a row error when the cell is empty but required, or invalid."""
        raw = self.cell(parsed, column)
        try:
            value = function(raw)
        except CellError as error:
            parsed.error(column, str(error))
            return None
        if value in (None, "") and required:
            parsed.error(column, _("valeur obligatoire."))
            return None
        return value

    def lookup(self, parsed, column, lookup, required=False):
        text = self.text(parsed, column, required=required)
        if not text:
            return None
        try:
            return lookup.get(text)
        except CellError as error:
            parsed.error(column, str(error))
            return None

    def lookup_list(self, parsed, column, lookup):
        try:
            items = cell_list(self.cell(parsed, column))
        except CellError as error:
            parsed.error(column, str(error))
            return None
        found = []
        for item in items:
            try:
                target = lookup.get(item)
            except CellError as error:
                parsed.error(column, str(error))
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
        return super().import_row(row, instance_loader, **kwargs)

    def after_import_row(self, row, row_result, **kwargs):
        progress = kwargs.get("progress")
        if progress is not None:
            progress(kwargs["row_number"], len(self._parsed))

    def after_import(self, dataset, result, **kwargs):
        # No call to ModelResource.after_import: it resets the id sequences, which only matters when
        # a file supplies ids, and ours never do.
        for message in self._fatal:
            result.append_base_error(Error(TableError(message)))

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
        if instance is None:
            return [""] * len(self.get_export_fields())
        return [str(value) for value in self.export_resource(instance)]

    def export_field(self, field, instance, **kwargs):
        value = super().export_field(field, instance, **kwargs)
        return escape_formula("" if value is None else value)

    def export(self, queryset=None, **kwargs):
        queryset = self.get_queryset() if queryset is None else self.optimise(queryset)
        return super().export(queryset=queryset, **kwargs)

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


def organisation_lookup():
    lookup = Lookup(_("organisation inconnue"))
    for organisation in Organisation.objects.only("id", "name", "short_name", "slug"):
        lookup.add(organisation, organisation.name, organisation.short_name, organisation.slug)
    return lookup


def names(objects):
    """Names joined with ``; ``, in an order that does not depend on the database's collation."""
    return "; ".join(
        obj.name for obj in sorted(objects, key=lambda obj: (getattr(obj, "order", 0), match_key(obj.name)))
    )


class ActionResource(TableResource):
    """The actions table (fiches actions) of one strategy; ``Code`` identifies the action."""

    code = fields.Field(column_name="Code")
    title = fields.Field(column_name="Titre")
    axis = fields.Field(column_name="Axe")
    orientation = fields.Field(column_name="Orientation")
    summary = fields.Field(column_name="Résumé")
    description = fields.Field(column_name="Description")
    pilot = fields.Field(column_name="Structure pilote")
    partners = fields.Field(column_name="Partenaires")
    audiences = fields.Field(column_name="Publics")
    neighbourhoods = fields.Field(column_name="Quartiers")
    sectors = fields.Field(column_name="Secteurs")
    status = fields.Field(column_name="Statut")
    start_date = fields.Field(column_name="Date de début")
    end_date = fields.Field(column_name="Date de fin")

    required_columns = ("Code", "Titre", "Axe", "Structure pilote")
    key_column = "Code"
    m2m_columns = {
        "Partenaires": "partners",
        "Publics": "audiences",
        "Quartiers": "neighbourhoods",
        "Secteurs": "sectors",
    }

    class Meta:
        model = Action
        fields = (
            "code",
            "title",
            "axis",
            "orientation",
            "summary",
            "description",
            "pilot",
            "partners",
            "audiences",
            "neighbourhoods",
            "sectors",
            "status",
            "start_date",
            "end_date",
        )
        import_id_fields = ()
        skip_unchanged = True
        report_skipped = True

    @classmethod
    def get_display_name(cls):
        return _("Tableau des actions")

    def scope(self, queryset):
        return queryset.filter(strategy=self.strategy) if self.strategy else queryset

    def optimise(self, queryset):
        return queryset.select_related("axis", "orientation", "pilot").prefetch_related(
            "partners", "audiences", "neighbourhoods", "sectors"
        )

    def new_instance_values(self):
        return {"strategy": self.strategy, "status": ActionStatus.PROPOSED}

    def prepare(self):
        strategy = self.strategy
        self.axes = Lookup(_("axe inconnu"))
        for axis in Axis.objects.filter(strategy=strategy):
            self.axes.add(axis, str(axis.number), axis.title, f"Axe {axis.number}")
        self.orientations = Lookup(_("orientation inconnue"))
        for orientation in Orientation.objects.filter(strategy=strategy):
            self.orientations.add(orientation, str(orientation.number), orientation.title)
        self.organisations = organisation_lookup()
        self.audiences = Lookup(_("public inconnu"))
        for audience in Audience.objects.all():
            self.audiences.add(audience, audience.code, audience.name)
        self.neighbourhoods = Lookup(_("quartier inconnu"))
        for neighbourhood in Neighbourhood.objects.filter(territory_id=strategy.territory_id):
            self.neighbourhoods.add(
                neighbourhood, neighbourhood.name, neighbourhood.slug, neighbourhood.qpv_code
            )
        self.sectors = Lookup(_("secteur inconnu"))
        for sector in Sector.objects.all():
            self.sectors.add(sector, sector.code, sector.name)
        self.statuses = lookup_by_choice(_("statut inconnu"), ActionStatus.choices)
        self._existing = {action.code: action for action in self.get_queryset()}

    def parse_row(self, parsed):
        values = parsed.values
        code = self.text(parsed, "Code", required=True, max_length=20)
        if code:
            values["code"] = code
            parsed.key = code
            parsed.label = lambda: _("l'action %(code)s") % {"code": code}
        existing = self._existing.get(code) if code else None
        title = self.text(parsed, "Titre", required=True, max_length=250)
        if title:
            values["title"] = title
        axis = self.lookup(parsed, "Axe", self.axes, required=True)
        if axis:
            values["axis"] = axis
        if self.has("Orientation"):
            orientation = self.lookup(parsed, "Orientation", self.orientations)
            if orientation and axis and orientation.axis_id and orientation.axis_id != axis.id:
                parsed.error(
                    "Orientation",
                    _("l'orientation %(orientation)s relève d'un autre axe que l'axe %(axis)s.")
                    % {"orientation": orientation.number, "axis": axis.number},
                )
            values["orientation"] = orientation
        for column, attribute in (("Résumé", "summary"), ("Description", "description")):
            if self.has(column):
                text = self.text(parsed, column)
                if text is not None:
                    values[attribute] = text
        pilot = self.lookup(parsed, "Structure pilote", self.organisations, required=True)
        if pilot:
            values["pilot"] = pilot
        for column, attribute in self.m2m_columns.items():
            if self.has(column):
                lookup = self.organisations if attribute == "partners" else getattr(self, attribute)
                found = self.lookup_list(parsed, column, lookup)
                if found is not None:
                    parsed.m2m[attribute] = {obj.id for obj in found}
        if self.has("Statut"):
            status = self.lookup(parsed, "Statut", self.statuses)
            if status:
                values["status"] = status
        start = end = None
        for column, attribute in (("Date de début", "start_date"), ("Date de fin", "end_date")):
            if self.has(column):
                date = self.convert(parsed, column, parse_date)
                values[attribute] = date
                if attribute == "start_date":
                    start = date
                else:
                    end = date
        start = start if self.has("Date de début") else getattr(existing, "start_date", None)
        end = end if self.has("Date de fin") else getattr(existing, "end_date", None)
        if start and end and end < start:
            parsed.error(
                "Date de fin",
                _("la date de fin (%(end)s) précède la date de début (%(start)s).")
                % {"end": format_date(end), "start": format_date(start)},
            )
        if code and self.user is not None:
            # The admin form's rule, with the row's values: what the file changes must be allowed.
            wrong = {column for column, _message in parsed.errors}
            checked = {name: value for name, value in values.items() if self.column_of(name) not in wrong}
            for attribute, message in perms.refused_action_changes(self.user, existing, checked):
                parsed.error(self.column_of(attribute), message)

    def before_save_instance(self, instance, row, **kwargs):
        if instance.pilot_contact_id and instance.pilot_contact.organisation_id != instance.pilot_id:
            # The referent belongs to the former pilot: the new pilot names their own in the admin.
            instance.pilot_contact = None

    def m2m_changed(self, instance, parsed):
        if instance.pk is None:
            return True
        for attribute, ids in parsed.m2m.items():
            if {obj.id for obj in getattr(instance, attribute).all()} != ids:
                return True
        return False

    def save_m2m(self, instance, row, **kwargs):
        if not self._is_using_transactions(kwargs) and self._is_dry_run(kwargs):
            return
        for attribute, ids in self._current.m2m.items():
            manager = getattr(instance, attribute)
            if attribute == "partners":
                manager.set(ids, through_defaults={"role": PartnerRole.PARTNER})
            else:
                manager.set(ids)
        if self._current.m2m and hasattr(instance, "_prefetched_objects_cache"):
            instance._prefetched_objects_cache.clear()

    def _m2m_names(self, instance, attribute):
        if instance.pk is None:
            return ""
        return names(getattr(instance, attribute).all())

    def dehydrate_code(self, action):
        return action.code

    def dehydrate_title(self, action):
        return action.title

    def dehydrate_axis(self, action):
        return action.axis.number if action.axis_id else ""

    def dehydrate_orientation(self, action):
        return action.orientation.number if action.orientation_id else ""

    def dehydrate_summary(self, action):
        return action.summary

    def dehydrate_description(self, action):
        return action.description

    def dehydrate_pilot(self, action):
        return action.pilot.name if action.pilot_id else ""

    def dehydrate_partners(self, action):
        return self._m2m_names(action, "partners")

    def dehydrate_audiences(self, action):
        return self._m2m_names(action, "audiences")

    def dehydrate_neighbourhoods(self, action):
        return self._m2m_names(action, "neighbourhoods")

    def dehydrate_sectors(self, action):
        return self._m2m_names(action, "sectors")

    def dehydrate_status(self, action):
        return str(action.get_status_display())

    def dehydrate_start_date(self, action):
        return format_date(action.start_date)

    def dehydrate_end_date(self, action):
        return format_date(action.end_date)


class BudgetLineResource(TableResource):
    """The funding table: one row per action, year and funder."""

    action = fields.Field(column_name="Code action")
    year = fields.Field(column_name="Année")
    funder = fields.Field(column_name="Financeur")
    planned_amount = fields.Field(column_name="Montant prévu")
    executed_amount = fields.Field(column_name="Montant réalisé")
    stage = fields.Field(column_name="Étape")
    file_reference = fields.Field(column_name="Référence dossier")

    required_columns = ("Code action", "Année", "Financeur", "Montant prévu")
    key_column = "Code action"

    class Meta:
        model = BudgetLine
        fields = (
            "action",
            "year",
            "funder",
            "planned_amount",
            "executed_amount",
            "stage",
            "file_reference",
        )
        import_id_fields = ()
        skip_unchanged = True
        report_skipped = True
        # Thousands of rows: one INSERT per batch (with its history rows), not one per row.
        use_bulk = True
        batch_size = 1000

    @classmethod
    def get_display_name(cls):
        return _("Tableau de financement")

    def scope(self, queryset):
        return queryset.filter(action__strategy=self.strategy) if self.strategy else queryset

    def optimise(self, queryset):
        return queryset.select_related("action", "funder").order_by(
            "action__axis__number", "action__code", "year", "funder__name"
        )

    def prepare(self):
        self.actions = {
            action.code: action
            for action in Action.objects.filter(strategy=self.strategy).select_related("pilot")
        }
        self.organisations = organisation_lookup()
        self.stages = lookup_by_choice(_("étape inconnue"), FundingStage.choices)
        self._existing = {
            (line.action_id, line.year, line.funder_id): line
            for line in BudgetLine.objects.filter(action__strategy=self.strategy).select_related(
                "action", "funder"
            )
        }

    def new_instance_values(self):
        return {"stage": FundingStage.REQUESTED, "executed_amount": 0}

    def parse_row(self, parsed):
        values = parsed.values
        action = None
        code = self.text(parsed, "Code action", required=True)
        if code:
            action = self.actions.get(code)
            if action is None:
                parsed.error(
                    "Code action",
                    _("action inconnue dans cette stratégie : « %(code)s ».") % {"code": code},
                )
            else:
                values["action"] = action
        year = self.convert(parsed, "Année", parse_integer, required=True)
        if year is not None:
            if 2000 <= year <= 2100:
                values["year"] = year
            else:
                parsed.error("Année", _("année invalide : %(year)s.") % {"year": year})
        funder = self.lookup(parsed, "Financeur", self.organisations, required=True)
        if funder:
            values["funder"] = funder
        planned = self.convert(parsed, "Montant prévu", parse_amount, required=True)
        if planned is not None:
            values["planned_amount"] = planned
        if self.has("Montant réalisé"):
            executed = self.convert(parsed, "Montant réalisé", parse_amount)
            values["executed_amount"] = executed if executed is not None else 0
        if self.has("Étape"):
            stage = self.lookup(parsed, "Étape", self.stages)
            if stage:
                values["stage"] = stage
        if self.has("Référence dossier"):
            reference = self.text(parsed, "Référence dossier", max_length=100)
            if reference is not None:
                values["file_reference"] = reference
        if action and year and funder:
            parsed.key = (action.id, year, funder.id)
            parsed.label = lambda: (
                _("la ligne %(code)s / %(year)s / %(funder)s")
                % {
                    "code": action.code,
                    "year": year,
                    "funder": funder.name,
                }
            )
        if action and self.user is not None:
            # No field of the action changes: only whether the user may change it at all.
            for _attribute, message in perms.refused_action_changes(self.user, action, {}):
                parsed.error("Code action", message)

    def get_bulk_update_fields(self):
        return ["planned_amount", "executed_amount", "stage", "file_reference"]

    def bulk_create(self, using_transactions, dry_run, raise_errors, batch_size=None, result=None):
        if self.create_instances and (using_transactions or not dry_run):
            try:
                with transaction.atomic(using=self.get_db_connection_name()):
                    bulk_create_with_history(
                        self.create_instances, BudgetLine, batch_size=batch_size, default_user=self.user
                    )
            except DatabaseError as error:
                self.handle_bulk_error(result, error, raise_errors)
            finally:
                self.create_instances.clear()

    def bulk_update(self, using_transactions, dry_run, raise_errors, batch_size=None, result=None):
        if self.update_instances and (using_transactions or not dry_run):
            try:
                with transaction.atomic(using=self.get_db_connection_name()):
                    bulk_update_with_history(
                        self.update_instances,
                        BudgetLine,
                        self.get_bulk_update_fields(),
                        batch_size=batch_size,
                        default_user=self.user,
                    )
            except DatabaseError as error:
                self.handle_bulk_error(result, error, raise_errors)
            finally:
                self.update_instances.clear()

    def handle_bulk_error(self, result, error, raise_errors):
        self.handle_import_error(
            result,
            TableError(
                _("Enregistrement refusé par la base de données (%(error)s).") % {"error": str(error).strip()}
            ),
            raise_errors,
        )

    def dehydrate_action(self, line):
        return line.action.code

    def dehydrate_year(self, line):
        return line.year

    def dehydrate_funder(self, line):
        return line.funder.name if line.funder_id else ""

    def dehydrate_planned_amount(self, line):
        return format_decimal(line.planned_amount)

    def dehydrate_executed_amount(self, line):
        return format_decimal(line.executed_amount)

    def dehydrate_stage(self, line):
        return str(line.get_stage_display())

    def dehydrate_file_reference(self, line):
        return line.file_reference


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
