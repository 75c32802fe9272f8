"""Import/export resource of the measurements table (stub: the import issue fills it)."""

from import_export import resources

from indicators.models import Measurement


class MeasurementResource(resources.ModelResource):
    class Meta:
        model = Measurement
