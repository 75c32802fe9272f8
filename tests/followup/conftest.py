"""A round's world: pilot organisations of one strategy, their pilots, and an outsider; and a PEDT
with an open round for the pilot's pages."""

from decimal import Decimal

import pytest

from followup import rounds
from indicators.enums import Frequency, IndicatorKind
from tests.actors.factories import ContactFactory, OrganisationFactory
from tests.followup.factories import ReportingRoundFactory, open_round_of
from tests.indicators.factories import IndicatorFactory, MeasurementFactory
from tests.strategy.factories import (
    ActionFactory,
    BudgetLineFactory,
    StrategyFactory,
    UserFactory,
    audience,
    pilot_user,
)


@pytest.fixture
def round_world(db, coordination_user):
    """« Jeunesse » pilots two actions and has two pilot accounts (one without an address),
    « Culture » one action and one pilot, « Sport » one action and no account at all; « Santé »
    pilots an action of another strategy. The round is in preparation."""
    strategy = StrategyFactory(title="Projet éducatif de Villeneuve")
    other_strategy = StrategyFactory(title="Autre projet")
    youth = OrganisationFactory(name="Direction de la jeunesse")
    culture = OrganisationFactory(name="Direction de la culture")
    sport = OrganisationFactory(name="Direction des sports")
    health = OrganisationFactory(name="Direction de la santé")
    actions = {
        "youth_1": ActionFactory(strategy=strategy, pilot=youth, code="2.1", title="Stages de collégiens"),
        "youth_2": ActionFactory(strategy=strategy, pilot=youth, code="2.2", title="Coup de pouce"),
        "culture": ActionFactory(strategy=strategy, pilot=culture, code="3.1", title="Un film par an"),
        "sport": ActionFactory(strategy=strategy, pilot=sport, code="4.1", title="Ivry aime le sport"),
        "health": ActionFactory(strategy=other_strategy, pilot=health, code="5.1", title="Santé"),
    }
    users = {
        "youth": pilot_user(
            organisation=youth, username="pilote-jeunesse", first_name="Karim", last_name="Haddad"
        ),
        "youth_no_mail": pilot_user(organisation=youth, username="pilote-sans-adresse", email=""),
        "culture": pilot_user(organisation=culture, username="pilote-culture"),
        "health": pilot_user(organisation=health, username="pilote-sante"),
        "coordination": coordination_user,
    }
    # A partner of the youth department: linked to it, but not a pilot: round mail is not for them.
    partner = UserFactory(username="partenaire-jeunesse")
    ContactFactory(organisation=youth, user=partner)
    round = ReportingRoundFactory(strategy=strategy)
    return {
        "strategy": strategy,
        "round": round,
        "organisations": {"youth": youth, "culture": culture, "sport": sport, "health": health},
        "actions": actions,
        "users": users,
    }


@pytest.fixture
def open_world(round_world):
    """The round opened (without its opening mail, so each test counts only its own)."""
    rounds.open_round(round_world["round"], round_world["users"]["coordination"], send_mail=False)
    round_world["round"].refresh_from_db()
    return round_world


def report_of(world, key):
    return world["round"].reports.get(action=world["actions"][key])


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
