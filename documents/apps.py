from django.apps import AppConfig
from django.db.models.signals import pre_delete, pre_save
from django.utils.translation import gettext_lazy as _


class DocumentsConfig(AppConfig):
    name = "documents"
    verbose_name = _("Documents")

    def ready(self):
        from documents import checks, signals  # noqa: F401  (checks registers the system checks)
        from documents.models import StrategyVersion

        pre_save.connect(
            signals.forbid_changing_a_frozen_version,
            sender=StrategyVersion,
            dispatch_uid="documents.frozen_version_immutable",
        )
        pre_delete.connect(
            signals.forbid_deleting_a_frozen_version,
            sender=StrategyVersion,
            dispatch_uid="documents.frozen_version_undeletable",
        )
