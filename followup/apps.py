from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FollowupConfig(AppConfig):
    name = "followup"
    verbose_name = _("Suivi annuel")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from followup import mail

        mail.register_kinds()
        self.connect_revision_bumps()

    def connect_revision_bumps(self):
        """The points d'étape of closed rounds show on the public timelines: every write to a round or
        a report bumps its strategy's revision (``strategy.revision``)."""
        from followup.models import ReportingRound
        from strategy import revision

        revision.connect(revision.content_models(self), parents=(("round_id", ReportingRound),))
