"""Organisation names in an import are matched among the strategy's territory and the State's only:
another city's funder or pilot is refused in French with its row and column, and nothing changes."""

import pytest

from actors.enums import OrganisationKind
from actors.models import Organisation
from strategy.enums import PartnerRole
from strategy.models import BudgetLine
from tests.actors.factories import OrganisationFactory
from tests.strategy.factories import (
    ActionFactory,
    AxisFactory,
    BudgetLineFactory,
    StrategyFactory,
    TerritoryFactory,
)
from tests.strategy.imports.files import snapshot, table_file

LINE_HEADER = ["Code action", "Année", "Financeur", "Montant prévu", "Montant réalisé", "Étape"]
ACTION_HEADER = ["Code", "Titre", "Axe", "Structure pilote"]


@pytest.fixture
def vitry(world):
    """Another city's strategy, with its own funder, pilot and partner, and the Préfecture."""
    territory = TerritoryFactory(name="Vitry-sur-Seine", slug="vitry-sur-seine")
    strategy = StrategyFactory(territory=territory, slug="pedt-vitry", title="PEDT de Vitry")
    pilot = OrganisationFactory(name="Ville de Vitry-sur-Seine", slug="ville-vitry")
    action = ActionFactory(strategy=strategy, axis=AxisFactory(strategy=strategy, number=1), pilot=pilot)
    funder = OrganisationFactory(name="Fondation Vitry Jeunesse", slug="fondation-vitry")
    BudgetLineFactory(action=action, funder=funder, year=2025)
    partner = OrganisationFactory(name="Compagnie des Lilas", slug="compagnie-lilas")
    action.partners.add(partner, through_defaults={"role": PartnerRole.OPERATOR})
    prefecture = OrganisationFactory(
        name="Préfecture du Val-de-Marne", slug="prefecture-94", kind=OrganisationKind.STATE
    )
    BudgetLineFactory(action=action, funder=prefecture, year=2025)
    return {"funder": funder, "pilot": pilot, "partner": partner, "prefecture": prefecture}


def test_a_funding_file_naming_another_citys_funder_is_refused_and_changes_nothing(
    world, vitry, tmp_path, importtable
):
    path = table_file(
        tmp_path,
        [
            LINE_HEADER,
            ["1.1", "2026", "CAF", "100", "0", "Demandé"],
            ["1.1", "2026", "Fondation Vitry Jeunesse", "1 000", "0", "Demandé"],
        ],
        "xlsx",
    )
    before = snapshot()

    run = importtable("pedt-ivry", "financements", path)

    assert run.code == 1
    assert "Ligne 3, colonne « Financeur »" in run.err
    assert "organisation inconnue sur le territoire de la stratégie : « Fondation Vitry Jeunesse »" in run.err
    assert snapshot() == before


def test_an_actions_file_naming_another_citys_pilot_is_refused(world, vitry, tmp_path, importtable):
    path = table_file(
        tmp_path, [ACTION_HEADER, ["3.1", "Coup de pouce", "1", "Ville de Vitry-sur-Seine"]], "ods"
    )
    before = snapshot()

    run = importtable("pedt-ivry", "actions", path)

    assert run.code == 1
    assert "Ligne 2, colonne « Structure pilote »" in run.err
    assert "organisation inconnue sur le territoire de la stratégie" in run.err
    assert snapshot() == before


def test_the_states_services_and_a_new_organisation_may_be_named_anywhere(
    world, vitry, tmp_path, importtable
):
    OrganisationFactory(name="Maison des Solidarités", slug="maison-solidarites")
    path = table_file(
        tmp_path,
        [
            LINE_HEADER,
            ["1.1", "2026", "Préfecture du Val-de-Marne", "5 000", "0", "Demandé"],
            ["1.1", "2026", "Maison des Solidarités", "1 000", "0", "Demandé"],
        ],
    )

    run = importtable("pedt-ivry", "financements", path)

    assert run.code == 0, run.err
    funders = set(
        BudgetLine.objects.filter(action=world.action, year=2026).values_list("funder__name", flat=True)
    )
    assert funders == {"Préfecture du Val-de-Marne", "Maison des Solidarités"}


def test_the_rule_keeps_each_citys_own_and_shared_organisations(world, vitry):
    usable = set(Organisation.objects.usable_in(world.territory).values_list("slug", flat=True))

    assert {"ville-ivry", "caf", "association-elan", "prefecture-94"} <= usable
    assert not usable & {"ville-vitry", "fondation-vitry", "compagnie-lilas"}
