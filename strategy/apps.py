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

        self.connect_revision_bumps()

    def connect_revision_bumps(self):
        """Every write to what a strategy's pages show bumps its revision (``strategy.revision``);
        the actors' rows and the legal pages are shared by the strategies, so they bump them all."""
        from django.apps import apps
        from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete

        from shared.signals import content_changed
        from strategy import revision
        from strategy.models import Strategy, StrategyRevision

        revision.connect(revision.content_models(self, exclude=(StrategyRevision,)))
        # The legal pages (publisher, statement, processing records) are every strategy's too.
        shared_models = [
            model
            for label in ("actors", "legal")
            for model in revision.content_models(apps.get_app_config(label))
        ]
        for model in shared_models:
            if model._meta.model_name == "territory":
                receiver = revision.territory_saved
            else:
                receiver = revision.shared_saved
            label = model._meta.label_lower
            post_save.connect(receiver, sender=model, dispatch_uid=f"revision.save.{label}")
            post_delete.connect(receiver, sender=model, dispatch_uid=f"revision.delete.{label}")
            for field in model._meta.local_many_to_many:
                m2m_changed.connect(
                    revision.shared_m2m_changed,
                    sender=field.remote_field.through,
                    dispatch_uid=f"revision.m2m.{label}.{field.name}",
                )
        content_changed.connect(revision.content_written_in_bulk, dispatch_uid="revision.bulk")
        pre_delete.connect(
            revision.strategy_deleting, sender=Strategy, dispatch_uid="revision.strategy_deleting"
        )
