"""The co-funding warning: on the strategy's change page and on coordination's admin home."""

import html
import re
from decimal import Decimal

import pytest

from strategy.enums import FundingSource, FundingStage
from strategy.models import BudgetLine
from tests.actors.factories import OrganisationFactory
from tests.strategy.factories import ActionFactory, BudgetLineFactory, StrategyFactory


def flat(page):
    """The page's text with its (narrow) no-break spaces as plain spaces."""
    return re.sub("[\u00a0\u202f]", " ", html.unescape(page))


@pytest.fixture
def cite(db):
    strategy = StrategyFactory(title="Cité éducative du Plateau", cofunding_ratio=Decimal("1"))
    action = ActionFactory(strategy=strategy)
    city, state, caf = (OrganisationFactory() for _ in range(3))
    other_state = OrganisationFactory()

    def line(year, funder, source, planned, notified=None):
        BudgetLineFactory(
            action=action,
            year=year,
            funder=funder,
            source=source,
            planned_amount=Decimal(planned),
            notified_amount=None if notified is None else Decimal(notified),
            stage=FundingStage.NOTIFIED if notified is not None else FundingStage.REQUESTED,
        )

    line(2024, state, FundingSource.PROGRAMME_147, "10000")
    line(2024, city, FundingSource.COMMUNE, "10000")
    line(2025, state, FundingSource.PROGRAMME_147, "30000")
    line(2025, other_state, FundingSource.CITE_FUND, "15000", notified="10000")  # notified counts
    line(2025, city, FundingSource.COMMUNE, "12000")
    line(2025, caf, FundingSource.CAF, "5000")  # neither the State nor the commune
    return strategy


def expected_2025(strategy):
    """The 2025 figures recomputed from the rows: notified where known, else planned."""
    lines = BudgetLine.objects.filter(action__strategy=strategy, year=2025)

    def amount(line):
        return line.notified_amount if line.notified_amount is not None else line.planned_amount

    state = sum(amount(line) for line in lines if line.source in FundingSource.state_sources())
    commune = sum(amount(line) for line in lines if line.source == FundingSource.COMMUNE)
    return state, commune, state * strategy.cofunding_ratio - commune


def test_the_strategy_change_page_warns_of_the_year_whose_commune_share_is_short(
    cite, client, coordination_user
):
    state, commune, shortfall = expected_2025(cite)
    assert (state, commune, shortfall) == (40000, 12000, 28000)
    client.force_login(coordination_user)

    page = flat(client.get(f"/admin/strategy/strategy/{cite.pk}/change/").content.decode())

    assert (
        "En 2025, la commune apporte 12 000 € pour 40 000 € de l'État : "
        "28 000 € de moins que la part attendue (40 000 €)."
    ) in page
    assert "En 2024" not in page  # met: 10 000 € for 10 000 €


def test_the_warning_disappears_once_the_commune_puts_in_its_share(cite, client, coordination_user):
    BudgetLine.objects.filter(year=2025, source=FundingSource.COMMUNE).update(planned_amount=40000)
    client.force_login(coordination_user)

    page = flat(client.get(f"/admin/strategy/strategy/{cite.pk}/change/").content.decode())

    assert "de moins que la part attendue" not in page


def test_a_strategy_without_a_rule_is_never_warned(cite, client, coordination_user):
    cite.cofunding_ratio = None
    cite.save()
    client.force_login(coordination_user)

    assert "part attendue" not in client.get(f"/admin/strategy/strategy/{cite.pk}/change/").content.decode()
    assert "part attendue" not in client.get("/admin/").content.decode()


@pytest.mark.parametrize("role", ["coordination_user", "copil_user"])
def test_the_admin_home_lists_the_strategies_short_of_co_funding(cite, client, role, request):
    client.force_login(request.getfixturevalue(role))

    page = flat(client.get("/admin/").content.decode())

    assert "Cofinancement de la commune insuffisant" in page
    assert "Cité éducative du Plateau" in page
    assert "En 2025, la commune apporte 12 000 € pour 40 000 € de l'État" in page
