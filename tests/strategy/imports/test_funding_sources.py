"""The funding table's State columns: the source, its detail and the notified amount."""

from decimal import Decimal

from strategy.enums import FundingSource
from strategy.models import BudgetLine

HEADER = (
    "Code action;Année;Financeur;Montant prévu;Étape;Référence dossier;"
    "Source;Précision source;Montant notifié"
)


def write(tmp_path, *rows):
    path = tmp_path / "financements.csv"
    path.write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")
    return path


def test_sources_are_read_by_their_usual_names_and_notified_amounts_the_french_way(
    world, tmp_path, importtable
):
    path = write(
        tmp_path,
        "1.1;2025;CAF;12 500,50;Notifié;DAUPHIN-2025-00123;Programme 147;;10 000,00 €",
        "1.1;2025;Ville d'Ivry-sur-Seine;7 250;Demandé;;commune;;",
        "2.1;2025;CAF;3 500;Demandé;;Droit commun;Éducation nationale (PRE);",
    )

    run = importtable("pedt-ivry", "financements", path)

    assert run.code == 0, run.err
    lines = {
        (line.action.code, line.funder.short_name): line
        for line in BudgetLine.objects.filter(year=2025).select_related("action", "funder")
    }
    p147 = lines["1.1", "CAF"]
    assert (p147.source, p147.notified_amount, p147.file_reference) == (
        FundingSource.PROGRAMME_147,
        Decimal("10000.00"),
        "DAUPHIN-2025-00123",
    )
    commune = lines["1.1", "Ville"]
    assert commune.source == FundingSource.COMMUNE and commune.notified_amount is None
    common_law = lines["2.1", "CAF"]
    assert common_law.source == FundingSource.STATE_COMMON_LAW
    assert common_law.source_detail == "Éducation nationale (PRE)"


def test_the_export_writes_the_source_label_and_re_imports_unchanged(
    world, tmp_path, importtable, exporttable
):
    importtable(
        "pedt-ivry", "financements", write(tmp_path, "1.1;2025;CAF;100;Notifié;;Fonds de la cité;;90")
    )
    exported = tmp_path / "export.csv"

    exporttable("pedt-ivry", "financements", exported)

    text = exported.read_bytes().decode("utf-8-sig")
    assert "1.1;2025;Caisse d'allocations familiales;100,00;0,00;Notifié;;Fonds de la cité;;90,00" in text
    again = importtable("pedt-ivry", "financements", exported)
    assert again.code == 0, again.err
    assert "0 ligne(s) créée(s), 0 mise(s) à jour, 2 inchangée(s)." in again.out
    assert (
        BudgetLine.objects.get(year=2025, action__code="1.1", funder__short_name="CAF").notified_amount == 90
    )


def test_an_unknown_source_is_refused_with_its_row_and_column_and_nothing_changes(
    world, tmp_path, importtable
):
    before = list(BudgetLine.objects.values_list("pk", "source", "planned_amount"))

    run = importtable(
        "pedt-ivry", "financements", write(tmp_path, "1.1;2025;CAF;100;Demandé;;Loto du patrimoine;;")
    )

    assert run.code == 1
    assert "Ligne 2, colonne « Source »" in run.err
    assert "source de financement inconnue : « Loto du patrimoine »" in run.err
    assert list(BudgetLine.objects.values_list("pk", "source", "planned_amount")) == before
