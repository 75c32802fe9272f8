"""A pilot imports only the rows of the actions their organisation pilots; nothing else changes."""

import pytest

from indicators.resources import MeasurementResource
from shared.spreadsheets import read_table
from shared.tables import result_messages
from strategy.budget_resources import BudgetLineResource
from strategy.resources import ActionResource
from tests.strategy.factories import pilot_user
from tests.strategy.imports.files import csv_bytes, snapshot


def import_as(user, resource_class, rows, strategy):
    resource = resource_class(strategy=strategy, user=user)
    result = resource.import_data(
        read_table(csv_bytes(rows), "csv"),
        dry_run=False,
        use_transactions=True,
        rollback_on_validation_errors=True,
    )
    return result, result_messages(result)


ACTION_HEADER = ["Code", "Titre", "Axe", "Structure pilote", "Statut"]


@pytest.fixture
def association_pilot(world):
    return pilot_user(organisation=world.association, username="pilote-elan")


def test_a_pilot_cannot_import_into_an_action_of_another_organisation(world, association_pilot):
    rows = [
        ACTION_HEADER,
        ["2.1", "Radio Cartable", "2", "Association Élan", "Réalisée"],
        ["1.1", "Parcours culturel", "1", "Ville", "Abandonnée"],
    ]
    before = snapshot()

    result, messages = import_as(association_pilot, ActionResource, rows, world.strategy)

    assert messages == [
        "Ligne 3, colonne « Code » : Vous ne pouvez pas modifier l'action 1.1 : "
        "elle est pilotée par Ville d'Ivry-sur-Seine."
    ]
    assert snapshot() == before


def test_a_pilot_cannot_create_an_action(world, association_pilot):
    rows = [ACTION_HEADER, ["2.9", "Nouvelle action", "2", "Association Élan", "Proposée"]]
    before = snapshot()

    _result, messages = import_as(association_pilot, ActionResource, rows, world.strategy)

    assert "Vous ne pouvez pas créer l'action 2.9" in messages[0]
    assert snapshot() == before


def test_a_pilot_cannot_import_the_budget_lines_of_another_organisation(world, association_pilot):
    rows = [["Code action", "Année", "Financeur", "Montant prévu"], ["1.1", "2026", "CAF", "10"]]
    before = snapshot()

    _result, messages = import_as(association_pilot, BudgetLineResource, rows, world.strategy)

    assert messages == [
        "Ligne 2, colonne « Code action » : Vous ne pouvez pas modifier l'action 1.1 : "
        "elle est pilotée par Ville d'Ivry-sur-Seine."
    ]
    assert snapshot() == before


def test_a_pilot_cannot_import_measurements_of_an_indicator_of_another_organisation(world, association_pilot):
    rows = [["Code indicateur", "Période", "Valeur"], ["I1", "2026", "12"]]
    before = snapshot()

    _result, messages = import_as(association_pilot, MeasurementResource, rows, world.strategy)

    assert "Vous ne pouvez pas modifier l'indicateur I1" in messages[0]
    assert snapshot() == before


def test_a_pilot_updates_their_own_action_and_its_lines(world, association_pilot):
    result, messages = import_as(
        association_pilot,
        ActionResource,
        [ACTION_HEADER, ["2.1", "Radio Cartable", "2", "Association Élan", "Réalisée"]],
        world.strategy,
    )
    assert messages == []
    assert result.totals["update"] == 1
    world.other_action.refresh_from_db()
    assert world.other_action.status == "done"

    result, messages = import_as(
        association_pilot,
        MeasurementResource,
        [["Code indicateur", "Période", "Appréciation"], ["Q1", "2024", "Insuffisant"]],
        world.strategy,
    )
    assert messages == []
    assert world.qualitative.measurements.get(period="2024").entered_by == association_pilot


def test_a_partner_may_import_nothing(world, partner_user):
    rows = [ACTION_HEADER, ["2.1", "Radio Cartable", "2", "Association Élan", "Réalisée"]]
    before = snapshot()

    _result, messages = import_as(partner_user, ActionResource, rows, world.strategy)

    assert messages == ["Votre compte n'a pas le droit d'importer ce tableau."]
    assert snapshot() == before


def test_coordination_imports_everything(world, coordination_user):
    rows = [ACTION_HEADER, ["1.1", "Parcours culturel des écoliers", "1", "Ville", "Réalisée"]]

    result, messages = import_as(coordination_user, ActionResource, rows, world.strategy)

    assert messages == []
    assert result.totals["update"] == 1


def test_the_admin_import_form_offers_a_pilot_only_the_strategies_they_pilot_actions_in(
    world, association_pilot
):
    from shared.spreadsheets import TABLE_FORMATS
    from strategy.import_admin import StrategyImportForm
    from tests.strategy.factories import StrategyFactory

    StrategyFactory(title="Une autre stratégie")

    form = StrategyImportForm(TABLE_FORMATS, [ActionResource], user=association_pilot)

    assert list(form.fields["strategy"].queryset) == [world.strategy]
