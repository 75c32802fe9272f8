"""A measurement may be broken down by neighbourhood, age band (audience) and sex: one value per
combination, the rule held by the database on SQLite and PostgreSQL alike (nulls included)."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction

from indicators.enums import Sex
from indicators.models import Measurement
from tests.actors.factories import NeighbourhoodFactory
from tests.indicators.factories import IndicatorFactory, MeasurementFactory
from tests.strategy.factories import audience

pytestmark = pytest.mark.django_db

MESSAGE = (
    "Une mesure existe déjà pour cet indicateur et cette période, avec le même quartier, "
    "le même public et le même sexe."
)


def assert_refused(measurement):
    """Refused in French by the model validation, and by the database itself (raw save)."""
    with pytest.raises(ValidationError) as error:
        measurement.full_clean()
    assert error.value.messages == [MESSAGE]
    with pytest.raises(IntegrityError), transaction.atomic():
        measurement.save()


@pytest.mark.parametrize(
    "breakdown",
    [
        {},
        {"sex": Sex.GIRLS},
        {"audience": "6-11"},
        {"audience": "6-11", "sex": Sex.BOYS},
        {"neighbourhood": True, "audience": "11-15", "sex": Sex.GIRLS},
    ],
    ids=["territoire", "filles", "6-11", "6-11-garcons", "quartier-11-15-filles"],
)
def test_a_second_value_for_the_same_breakdown_is_refused(breakdown):
    indicator = IndicatorFactory()
    values = dict(breakdown)
    if values.get("audience"):
        values["audience"] = audience(values["audience"])
    if values.get("neighbourhood"):
        values["neighbourhood"] = NeighbourhoodFactory(territory=indicator.strategy.territory)
    MeasurementFactory(indicator=indicator, period="2023", value=Decimal("10"), **values)

    assert_refused(Measurement(indicator=indicator, period="2023", value=Decimal("11"), **values))
    assert Measurement.objects.get(indicator=indicator).value == Decimal("10")


def test_the_same_period_for_another_sex_or_age_band_is_accepted():
    indicator = IndicatorFactory()
    MeasurementFactory(indicator=indicator, period="2023", value=Decimal("100"))
    for values in (
        {"sex": Sex.GIRLS},
        {"sex": Sex.BOYS},
        {"audience": audience("6-11")},
        {"audience": audience("6-11"), "sex": Sex.GIRLS},
        {"audience": audience("11-15")},
    ):
        measurement = Measurement(indicator=indicator, period="2023", value=Decimal("40"), **values)
        measurement.full_clean()
        measurement.save()

    assert Measurement.objects.filter(indicator=indicator).count() == 6
    territory = Measurement.objects.filter(indicator=indicator).territory_wide()
    assert [m.value for m in territory] == [Decimal("100")]
    assert Measurement.objects.filter(indicator=indicator).breakdowns().count() == 5


def test_an_unbroken_value_is_everyone_everywhere():
    measurement = MeasurementFactory()

    assert measurement.sex == Sex.ALL
    assert measurement.is_territory_wide
    assert measurement.breakdown_labels() == []
    assert str(measurement) == f"{measurement.indicator.code} · 2023"


def test_the_rule_is_one_expression_index_on_this_database():
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, Measurement._meta.db_table)
    assert "measurement_unique_per_breakdown" in constraints
    assert constraints["measurement_unique_per_breakdown"]["unique"]
    assert "measurement_unique_for_territory" not in constraints
    assert "measurement_unique_per_neighbourhood" not in constraints
