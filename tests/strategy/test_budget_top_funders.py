"""The bounded funding table: each year's main funders, the others in one row, totals exact."""

from decimal import Decimal

import pytest

from strategy.models import BudgetLine
from strategy.models.budget import OTHER_FUNDERS
from tests.actors.factories import OrganisationFactory
from tests.strategy.factories import ActionFactory, BudgetLineFactory

pytestmark = pytest.mark.django_db


def funding(funders=12, years=(2024, 2025)):
    action = ActionFactory()
    organisations = [OrganisationFactory(name=f"Financeur {number:02d}") for number in range(funders)]
    for year in years:
        for number, organisation in enumerate(organisations):
            BudgetLineFactory(
                action=action,
                year=year,
                funder=organisation,
                planned_amount=Decimal(1000 * (number + 1)) + Decimal("0.25"),
                executed_amount=Decimal(100 * number) if number % 2 else Decimal(0),
            )
    return BudgetLine.objects.filter(action=action)


def test_each_year_names_its_main_funders_largest_first_then_the_others():
    rows = funding().totals_by_top_funders_and_year(top=3)
    assert [(row["year"], str(row["funder__name"])) for row in rows] == [
        (2024, "Financeur 11"),
        (2024, "Financeur 10"),
        (2024, "Financeur 09"),
        (2024, str(OTHER_FUNDERS)),
        (2025, "Financeur 11"),
        (2025, "Financeur 10"),
        (2025, "Financeur 09"),
        (2025, str(OTHER_FUNDERS)),
    ]


def test_the_totals_of_each_year_are_those_of_every_line(django_assert_num_queries):
    lines = funding()
    full = list(lines.totals_by_funder_and_year())
    with django_assert_num_queries(2):  # each year's top funders (a window), each year's totals
        bounded = lines.totals_by_top_funders_and_year(top=3)
    for year in (2024, 2025):
        for amount in ("planned", "executed"):
            expected = sum(row[amount] or 0 for row in full if row["year"] == year)
            assert sum(row[amount] or 0 for row in bounded if row["year"] == year) == expected
    others = [row for row in bounded if row["funder__name"] == OTHER_FUNDERS]
    assert others[0]["planned"] == sum(Decimal(1000 * (n + 1)) + Decimal("0.25") for n in range(9))


def test_no_others_row_when_every_funder_is_named():
    rows = funding(funders=3).totals_by_top_funders_and_year(top=8)
    assert OTHER_FUNDERS not in [row["funder__name"] for row in rows]
    assert len(rows) == 6
