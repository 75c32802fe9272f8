from decimal import Decimal

import pytest

from indicators.enums import Frequency, IndicatorKind
from tests.actors.factories import OrganisationFactory
from tests.followup.factories import open_round_of
from tests.indicators.factories import IndicatorFactory, MeasurementFactory
from tests.strategy.factories import ActionFactory, BudgetLineFactory, StrategyFactory, audience, pilot_user


@pytest.fixture
def world(db):
    return build_world()


def build_world(more_actions=()):
    """A PEDT of 2023-09 to 2026-08 with two pilot organisations and an open round 2025-2026.

    « Maison de quartier » pilots action 1.1 (two budget lines in 2025, two audiences, a yearly
    indicator with 2023 entered, a qualitative school-year indicator with nothing entered);
    « Ludothèque » pilots 1.2.
    """
    strategy = StrategyFactory(title="PEDT de Villeneuve", slug="pedt-villeneuve")
    own = OrganisationFactory(name="Maison de quartier", slug="maison-de-quartier")
    other = OrganisationFactory(name="Ludothèque", slug="ludotheque")
    action = ActionFactory(strategy=strategy, pilot=own, code="1.1", title="Ateliers du soir", progress=20)
    action.audiences.add(audience("6-11"), audience("11-15"))
    other_action = ActionFactory(strategy=strategy, pilot=other, code="1.2", title="Jeux en famille")
    caf = OrganisationFactory(name="CAF", slug="caf")
    city = OrganisationFactory(name="Ville", slug="ville")
    caf_line = BudgetLineFactory(
        action=action, year=2025, funder=caf, planned_amount=Decimal("15000"), executed_amount=Decimal("0")
    )
    city_line = BudgetLineFactory(
        action=action, year=2025, funder=city, planned_amount=Decimal("8000"), executed_amount=Decimal("1000")
    )
    BudgetLineFactory(action=action, year=2024, funder=caf)
    counted = IndicatorFactory(
        strategy=strategy, code="E1", name="Enfants inscrits", frequency=Frequency.YEARLY, unit="enfants"
    )
    counted.actions.add(action)
    MeasurementFactory(indicator=counted, period="2023", value=Decimal("40"))
    climate = IndicatorFactory(
        strategy=strategy,
        code="Q1",
        name="Climat des ateliers",
        kind=IndicatorKind.QUALITATIVE,
        frequency=Frequency.SCHOOL_YEAR,
        unit="",
    )
    climate.actions.add(action)
    for code, title in more_actions:
        extra = ActionFactory(strategy=strategy, pilot=own, code=code, title=title)
        counted.actions.add(extra)
    round = open_round_of(strategy)
    return {
        "strategy": strategy,
        "round": round,
        "own": own,
        "other": other,
        "action": action,
        "other_action": other_action,
        "caf_line": caf_line,
        "city_line": city_line,
        "counted": counted,
        "climate": climate,
        "pilot": pilot_user(organisation=own, username="pilote-maison"),
        "other_pilot": pilot_user(organisation=other, username="pilote-ludo"),
    }
