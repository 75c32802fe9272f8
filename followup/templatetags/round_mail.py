"""Filters of the round's mail templates, whose params carry dates as ISO strings."""

import datetime

from django import template

from shared.formatting import long_date

register = template.Library()


@register.filter
def date_words(value):
    """« 1er décembre 2026 », « December 1, 2026 »: ``shared.formatting.long_date``; not a date: as is."""
    if isinstance(value, datetime.date):
        return long_date(value)
    return "" if value is None else value


@register.filter
def iso_date(value):
    """The date an ISO string (``2026-12-22``) names, for the ``date`` filter to write in the
    recipient's language; an empty or bad value gives None (the template writes nothing)."""
    try:
        return datetime.date.fromisoformat(value)
    except (TypeError, ValueError):
        return None
