"""The beneficiaries table: one row per action and year, imported all or nothing, exported typed."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from shared.spreadsheets import read_table
from shared.tables import result_messages
from strategy.beneficiary_resources import BeneficiariesResource
from strategy.models import ActionBeneficiaries
from tests.strategy.beneficiary_factories import beneficiaries
from tests.strategy.factories import pilot_user
from tests.strategy.imports.files import csv_bytes, snapshot, table_file
from tests.strategy.imports.libreoffice import CSV_WINDOWS_1252_SEMICOLON

HEADER = [
    "Code action",
    "Année",
    "Bénéficiaires",
    "Filles",
    "Garçons",
    "Sexe non renseigné",
    "En QPV",
    "Hors QPV",
    "Par public",
]


def breakdown(row):
    return {audience.code: count for audience, count in row.audience_counts()}


def test_a_csv_typed_the_french_way_creates_the_years_with_their_breakdowns(world, tmp_path, importtable):
    rows = [
        HEADER,
        ["1.1", "2025", "1 754", "900", "850", "4", "1 200", "554", "Maternelle : 1 000 ; 6-11 : 754"],
        ["2.1", "2024", "172", "", "", "", "", "", ""],
    ]
    run = importtable("pedt-ivry", "beneficiaires", table_file(tmp_path, rows))

    assert run.code == 0, run.err
    assert "2 ligne(s) créée(s), 0 mise(s) à jour, 0 inchangée(s)." in run.out
    row = ActionBeneficiaries.objects.get(action=world.action, year=2025)
    assert (row.total, row.girls, row.boys, row.sex_unknown) == (1754, 900, 850, 4)
    assert (row.in_priority_area, row.outside_priority_area) == (1200, 554)
    assert breakdown(row) == {"3-6": 1000, "6-11": 754}
    other = ActionBeneficiaries.objects.get(action=world.other_action)
    assert (other.year, other.total, other.girls, breakdown(other)) == (2024, 172, None, {})


def test_every_broken_rule_is_listed_with_its_row_and_column_and_nothing_changes(
    world, tmp_path, importtable
):
    beneficiaries(world.action, year=2024, total=100)
    rows = [
        HEADER,
        ["1.1", "2025", "-3", "", "", "", "", "", ""],
        ["1.1", "2026", "172", "100", "80", "", "", "", ""],
        ["1.1", "2027", "172", "", "", "", "150", "30", ""],
        ["1.1", "2028", "172", "", "", "", "", "", "Lycée : 12"],
        ["9.9", "2025", "10", "", "", "", "", "", ""],
        ["1.1", "2029", "50", "", "", "", "", "", "Maternelle : 40 ; Élémentaire : 20"],
        ["1.1", "2030", "50", "", "", "", "", "", "Maternelle 40"],
        ["1.1", "2024", "100", "", "", "", "", "", ""],
    ]
    before = snapshot()

    run = importtable("pedt-ivry", "beneficiaires", table_file(tmp_path, rows))

    assert run.code == 1
    for message in [
        "Ligne 2, colonne « Bénéficiaires » : nombre négatif : -3.",
        "Ligne 3, colonne « Filles » : les bénéficiaires par sexe (filles, garçons, non renseigné) "
        "dépassent le total.",
        "Ligne 4, colonne « En QPV » : les bénéficiaires en QPV et hors QPV dépassent le total.",
        "Ligne 5, colonne « Par public » : public inconnu : « Lycée ».",
        "Ligne 6, colonne « Code action » : action inconnue dans cette stratégie : « 9.9 ».",
        "Ligne 7, colonne « Par public » : Les bénéficiaires par public (60) dépassent le total de "
        "l'année (50).",
        "Ligne 8, colonne « Par public » : « Maternelle 40 » : écrire le public puis son nombre",
    ]:
        assert message in run.err
    assert "Ligne 9" not in run.err
    assert "Rien n'a été modifié." in run.err
    assert snapshot() == before


def test_a_duplicated_action_and_year_is_refused(world, tmp_path, importtable):
    rows = [HEADER[:3], ["1.1", "2025", "10"], ["1.1", "2025", "12"]]
    run = importtable("pedt-ivry", "beneficiaires", table_file(tmp_path, rows))
    assert run.code == 1
    assert "Ligne 3, colonne « Code action » : ligne en double" in run.err
    assert not ActionBeneficiaries.objects.exists()


def test_a_column_left_out_keeps_the_stored_counts_and_is_checked_with_them(world, tmp_path, importtable):
    beneficiaries(world.action, year=2025, total=172, girls=90, boys=80, by_audience={"3-6": 100})
    run = importtable(
        "pedt-ivry", "beneficiaires", table_file(tmp_path, [HEADER[:3], ["1.1", "2025", "180"]])
    )
    assert run.code == 0, run.err
    row = ActionBeneficiaries.objects.get()
    assert (row.total, row.girls, row.boys, breakdown(row)) == (180, 90, 80, {"3-6": 100})

    run = importtable("pedt-ivry", "beneficiaires", table_file(tmp_path, [HEADER[:3], ["1.1", "2025", "95"]]))
    assert run.code == 1
    assert "colonne « Filles » : les bénéficiaires par sexe" in run.err
    assert "Les bénéficiaires par public (100) dépassent le total de l'année (95)." in run.err
    row.refresh_from_db()
    assert row.total == 180


def _import_as(user, rows, strategy):
    resource = BeneficiariesResource(strategy=strategy, user=user)
    result = resource.import_data(read_table(csv_bytes(rows), "csv"), dry_run=False)
    return result_messages(result)


def test_a_pilot_imports_their_actions_beneficiaries_only(world):
    pilot = pilot_user(organisation=world.association, username="pilote-elan")
    before = snapshot()
    messages = _import_as(pilot, [HEADER[:3], ["2.1", "2025", "40"], ["1.1", "2025", "172"]], world.strategy)
    assert messages == [
        "Ligne 3, colonne « Code action » : Vous ne pouvez pas modifier l'action 1.1 : "
        "elle est pilotée par Ville d'Ivry-sur-Seine."
    ]
    assert snapshot() == before

    assert _import_as(pilot, [HEADER[:3], ["2.1", "2025", "40"]], world.strategy) == []
    assert ActionBeneficiaries.objects.get().action == world.other_action


@pytest.mark.parametrize("role", ["copil", "partenaire"])
def test_other_roles_import_no_beneficiaries(world, role):
    from tests.strategy.factories import UserFactory

    user = UserFactory(username=f"{role}-x", role=role)
    messages = _import_as(user, [HEADER[:3], ["2.1", "2025", "40"]], world.strategy)
    assert messages == ["Votre compte n'a pas le droit d'importer ce tableau."]
    assert not ActionBeneficiaries.objects.exists()


@pytest.mark.parametrize("kind", ["csv", "xlsx", "ods"])
def test_an_export_reimported_changes_nothing(world, tmp_path, importtable, exporttable, kind):
    beneficiaries(world.action, year=2024, total=172, girls=90, boys=80, by_audience={"3-6": 100, "6-11": 72})
    beneficiaries(world.action, year=2025, total=1754, in_priority_area=1200)
    exported = tmp_path / f"beneficiaires.{kind}"
    assert exporttable("pedt-ivry", "beneficiaires", exported).code == 0
    before = snapshot()

    run = importtable("pedt-ivry", "beneficiaires", exported)

    assert run.code == 0, run.err
    assert "0 ligne(s) créée(s), 0 mise(s) à jour, 2 inchangée(s)." in run.out
    assert snapshot() == before


def test_the_csv_export_writes_one_row_per_action_and_year_with_the_breakdown_in_one_cell(
    world, tmp_path, exporttable
):
    beneficiaries(world.action, year=2024, total=172, girls=90, boys=80, by_audience={"6-11": 72, "3-6": 100})
    exported = tmp_path / "beneficiaires.csv"
    exporttable("pedt-ivry", "beneficiaires", exported)
    dataset = read_table(exported.read_bytes(), "csv")
    assert list(dataset.headers) == HEADER
    assert list(dataset[0]) == [
        "1.1",
        "2024",
        "172",
        "90",
        "80",
        "",
        "",
        "",
        "Maternelle (3-6 ans) : 100 ; Élémentaire (6-11 ans) : 72",
    ]


def test_the_xlsx_export_types_the_counts_as_numbers(world, tmp_path, exporttable):
    import openpyxl

    beneficiaries(world.action, year=2024, total=1754)
    exported = tmp_path / "beneficiaires.xlsx"
    exporttable("pedt-ivry", "beneficiaires", exported)
    sheet = openpyxl.load_workbook(exported)["Bénéficiaires"]
    assert sheet["A2"].value == "1.1"
    assert sheet["C2"].value == 1754


def test_a_csv_typed_in_windows_1252_saved_by_libreoffice_as_ods_and_xlsx_imports(
    world, tmp_path, importtable, libreoffice
):
    rows = [
        HEADER,
        [
            "1.1",
            "2025",
            "1 754",
            "900",
            "850",
            "",
            "1 200",
            "",
            "Maternelle (3-6 ans) : 1 000 ; Élémentaire : 754",
        ],
    ]
    source = tmp_path / "beneficiaires.csv"
    source.write_bytes(csv_bytes(rows, encoding="cp1252"))
    for kind in ("ods", "xlsx"):
        ActionBeneficiaries.objects.all().delete()
        converted = libreoffice(source, kind, infilter=CSV_WINDOWS_1252_SEMICOLON)

        run = importtable("pedt-ivry", "beneficiaires", converted)

        assert run.code == 0, (kind, run.err)
        row = ActionBeneficiaries.objects.get()
        assert (row.total, row.girls, row.boys, row.in_priority_area) == (1754, 900, 850, 1200)
        assert breakdown(row) == {"3-6": 1000, "6-11": 754}


@pytest.mark.parametrize(("source", "target"), [("xlsx", "ods"), ("ods", "xlsx")])
def test_an_export_converted_by_libreoffice_reimports_unchanged(
    world, tmp_path, importtable, exporttable, libreoffice, source, target
):
    beneficiaries(world.action, year=2024, total=172, girls=90, boys=80, by_audience={"3-6": 100, "6-11": 72})
    exported = tmp_path / f"beneficiaires.{source}"
    exporttable("pedt-ivry", "beneficiaires", exported)
    converted = libreoffice(exported, target)
    before = snapshot()

    run = importtable("pedt-ivry", "beneficiaires", converted)

    assert run.code == 0, run.err
    assert "0 ligne(s) créée(s), 0 mise(s) à jour, 1 inchangée(s)." in run.out
    assert snapshot() == before


def test_the_admin_import_previews_then_imports_the_beneficiaries(world, client, admin_user):
    client.force_login(admin_user)
    url = reverse("admin:strategy_actionbeneficiaries_import")
    data = csv_bytes([HEADER[:3] + ["Par public"], ["1.1", "2025", "172", "Maternelle : 100"]])
    response = client.post(
        url,
        {"strategy": world.strategy.pk, "resource": "0", "import_file": SimpleUploadedFile("b.csv", data)},
    )
    assert response.status_code == 200
    assert "Création" in response.text
    assert "Maternelle (3-6 ans) : 100" in response.text
    assert not ActionBeneficiaries.objects.exists()
    form = response.context["confirm_form"]
    response = client.post(
        reverse("admin:strategy_actionbeneficiaries_process_import"),
        {name: form.initial.get(name, "") for name in form.fields},
    )
    assert response.status_code == 302
    row = ActionBeneficiaries.objects.get()
    assert (row.total, breakdown(row)) == (172, {"3-6": 100})


def test_the_admin_export_gives_the_table(world, client, admin_user):
    beneficiaries(world.action, year=2024, total=172)
    client.force_login(admin_user)
    response = client.post(
        reverse("admin:strategy_actionbeneficiaries_export"), {"format": "0", "resource": "0"}
    )
    assert response.status_code == 200, response.text[:500]
    dataset = read_table(response.content, "xlsx", ["Bénéficiaires"])
    assert list(dataset.headers) == HEADER
    assert list(dataset[0])[:3] == ["1.1", 2024, 172]
