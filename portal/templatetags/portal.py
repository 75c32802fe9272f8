"""Template helpers of the public pages."""

from django import template
from django.utils.safestring import mark_safe

from shared import formatting

register = template.Library()


@register.filter
def euros(value):
    """« 12 500 € », the French way."""
    return formatting.euros(value)


@register.filter
def number_fr(value):
    """« 12 500,5 », the French way; empty for no value."""
    return formatting.number(value)


@register.filter(expects_localtime=True)
def date_fr(value):
    """« 1er décembre 2026 », « 25 juin 2021 »: the documents' rule (shared.formatting.long_date)."""
    return formatting.long_date(value)


@register.filter
def svg(chart):
    """The chart's SVG, produced by charts.svg from escaped data."""
    return mark_safe(chart.svg)  # built by charts.svg, every text escaped


@register.simple_tag(takes_context=True)
def nav_current(context, name):
    """aria-current for the strategy's sub-navigation."""
    match = context["request"].resolver_match
    return mark_safe(' aria-current="page"') if match and match.url_name == name else ""


@register.filter
def anchor(value, prefix):
    """An id built from a prefix and a number: ``3|anchor:"orientation"`` gives ``orientation-3``."""
    return f"{prefix}-{value}"


@register.filter
def percent_fr(value):
    """« 42,5 % », the French way; empty for no value."""
    return formatting.percent(value)
