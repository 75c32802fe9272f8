"""Migration 0004 (core and breakdowns) keeps every existing value as it was: each becomes a value for
everyone (no age band, both sexes), and the one uniqueness rule holds on the data already there."""

from decimal import Decimal

import pytest
from django.db import IntegrityError, connection, transaction
from django.db.migrations.executor import MigrationExecutor

from indicators.enums import Sex
from indicators.models import Indicator, Measurement
from tests.actors.factories import NeighbourhoodFactory
from tests.indicators.factories import IndicatorFactory, MeasurementFactory

BEFORE = [("indicators", "0003_edit_tokens")]
AFTER = [("indicators", "0004_core_and_breakdowns")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)


@pytest.mark.django_db(transaction=True)
def test_existing_values_come_through_unchanged_and_stay_unique():
    indicator = IndicatorFactory()
    neighbourhood = NeighbourhoodFactory(territory=indicator.strategy.territory)
    MeasurementFactory(indicator=indicator, period="2022", value=Decimal("210"))
    MeasurementFactory(indicator=indicator, period="2023", value=Decimal("237"), comment="Hausse")
    MeasurementFactory(indicator=indicator, period="2023", neighbourhood=neighbourhood, value=Decimal("40"))
    before = sorted(
        Measurement.objects.values_list("period", "neighbourhood_id", "value", "comment"), key=str
    )

    migrate(BEFORE)
    with connection.cursor() as cursor:
        columns = {
            c.name for c in connection.introspection.get_table_description(cursor, "indicators_measurement")
        }
    assert "sex" not in columns and "audience_id" not in columns
    migrate(AFTER)

    after = sorted(Measurement.objects.values_list("period", "neighbourhood_id", "value", "comment"), key=str)
    assert after == before
    assert set(Measurement.objects.values_list("sex", "audience_id")) == {(Sex.ALL, None)}
    assert Measurement.objects.territory_wide().count() == 2
    assert not Indicator.objects.get(pk=indicator.pk).is_core
    with pytest.raises(IntegrityError), transaction.atomic():
        Measurement.objects.create(indicator=indicator, period="2023", value=Decimal("1"))
