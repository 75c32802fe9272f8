from django.contrib.admin.apps import AdminConfig


class CiteduAdminConfig(AdminConfig):
    """The admin with Citédu's site (per-role dashboard) as ``admin.site``."""

    default_site = "citedu.admin_site.CiteduAdminSite"
