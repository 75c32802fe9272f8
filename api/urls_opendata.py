from django.urls import path

from api import opendata

app_name = "opendata"

urlpatterns = [
    path("strategies/<slug:slug>/actions.csv", opendata.actions_csv, name="actions_csv"),
    path("strategies/<slug:slug>/beneficiaires.csv", opendata.beneficiaries_csv, name="beneficiaries_csv"),
    path("strategies/<slug:slug>/indicateurs.csv", opendata.indicators_csv, name="indicators_csv"),
    path("strategies/<slug:slug>/datapackage.json", opendata.datapackage_json, name="datapackage"),
    path("donnees/", opendata.data_dictionary, name="dictionary"),
    path("donnees/<slug:name>.schema.json", opendata.table_schema_json, name="table_schema"),
]
