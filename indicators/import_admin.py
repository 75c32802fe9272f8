"""Admin import/export wiring of the measurements table (see strategy.import_admin)."""

from indicators.resources import MeasurementResource
from strategy.import_admin import TableImportExportMixin


class MeasurementImportExportMixin(TableImportExportMixin):
    resource_classes = [MeasurementResource]
