from decimal import Decimal

import factory

from indicators.enums import IndicatorKind
from indicators.models import Indicator, Measurement
from tests.strategy.factories import StrategyFactory


class IndicatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Indicator

    strategy = factory.SubFactory(StrategyFactory)
    code = factory.Sequence(lambda n: f"I{n + 1}")
    slug = factory.LazyAttribute(lambda o: o.code.lower())
    name = factory.Sequence(lambda n: f"Places en crèche {n + 1}")
    kind = IndicatorKind.QUANTITATIVE
    unit = "places"
    baseline_value = Decimal("200")
    baseline_period = "2021"
    target_value = Decimal("260")
    target_period = "2026"
    is_public = True


class MeasurementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Measurement

    indicator = factory.SubFactory(IndicatorFactory)
    period = "2023"
    value = Decimal("237")
