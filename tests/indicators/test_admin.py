"""The indicators' admin: the core (socle commun) as a column and a filter, and values broken down by
age band and sex in the indicator's inline. Every post is the form the page really renders."""

from decimal import Decimal

import pytest

from indicators.enums import MeasurementStatus, Sex
from indicators.models import Indicator, Measurement
from tests.indicators.factories import IndicatorFactory, MeasurementFactory
from tests.strategy.admin.conftest import admin_url
from tests.strategy.admin.html_forms import change_form_data
from tests.strategy.factories import audience

pytestmark = pytest.mark.django_db

PREFIX = "measurements"


@pytest.fixture
def coordination_client(client, coordination_user):
    client.force_login(coordination_user)
    return client


def add_row(data, **values):
    index = int(data[f"{PREFIX}-TOTAL_FORMS"][0])
    for name, value in values.items():
        data[f"{PREFIX}-{index}-{name}"] = [value]
    data[f"{PREFIX}-TOTAL_FORMS"] = [str(index + 1)]
    return data


def test_coordination_enters_values_by_sex_and_age_band_beside_the_territory_one(coordination_client):
    indicator = IndicatorFactory(code="R1")
    MeasurementFactory(indicator=indicator, period="2023", value=Decimal("1200"))
    url = admin_url(Indicator, "change", indicator.pk)
    data = change_form_data(coordination_client.get(url))
    add_row(data, period="2023", sex=Sex.GIRLS, value="612,5")
    add_row(data, period="2023", sex=Sex.BOYS, audience=str(audience("6-11").pk), value="1 234")

    response = coordination_client.post(url, data)

    assert response.status_code == 302, response.context["inline_admin_formsets"][0].formset.errors
    values = {
        (m.audience_id, m.sex): m.value
        for m in Measurement.objects.filter(indicator=indicator, period="2023")
    }
    assert values == {
        (None, Sex.ALL): Decimal("1200"),
        (None, Sex.GIRLS): Decimal("612.5"),
        (audience("6-11").pk, Sex.BOYS): Decimal("1234"),
    }
    assert set(Measurement.objects.filter(indicator=indicator).values_list("status", flat=True)) == {
        MeasurementStatus.VALIDATED
    }


def test_two_rows_of_the_form_for_the_same_breakdown_are_refused_in_french(coordination_client):
    indicator = IndicatorFactory()
    url = admin_url(Indicator, "change", indicator.pk)
    data = change_form_data(coordination_client.get(url))
    add_row(data, period="2024", sex=Sex.GIRLS, value="10")
    add_row(data, period="2024", sex=Sex.GIRLS, value="11")

    response = coordination_client.post(url, data)

    assert response.status_code == 200
    assert "Deux lignes portent sur la même période (2024)" in response.content.decode()
    assert not Measurement.objects.filter(indicator=indicator).exists()


def test_a_row_repeating_a_saved_breakdown_is_refused_with_the_database_rule_message(coordination_client):
    indicator = IndicatorFactory()
    MeasurementFactory(indicator=indicator, period="2024", sex=Sex.BOYS, value=Decimal("5"))
    url = admin_url(Measurement, "add")
    data = change_form_data(coordination_client.get(url))
    data.update(indicator=[str(indicator.pk)], period=["2024"], sex=[Sex.BOYS], value=["6"])

    response = coordination_client.post(url, data)

    assert response.status_code == 200
    assert "Une mesure existe déjà pour cet indicateur et cette période" in response.content.decode()
    assert Measurement.objects.get(indicator=indicator).value == Decimal("5")


def test_the_indicator_list_shows_and_filters_the_core(coordination_client):
    core = IndicatorFactory(code="C1", name="Taux de réussite au brevet", is_core=True)
    IndicatorFactory(code="X1", name="Nombre de cafés des parents", strategy=core.strategy)
    url = admin_url(Indicator, "changelist")

    everything = coordination_client.get(url)
    filtered = coordination_client.get(url, {"is_core__exact": "1"})

    assert "Socle commun" in everything.content.decode()
    assert {i.code for i in everything.context["cl"].result_list} == {"C1", "X1"}
    assert [i.code for i in filtered.context["cl"].result_list] == ["C1"]
