"""Amounts of a comparison of versions: stored as exact decimal strings, written the French way."""

from decimal import Decimal

from django import template

from shared import formatting

register = template.Library()

#: The minus sign (U+2212), not a hyphen: screen readers and print both read it as « moins ».
MINUS = "\u2212"


@register.filter
def amount(value):
    """« 12 500 € », or « — » where the version had no such line."""
    return "—" if value is None else formatting.euros(value)


@register.filter
def signed_amount(value):
    """« +1 500 € », « −3 000 € », « 0 € »: a difference between two amounts."""
    difference = Decimal(value)
    sign = "+" if difference > 0 else MINUS if difference < 0 else ""
    return f"{sign}{formatting.euros(abs(difference))}"
