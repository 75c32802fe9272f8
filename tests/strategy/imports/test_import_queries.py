"""An import reads its lookups once: the number of queries does not grow with the rows."""

from shared.spreadsheets import read_table
from strategy.budget_resources import BudgetLineResource
from tests.strategy.factories import ActionFactory
from tests.strategy.imports.files import csv_bytes


def funding_rows(actions, count):
    header = ["Code action", "Année", "Financeur", "Montant prévu", "Montant réalisé", "Étape"]
    years = range(2020, 2020 + count // len(actions) + 1)
    rows = [[action.code, str(year), "CAF", "100", "0", "Demandé"] for year in years for action in actions]
    return [header, *rows[:count]]


def test_a_funding_import_runs_a_fixed_number_of_queries(world, django_assert_max_num_queries):
    actions = ActionFactory.create_batch(10, strategy=world.strategy, axis=world.axis1, pilot=world.caf)
    dataset = read_table(csv_bytes(funding_rows(actions, 60)), "csv")

    # 9 savepoints and releases, the lookups (actions, organisations, existing lines), one bulk
    # insert of the lines and one of their history rows: none per row
    with django_assert_max_num_queries(15):
        result = BudgetLineResource(strategy=world.strategy, preview=False).import_data(dataset)
    assert result.totals["new"] == 60

    # the same without the two inserts and their savepoints
    with django_assert_max_num_queries(11):
        result = BudgetLineResource(strategy=world.strategy, preview=False).import_data(dataset)
    assert result.totals["skip"] == 60
