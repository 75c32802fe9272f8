"""An import is a save like any other: a change form opened before it cannot write over it."""

import html

from django.test import Client

from strategy.models import BudgetLine
from tests.strategy.admin.conftest import admin_url
from tests.strategy.admin.html_forms import change_form_data
from tests.strategy.imports.files import csv_bytes

LINES = [
    ["Code action", "Année", "Financeur", "Montant prévu", "Montant réalisé", "Étape", "Référence dossier"],
    ["1.1", "2024", "CAF", "13 000,00", "2 500,00", "notifié", "CAF-2024-17"],
]


def test_a_budget_line_form_opened_before_an_import_is_refused_after_it(
    world, tmp_path, importtable, coordination_user
):
    client = Client()
    client.force_login(coordination_user)
    url = admin_url(BudgetLine, "change", world.line.pk)
    data = change_form_data(client.get(url))

    path = tmp_path / "financements.csv"
    path.write_bytes(csv_bytes(LINES))
    run = importtable("pedt-ivry", "financements", path)
    assert run.code == 0, run.err
    assert BudgetLine.objects.get(pk=world.line.pk).planned_amount == 13000

    data["file_reference"] = ["CAF-2024-18"]
    response = client.post(url, data)
    assert response.status_code == 200
    assert "les champs modifiés sont : Montant prévu (€)" in html.unescape(response.content.decode())
    line = BudgetLine.objects.get(pk=world.line.pk)
    assert (line.planned_amount, line.file_reference) == (13000, "CAF-2024-17")
