"""The back office: the co-construction workspace, its per-role limits and its workflow."""

from django.contrib import admin

from strategy.admin import actions, concertation, structure  # noqa: F401  (registers the models)
from strategy.admin.dashboard import CiteduAdminSite

# Keep the one default site (citedu/urls.py mounts admin.site.urls) and give it the dashboard.
admin.site.__class__ = CiteduAdminSite
