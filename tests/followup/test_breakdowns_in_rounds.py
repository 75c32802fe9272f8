"""A round and the pilot's home ask for territory-wide values only: a value for girls or for one
age band is a breakdown, never the value of the period the round asks for."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from indicators.enums import Frequency, Sex
from indicators.models import Measurement
from tests.followup.test_action_report import fill, page_url, rendered_form, submit
from tests.followup.test_pilot_home import last_school_year_end
from tests.indicators.factories import IndicatorFactory, MeasurementFactory
from tests.strategy.factories import ActionFactory, StrategyFactory, audience, pilot_user

pytestmark = pytest.mark.django_db


def test_a_breakdown_does_not_fill_the_period_the_round_asks_for(client, world):
    counted = world["counted"]
    MeasurementFactory(indicator=counted, period="2024", sex=Sex.GIRLS, value=Decimal("20"))
    MeasurementFactory(indicator=counted, period="2024", audience=audience("6-11"), value=Decimal("30"))
    client.force_login(world["pilot"])
    url = page_url(world)

    page = client.get(url).content.decode()
    assert "Valeur 2024 (enfants)" in page

    response = submit(
        client,
        url,
        fill(rendered_form(client, url), progress="50", **{f"value-{counted.pk}-2024-value": "45"}),
    )

    assert response.status_code == 302, response.content.decode()[-2000:]
    territory = Measurement.objects.filter(indicator=counted, period="2024").territory_wide().get()
    assert territory.value == Decimal("45")
    assert Measurement.objects.filter(indicator=counted, period="2024").count() == 3
    assert "Valeur 2024 (enfants)" not in client.get(url).content.decode()


def test_the_pilot_home_still_asks_for_a_period_that_only_has_breakdowns(client):
    today = timezone.localdate()
    end = last_school_year_end(today)
    strategy = StrategyFactory(start_date=datetime.date(end.year - 3, 9, 1), end_date=end)
    action = ActionFactory(strategy=strategy, start_date=strategy.start_date, end_date=end)
    indicator = IndicatorFactory(
        strategy=strategy, name="Enfants au centre de loisirs", frequency=Frequency.SCHOOL_YEAR
    )
    indicator.actions.add(action)
    for first in range(end.year - 3, end.year - 1):
        MeasurementFactory(indicator=indicator, period=f"{first}-{first + 1}")
    last = f"{end.year - 1}-{end.year}"
    MeasurementFactory(indicator=indicator, period=last, sex=Sex.BOYS)
    MeasurementFactory(indicator=indicator, period=last, sex=Sex.GIRLS)
    client.force_login(pilot_user(organisation=action.pilot))

    page = client.get("/admin/").content.decode()

    assert f"aucune valeur pour {last}" in page
    assert "sont à jour" not in page
