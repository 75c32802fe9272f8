from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FollowupConfig(AppConfig):
    name = "followup"
    verbose_name = _("Suivi annuel")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from followup import mail

        mail.register_kinds()
