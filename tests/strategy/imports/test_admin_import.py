"""The admin's import: choose a strategy, upload, preview, confirm; errors in French."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from strategy.models import Action, BudgetLine
from tests.strategy.imports.files import csv_bytes, ods_bytes, snapshot, xlsx_bytes

pytestmark = pytest.mark.urls("tests.strategy.imports.admin_site")

LINES = [
    ["Code action", "Année", "Financeur", "Montant prévu", "Étape", "Référence dossier"],
    ["1.1", "2026", "CAF", "4 000,00 €", "Demandé", "CAF-2026-01"],
    ["2.1", "2026", "Ville", "1 500", "Notifié", "VILLE-2026-07"],
]


@pytest.fixture
def superuser_client(client, admin_user):
    client.force_login(admin_user)
    return client


def upload(client, url, strategy, name, data):
    return client.post(
        url, {"strategy": strategy.pk, "resource": "0", "import_file": SimpleUploadedFile(name, data)}
    )


def confirm(client, url, response):
    form = response.context["confirm_form"]
    return client.post(url, {name: form.initial.get(name, "") for name in form.fields})


def test_the_import_form_offers_the_strategies(world, superuser_client):
    response = superuser_client.get(reverse("admin:strategy_budgetline_import"))

    assert response.status_code == 200
    assert "Stratégie" in response.text
    assert "PEDT d&#x27;Ivry" in response.text


def test_an_upload_is_previewed_then_imported_on_confirmation(world, superuser_client):
    response = upload(
        superuser_client,
        reverse("admin:strategy_budgetline_import"),
        world.strategy,
        "lignes.csv",
        csv_bytes(LINES),
    )

    assert response.status_code == 200
    assert "CAF-2026-01" in response.text and "VILLE-2026-07" in response.text
    assert BudgetLine.objects.count() == 1  # the preview writes nothing

    response = confirm(superuser_client, reverse("admin:strategy_budgetline_process_import"), response)

    assert response.status_code == 302
    assert set(BudgetLine.objects.values_list("file_reference", flat=True)) == {
        "CAF-2024-17",
        "CAF-2026-01",
        "VILLE-2026-07",
    }


def test_actions_are_imported_with_their_lists_through_the_admin(world, superuser_client):
    rows = [
        ["Code", "Titre", "Axe", "Structure pilote", "Partenaires", "Quartiers"],
        ["3.1", "Coup de pouce", "1", "Ville", "CAF; Association Élan", "Ivry Port"],
    ]
    url = reverse("admin:strategy_action_import")
    response = upload(superuser_client, url, world.strategy, "actions.xlsx", xlsx_bytes(rows))
    assert response.status_code == 200
    assert "Coup de pouce" in response.text

    response = confirm(superuser_client, reverse("admin:strategy_action_process_import"), response)

    assert response.status_code == 302
    action = Action.objects.get(strategy=world.strategy, code="3.1")
    assert sorted(action.partners.values_list("short_name", flat=True)) == ["", "CAF"]
    assert list(action.neighbourhoods.values_list("name", flat=True)) == ["Ivry Port"]


def test_a_bad_file_shows_the_errors_in_french_and_creates_nothing(world, superuser_client):
    rows = [LINES[0], ["1.1", "2026", "Banque mondiale", "-4", "Demandé", ""]]
    before = snapshot()

    response = upload(
        superuser_client,
        reverse("admin:strategy_budgetline_import"),
        world.strategy,
        "lignes.ods",
        ods_bytes(rows),
    )

    assert response.status_code == 200
    assert (
        "Ligne 2, colonne « Financeur » : organisation inconnue sur le territoire de la stratégie : "
        "« Banque mondiale »." in response.text
    )
    assert "Ligne 2, colonne « Montant prévu » : montant négatif" in response.text
    assert "confirm_form" not in response.context or response.context["confirm_form"] is None
    assert snapshot() == before


def test_an_unreadable_file_is_refused_with_a_french_message(world, superuser_client):
    response = upload(
        superuser_client,
        reverse("admin:indicators_measurement_import"),
        world.strategy,
        "mesures.csv",
        b"\x00\x01\x02binary",
    )

    assert response.status_code == 200
    assert "Ce fichier n&#x27;est pas un CSV : il contient des données binaires" in response.text


def test_a_missing_column_is_reported_on_the_preview(world, superuser_client):
    rows = [["Code indicateur", "Valeur"], ["I1", "12"]]

    response = upload(
        superuser_client,
        reverse("admin:indicators_measurement_import"),
        world.strategy,
        "m.csv",
        csv_bytes(rows),
    )

    assert "Ligne 1, colonne « Période » : colonne obligatoire absente." in response.text


def test_the_admin_export_gives_the_same_file_as_the_command(world, superuser_client, tmp_path, exporttable):
    exporttable("pedt-ivry", "financements", tmp_path / "financements.csv")
    response = superuser_client.get(reverse("admin:strategy_budgetline_export"))
    csv_index = next(
        value for value, label in response.context["form"].fields["format"].choices if label == "csv"
    )

    response = superuser_client.post(
        reverse("admin:strategy_budgetline_export"), {"format": csv_index, "resource": "0"}
    )

    assert response.status_code == 200
    assert response.content == (tmp_path / "financements.csv").read_bytes()
