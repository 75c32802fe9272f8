from axes.apps import AppConfig as AxesAppConfig
from django.contrib.admin.apps import AdminConfig
from django.utils.translation import gettext_lazy as _
from django_tasks_db.apps import TasksAppConfig


class CiteduAdminConfig(AdminConfig):
    """The admin with Citédu's site (per-role dashboard) as ``admin.site``."""

    default_site = "citedu.admin_site.CiteduAdminSite"

    def ready(self):
        super().ready()
        from citedu import checks  # noqa: F401  (registers the deployment checks)


class LoginSecurityConfig(AxesAppConfig):
    """django-axes, titled in the reader's language on the admin index (its own title is « Axes »)."""

    verbose_name = _("Sécurité des connexions")


class TaskQueueConfig(TasksAppConfig):
    """django-tasks' database queue, titled in the reader's language (its own title is English only)."""

    verbose_name = _("File des tâches de fond")
