"""Large lists stay bounded: the actors' actions, the indicators' latest values, the funding table."""

from decimal import Decimal

import pytest

from strategy.enums import ActionStatus, PartnerRole
from strategy.models import ActionPartner
from tests.actors.factories import OrganisationFactory
from tests.indicators.factories import IndicatorFactory, MeasurementFactory
from tests.strategy.factories import ActionFactory, BudgetLineFactory, StrategyFactory

pytestmark = pytest.mark.django_db


def test_the_actors_page_counts_only_the_actions_a_visitor_may_see(client):
    strategy = StrategyFactory()
    busy = OrganisationFactory(name="Maison des solidarités", slug="maison-des-solidarites")
    first = ActionFactory(strategy=strategy, pilot=busy, title="Action visible 1")
    other = OrganisationFactory(name="Service jeunesse")
    for number in range(2, 11):
        action = ActionFactory(strategy=strategy, axis=first.axis, pilot=other, title=f"Soutenue {number}")
        ActionPartner.objects.create(action=action, organisation=busy, role=PartnerRole.PARTNER)
    ActionFactory(strategy=strategy, axis=first.axis, pilot=busy, status=ActionStatus.PROPOSED, title="Caché")
    page = client.get(f"/strategies/{strategy.slug}/acteurs/").content.decode()
    card = page.split('id="maison-des-solidarites"')[1].split('<li class="card"')[0]
    assert "Pilote 1 action" in card
    assert "Soutient 9 actions" in card
    assert card.count("Soutenue ") == 8
    assert "Caché" not in page
    assert f"/strategies/{strategy.slug}/actions/?partenaire=maison-des-solidarites" in page


def test_the_indicators_list_shows_each_indicator_s_latest_published_value(client):
    strategy = StrategyFactory()
    indicator = IndicatorFactory(strategy=strategy, code="I1", name="Places en crèche", unit="places")
    for period, value in (("2021", 180), ("2023", 237), ("2022", 210)):
        MeasurementFactory(indicator=indicator, period=period, value=Decimal(value))
    page = client.get(f"/strategies/{strategy.slug}/indicateurs/").content.decode()
    assert "237" in page and "(2023)" in page
    assert "(2022)" not in page and "(2021)" not in page


def test_the_indicators_list_is_paginated(client):
    strategy = StrategyFactory()
    for number in range(55):
        IndicatorFactory(strategy=strategy, code=f"I{number:02d}", name=f"Indicateur numéro {number:02d}")
    url = f"/strategies/{strategy.slug}/indicateurs/"
    first = client.get(url).content.decode()
    assert first.count("Indicateur numéro") == 50
    assert "55 indicateurs · page 1 sur 2" in first
    second = client.get(url, {"page": 2}).content.decode()
    assert second.count("Indicateur numéro") == 5 and "Indicateur numéro 54" in second


def test_the_strategy_page_funding_table_is_bounded_and_keeps_exact_totals(client):
    strategy = StrategyFactory()
    action = ActionFactory(strategy=strategy)
    for number in range(20):
        funder = OrganisationFactory(name=f"Financeur {number:02d}")
        BudgetLineFactory(
            action=action, year=2024, funder=funder, planned_amount=Decimal(1000), executed_amount=0
        )
    response = client.get(f"/strategies/{strategy.slug}/")
    chart = response.context["budget_chart"]
    assert len(chart.rows) == 9  # eight funders, then the others
    assert chart.rows[-1][0] == "Autres financeurs"
    assert chart.rows[-1][2] == "12\u202f000\xa0€"
    html = response.content.decode()
    assert "20 financeurs" in html
    assert "20\u202f000\xa0€ prévus" in chart.description
