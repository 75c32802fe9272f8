from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StrategyConfig(AppConfig):
    name = "strategy"
    verbose_name = _("Stratégies")
    #: The tables this app imports and exports (``shared.spreadsheets.table_resource_class``).
    spreadsheet_tables = {
        "actions": "strategy.resources.ActionResource",
        "financements": "strategy.budget_resources.BudgetLineResource",
        "beneficiaires": "strategy.beneficiary_resources.BeneficiariesResource",
    }

    def ready(self):
        # Registers this app's kinds of mail (notifications.kinds).
        from strategy import mail  # noqa: F401
