"""Import/export resource of the funding table (financements), shared by the admin and the commands.

The machinery is ``shared.tables``'; the columns of the table, how a row is read and who may import
it follow ``strategy.resources`` (the actions table), whose base class it shares.
"""

from django.db import DatabaseError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from import_export import fields
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from shared.cells import cell_text, lookup_by_choice
from shared.table_widgets import (
    AmountCellWidget,
    ChoiceLabelWidget,
    IntegerCellWidget,
    RelatedWidget,
)
from shared.tables import TableError
from strategy import perms
from strategy.enums import FundingSource, FundingStage
from strategy.models import Action, BudgetLine
from strategy.resources import StrategyTableResource, organisation_lookup

#: Other names a funding source goes by in the territories' spreadsheets (besides its code and label).
SOURCE_ALIASES = {
    FundingSource.PROGRAMME_147: ("Programme 147", "P147", "BOP 147", "Politique de la ville"),
    FundingSource.CITE_FUND: ("Fonds de la cité", "Fonds cité"),
    FundingSource.STATE_COMMON_LAW: ("Droit commun", "Droit commun de l'État"),
    FundingSource.DEPARTMENT: ("Conseil départemental",),
    FundingSource.REGION: ("Conseil régional",),
}


class FundingSourceWidget(ChoiceLabelWidget):
    """A funding source read from its code, its label or a usual short name (« Programme 147 »)."""

    def __init__(self):
        super().__init__(FundingSource.choices, gettext_lazy("source de financement inconnue"))

    def clean(self, value, row=None, **kwargs):
        text = cell_text(value)
        if not text:
            return None
        lookup = lookup_by_choice(self.unknown, self.choices)
        for source, aliases in SOURCE_ALIASES.items():
            lookup.add(source.value, *aliases)
        return lookup.get(text)


class BudgetLineResource(StrategyTableResource):
    """The funding table: one row per action, year and funder."""

    action = fields.Field(attribute="action", column_name="Code action", widget=RelatedWidget("code"))
    year = fields.Field(attribute="year", column_name="Année", widget=IntegerCellWidget())
    funder = fields.Field(attribute="funder", column_name="Financeur", widget=RelatedWidget("name"))
    source = fields.Field(attribute="source", column_name="Source", widget=FundingSourceWidget())
    source_detail = fields.Field(attribute="source_detail", column_name="Précision source")
    planned_amount = fields.Field(
        attribute="planned_amount", column_name="Montant prévu", widget=AmountCellWidget()
    )
    notified_amount = fields.Field(
        attribute="notified_amount", column_name="Montant notifié", widget=AmountCellWidget()
    )
    executed_amount = fields.Field(
        attribute="executed_amount", column_name="Montant réalisé", widget=AmountCellWidget()
    )
    stage = fields.Field(
        attribute="stage",
        column_name="Étape",
        widget=ChoiceLabelWidget(FundingStage.choices, gettext_lazy("étape inconnue")),
    )
    file_reference = fields.Field(attribute="file_reference", column_name="Référence dossier")

    required_columns = ("Code action", "Année", "Financeur", "Montant prévu")
    key_column = "Code action"
    sheet_title = "Financements"

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
            # Added with the State's sources: after the older columns, where files made before expect them.
            "source",
            "source_detail",
            "notified_amount",
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
        self.set_lookup(organisation_lookup(self.strategy), "funder")
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
        action = self.read_action(parsed)
        if action:
            values["action"] = action
        year = self.read(parsed, "year", required=True)
        if year is not None:
            if 2000 <= year <= 2100:
                values["year"] = year
            else:
                parsed.error("Année", _("année invalide : %(year)s.") % {"year": year})
        funder = self.read(parsed, "funder", required=True)
        if funder:
            values["funder"] = funder
        planned = self.read(parsed, "planned_amount", required=True)
        if planned is not None:
            values["planned_amount"] = planned
        if self.has("source"):
            values["source"] = self.read(parsed, "source") or ""
        if self.has("source_detail"):
            detail = self.text(parsed, "source_detail", max_length=150)
            values["source_detail"] = detail or ""
        if self.has("notified_amount"):
            # An empty cell: not notified yet (None), which is not a notification of 0 €.
            values["notified_amount"] = self.read(parsed, "notified_amount")
        if self.has("executed_amount"):
            executed = self.read(parsed, "executed_amount")
            values["executed_amount"] = executed if executed is not None else 0
        if self.has("stage"):
            stage = self.read(parsed, "stage")
            if stage:
                values["stage"] = stage
        if self.has("file_reference"):
            reference = self.text(parsed, "file_reference", max_length=100)
            if reference is not None:
                values["file_reference"] = reference
        if action and year and funder:
            parsed.key = (action.id, year, funder.id)
            parsed.label = lambda: (
                _("la ligne %(code)s / %(year)s / %(funder)s")
                % {"code": action.code, "year": year, "funder": funder.name}
            )
        if action and self.user is not None:
            # No field of the action changes: only whether the user may change it at all.
            for _attribute, message in perms.refused_action_changes(self.user, action, {}):
                parsed.error("Code action", message)

    def get_bulk_update_fields(self):
        # Every column but the row's key (action, year, funder).
        return [name for name in self.Meta.fields if name not in ("action", "year", "funder")]

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
            # bulk_update skips auto_now: without a new version, a change form opened before the
            # import would write its old amounts back over the imported ones unnoticed.
            now = timezone.now()
            for line in self.update_instances:
                line.updated_at = now
            try:
                with transaction.atomic(using=self.get_db_connection_name()):
                    bulk_update_with_history(
                        self.update_instances,
                        BudgetLine,
                        [*self.get_bulk_update_fields(), "updated_at"],
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
