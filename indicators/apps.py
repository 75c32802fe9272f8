from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IndicatorsConfig(AppConfig):
    name = "indicators"
    verbose_name = _("Indicateurs")
    #: The tables this app imports and exports (``shared.spreadsheets.table_resource_class``).
    spreadsheet_tables = {
        "mesures": "indicators.resources.MeasurementResource",
    }

    def ready(self):
        # Registers this app's kinds of mail (notifications.kinds).
        from indicators import mail  # noqa: F401
        from indicators.models import Indicator
        from strategy import revision

        # Every write to an indicator or its values bumps its strategy's revision (strategy.revision).
        revision.connect(revision.content_models(self), parents=(("indicator_id", Indicator),))
