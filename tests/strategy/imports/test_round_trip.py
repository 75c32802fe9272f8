"""An export re-imported changes nothing, for the three tables and the three formats."""

from decimal import Decimal

import pytest

from strategy.enums import FundingStage
from tests.indicators.factories import MeasurementFactory
from tests.strategy.factories import ActionFactory, BudgetLineFactory
from tests.strategy.imports.files import snapshot

ROWS = {"actions": 3, "financements": 2, "mesures": 4}


@pytest.fixture
def world_with_formulas(world):
    """Texts a spreadsheet would run as formulas, entered in the back office."""
    action = ActionFactory(
        strategy=world.strategy,
        axis=world.axis2,
        code="2.2",
        title='=HYPERLINK("http://x.example")',
        summary="-5 % d'absentéisme",
        description="@Ville\tmixte",
        pilot=world.caf,
        start_date=None,
        end_date=None,
    )
    BudgetLineFactory(
        action=action,
        year=2025,
        funder=world.city,
        planned_amount=Decimal("0.10"),
        executed_amount=Decimal("0"),
        stage=FundingStage.PAID,
        file_reference="+33 1 23",
    )
    MeasurementFactory(indicator=world.indicator, period="2024-T2", value=Decimal("-3.5"), comment="=1+1")
    return world


@pytest.mark.parametrize("kind", ["csv", "xlsx", "ods"])
@pytest.mark.parametrize("table", ROWS)
def test_an_exported_table_reimported_changes_nothing(
    table, kind, world_with_formulas, tmp_path, importtable, exporttable
):
    path = tmp_path / f"{table}.{kind}"
    exported = exporttable("pedt-ivry", table, path)
    assert exported.code == 0, exported.err
    before = snapshot()

    run = importtable("pedt-ivry", table, path)

    assert run.code == 0, run.err
    assert f"0 ligne(s) créée(s), 0 mise(s) à jour, {ROWS[table]} inchangée(s)." in run.out
    assert snapshot() == before


def test_the_csv_export_escapes_formulas_and_is_utf8_with_bom_and_semicolons(
    world_with_formulas, tmp_path, exporttable
):
    path = tmp_path / "actions.csv"

    exporttable("pedt-ivry", "actions", path)

    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbfCode;Titre;Axe;")
    text = data.decode("utf-8-sig")
    assert "'=HYPERLINK(" in text
    assert ";'-5 % d'absentéisme;'@Ville\tmixte;" in text
    assert ";2024-09-01;2026-07-04" in text  # ISO dates, which no spreadsheet locale swaps


def test_the_funding_export_writes_french_amounts_and_stage_labels(
    world_with_formulas, tmp_path, exporttable
):
    path = tmp_path / "financements.csv"

    exporttable("pedt-ivry", "financements", path)

    lines = path.read_bytes().decode("utf-8-sig").splitlines()
    assert lines == [
        "Code action;Année;Financeur;Montant prévu;Montant réalisé;Étape;Référence dossier;"
        "Source;Précision source;Montant notifié",
        "1.1;2024;Caisse d'allocations familiales;12500,50;2500,00;Notifié;CAF-2024-17;;;",
        "2.2;2025;Ville d'Ivry-sur-Seine;0,10;0,00;Versé;'+33 1 23;;;",
    ]


def test_an_export_to_an_unsupported_format_is_refused(world, tmp_path, exporttable):
    run = exporttable("pedt-ivry", "actions", tmp_path / "actions.pdf")

    assert run.code == 1
    assert "Format de fichier non pris en charge : « actions.pdf »" in run.err
    assert not (tmp_path / "actions.pdf").exists()


def test_the_export_reads_each_table_in_a_fixed_number_of_queries(world, django_assert_num_queries):
    from indicators.resources import MeasurementResource
    from strategy.budget_resources import BudgetLineResource
    from strategy.resources import ActionResource

    ActionFactory.create_batch(5, strategy=world.strategy, axis=world.axis1, pilot=world.caf)
    # the paginator's count, the actions, then partners, audiences, neighbourhoods and sectors
    with django_assert_num_queries(6):
        assert len(ActionResource(strategy=world.strategy).export()) == 7
    with django_assert_num_queries(1):
        BudgetLineResource(strategy=world.strategy).export()
    with django_assert_num_queries(1):
        MeasurementResource(strategy=world.strategy).export()
