from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class ActorsConfig(AppConfig):
    name = "actors"
    verbose_name = _("Acteurs")

    def ready(self):
        from actors import roles

        post_migrate.connect(roles.grant_role_permissions, sender=self, dispatch_uid="actors.roles")
