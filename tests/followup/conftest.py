"""A round's world: three pilot organisations of one strategy, their pilots, and an outsider."""

import pytest

from followup import rounds
from tests.actors.factories import ContactFactory, OrganisationFactory
from tests.followup.factories import ReportingRoundFactory
from tests.strategy.factories import ActionFactory, StrategyFactory, UserFactory, pilot_user


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
