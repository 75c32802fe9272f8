"""Admin import/export wiring of the measurements table (stub: the import issue fills it)."""

from import_export.admin import ImportExportMixin

from indicators.resources import MeasurementResource


class MeasurementImportExportMixin(ImportExportMixin):
    resource_classes = [MeasurementResource]
