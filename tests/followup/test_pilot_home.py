"""The pilot's home asks for the periods the strategy owes (its span, its open round), never for the
period today's date alone falls in, and shows the open round's list."""

import datetime

import pytest
from django.utils import timezone

from indicators.enums import Frequency
from tests.followup.factories import open_round_of
from tests.indicators.factories import IndicatorFactory, MeasurementFactory
from tests.strategy.factories import ActionFactory, StrategyFactory, pilot_user


def last_school_year_end(today):
    """The 31 August that ended the last full school year before ``today``."""
    year = today.year if today.month >= 9 else today.year - 1
    return datetime.date(year, 8, 31)


@pytest.mark.django_db
def test_it_asks_a_pedt_ended_in_august_for_its_last_school_year_not_the_next(client):
    # A three-year PEDT that ended last August (August 2026 when this was written, in December).
    today = timezone.localdate()
    end = last_school_year_end(today)
    strategy = StrategyFactory(start_date=datetime.date(end.year - 3, 9, 1), end_date=end)
    action = ActionFactory(strategy=strategy, start_date=strategy.start_date, end_date=end)
    indicator = IndicatorFactory(
        strategy=strategy, name="Enfants au centre de loisirs", frequency=Frequency.SCHOOL_YEAR
    )
    indicator.actions.add(action)
    MeasurementFactory(indicator=indicator, period=f"{end.year - 3}-{end.year - 2}")
    MeasurementFactory(indicator=indicator, period=f"{end.year - 2}-{end.year - 1}")
    client.force_login(pilot_user(organisation=action.pilot))

    page = client.get("/admin/").content.decode()

    last = f"{end.year - 1}-{end.year}"
    after_the_end = f"{end.year}-{end.year + 1}"
    assert f"aucune valeur pour {last}" in page
    assert after_the_end not in page
    assert "sont à jour" not in page


@pytest.mark.django_db
def test_it_says_all_is_up_to_date_only_when_every_owed_period_has_a_value(client):
    today = timezone.localdate()
    end = last_school_year_end(today)
    strategy = StrategyFactory(start_date=datetime.date(end.year - 3, 9, 1), end_date=end)
    action = ActionFactory(strategy=strategy, start_date=strategy.start_date, end_date=end)
    indicator = IndicatorFactory(
        strategy=strategy, name="Enfants au centre de loisirs", frequency=Frequency.SCHOOL_YEAR
    )
    indicator.actions.add(action)
    for first in range(end.year - 3, end.year):
        MeasurementFactory(indicator=indicator, period=f"{first}-{first + 1}")
    client.force_login(pilot_user(organisation=action.pilot))

    page = client.get("/admin/").content.decode()

    assert "Tous les indicateurs publics liés à vos actions sont à jour." in page
    assert "Enfants au centre de loisirs" not in page


@pytest.mark.django_db
def test_it_shows_the_open_round_with_its_deadline_and_what_is_left(client, django_assert_max_num_queries):
    strategy = StrategyFactory(title="PEDT de Villeneuve", slug="pedt-villeneuve")
    mine = ActionFactory(strategy=strategy, title="Ateliers du soir")
    ActionFactory(strategy=strategy, title="Jeux du mercredi", pilot=mine.pilot)
    ActionFactory(strategy=strategy, title="Action d'une autre structure")
    deadline = timezone.localdate() + datetime.timedelta(days=12)
    round = open_round_of(strategy, deadline=deadline)
    # A yearly indicator of the round: 2025 ended by the round's end (31 August 2026) is owed.
    indicator = IndicatorFactory(strategy=strategy, name="Familles reçues", frequency=Frequency.YEARLY)
    indicator.actions.add(mine)
    client.force_login(pilot_user(organisation=mine.pilot))

    with django_assert_max_num_queries(25):
        page = client.get("/admin/").content.decode()

    assert "PEDT de Villeneuve — campagne 2025-2026" in page
    assert f'href="/admin/suivi/{round.pk}/"' in page
    assert "2 actions sur 2 restent à envoyer" in page
    assert "en retard" not in page
    assert "Familles reçues" in page
    assert "aucune valeur pour 2023, 2024, 2025" in page
