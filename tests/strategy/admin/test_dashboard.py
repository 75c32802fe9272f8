"""The admin home shows each role what is waiting for them."""

import datetime

import pytest
from django.utils import timezone

from indicators.enums import Frequency
from indicators.periods import label_of, owed_periods
from strategy.enums import ActionStatus
from tests.indicators.factories import IndicatorFactory, MeasurementFactory
from tests.strategy.factories import ActionFactory, ContributionFactory, pilot_user


@pytest.mark.parametrize(
    ("frequency", "today", "period"),
    [
        (Frequency.YEARLY, datetime.date(2025, 11, 20), "2025"),
        (Frequency.SCHOOL_YEAR, datetime.date(2025, 11, 20), "2025-2026"),
        (Frequency.SCHOOL_YEAR, datetime.date(2026, 3, 2), "2025-2026"),
        (Frequency.SCHOOL_YEAR, datetime.date(2026, 9, 1), "2026-2027"),
        (Frequency.TERM, datetime.date(2026, 5, 31), "2026-T2"),
        (Frequency.ONCE, datetime.date(2026, 5, 31), None),
    ],
)
def test_the_period_of_a_day_follows_the_indicator_frequency(frequency, today, period):
    assert label_of(frequency, today) == period


@pytest.mark.django_db
def test_pilot_home_lists_their_actions_and_indicators_missing_an_owed_period(
    client, django_assert_max_num_queries
):
    own = ActionFactory(title="Ateliers du soir")
    other = ActionFactory(title="Action d'une autre structure")
    missing = IndicatorFactory(name="Places en accueil du soir", frequency=Frequency.YEARLY)
    filled = IndicatorFactory(name="Enfants inscrits", frequency=Frequency.SCHOOL_YEAR)
    unpublished = IndicatorFactory(name="Indicateur interne", is_public=False)
    elsewhere = IndicatorFactory(name="Indicateur d'autrui")
    for indicator in (missing, filled, unpublished):
        indicator.actions.add(own)
    elsewhere.actions.add(other)
    today = timezone.localdate()
    for period in owed_periods(Frequency.SCHOOL_YEAR, filled.strategy, today):
        MeasurementFactory(indicator=filled, period=period)
    MeasurementFactory(indicator=missing, period="2000")
    owed = owed_periods(Frequency.YEARLY, missing.strategy, today)
    client.force_login(pilot_user(organisation=own.pilot))

    with django_assert_max_num_queries(20):
        page = client.get("/admin/").content.decode()

    assert "Ateliers du soir" in page
    assert "Action d'une autre structure" not in page
    assert "Places en accueil du soir" in page
    assert f"aucune valeur pour {', '.join(owed)}" in page
    assert "Enfants inscrits" not in page
    assert "Indicateur interne" not in page
    assert "Indicateur d'autrui" not in page


@pytest.mark.django_db
def test_coordination_home_lists_open_contributions_and_actions_awaiting_validation(
    client, coordination_user
):
    ContributionFactory(body="Penser aux familles non francophones.")
    ActionFactory(title="Proposition de ludothèque", status=ActionStatus.PROPOSED)
    ActionFactory(title="Action déjà validée", status=ActionStatus.VALIDATED)
    client.force_login(coordination_user)

    page = client.get("/admin/").content.decode()

    assert "1 contribution ouverte" in page
    assert "Penser aux familles non francophones." in page
    assert "1 action en attente de validation" in page
    assert "Proposition de ludothèque" in page
    assert "Action déjà validée" not in page
