"""Admin import/export wiring of the actions and funding tables (stub: the import issue fills it)."""

from import_export.admin import ImportExportMixin

from strategy.resources import ActionResource, BudgetLineResource


class ActionImportExportMixin(ImportExportMixin):
    resource_classes = [ActionResource]


class BudgetLineImportExportMixin(ImportExportMixin):
    resource_classes = [BudgetLineResource]
