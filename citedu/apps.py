from django.contrib.admin.apps import AdminConfig


class CiteduAdminConfig(AdminConfig):
    """The admin with Citédu's site (per-role dashboard) as ``admin.site``."""

    default_site = "citedu.admin_site.CiteduAdminSite"

    def ready(self):
        super().ready()
        from citedu import checks  # noqa: F401  (registers the deployment checks)
