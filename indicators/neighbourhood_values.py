"""The latest published value of each indicator in one neighbourhood, beside the territory's value."""

from indicators.enums import Sex
from indicators.models import Measurement


def latest_in_neighbourhood(indicators, neighbourhood):
    """The latest published value, for the neighbourhood's whole population, of each of ``indicators``
    (fetched through ``Indicator.objects.visible_to``) that has one, by indicator code; each carries
    ``territory_value``, the whole territory's value of the same period (or None). Two queries."""
    latest = {}
    values = (
        Measurement.objects.published()
        .filter(indicator__in=indicators, neighbourhood=neighbourhood, audience__isnull=True, sex=Sex.ALL)
        .select_related("indicator")
        .order_by("indicator__code", "indicator_id", "period")
    )
    for measurement in values:
        latest[measurement.indicator_id] = measurement
    territory = {
        (m.indicator_id, m.period): m
        for m in Measurement.objects.published()
        .territory_wide()
        .filter(indicator__in=list(latest), period__in={m.period for m in latest.values()})
    }
    found = list(latest.values())
    for measurement in found:
        value = territory.get((measurement.indicator_id, measurement.period))
        if value is not None:
            value.indicator = measurement.indicator  # already fetched: its unit is printed beside the value
        measurement.territory_value = value
    return found
