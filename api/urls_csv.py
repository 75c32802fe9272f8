from django.urls import path

from api import csv_views

app_name = "opendata"

urlpatterns = [
    path("strategies/<slug:slug>/actions.csv", csv_views.actions_csv, name="actions_csv"),
    path("strategies/<slug:slug>/indicateurs.csv", csv_views.indicators_csv, name="indicators_csv"),
]
