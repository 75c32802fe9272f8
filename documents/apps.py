from django.apps import AppConfig
from django.db.models.signals import (
    m2m_changed,
    post_delete,
    post_migrate,
    post_save,
    pre_delete,
    pre_migrate,
    pre_save,
)
from django.utils.translation import gettext_lazy as _


class DocumentsConfig(AppConfig):
    name = "documents"
    verbose_name = _("Documents")

    def ready(self):
        from documents import checks, freshness, signals  # noqa: F401  (checks registers the system checks)
        from documents.models import StrategyVersion
        from shared.signals import content_changed
        from strategy import revision

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
        # Any edit of the content: its documents are rendered again (coalesced, in the worker).
        post_save.connect(freshness.content_saved, dispatch_uid="documents.content_saved")
        post_delete.connect(freshness.content_saved, dispatch_uid="documents.content_deleted")
        m2m_changed.connect(freshness.content_m2m_changed, dispatch_uid="documents.content_m2m_changed")
        content_changed.connect(freshness.content_written_in_bulk, dispatch_uid="documents.content_bulk")
        # The frozen versions show on the strategy's pages (strategy.revision).
        revision.connect([StrategyVersion])
        pre_migrate.connect(freshness.pause, dispatch_uid="documents.freshness_pause")
        post_migrate.connect(freshness.resume, dispatch_uid="documents.freshness_resume")
