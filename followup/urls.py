"""The pilot's pages of the reporting rounds, inside the admin (``/admin/suivi/``), behind its login."""

from django.contrib import admin
from django.urls import path

from followup import pilot_views

app_name = "followup"

urlpatterns = [
    path("", admin.site.admin_view(pilot_views.round_list), name="round_list"),
    path("<int:round_id>/", admin.site.admin_view(pilot_views.round_actions), name="round_actions"),
    path(
        "<int:round_id>/actions/<int:action_id>/",
        admin.site.admin_view(pilot_views.action_report),
        name="action_report",
    ),
]
