"""Filters of the round's mail templates, whose params carry dates as ISO strings."""

import datetime

from django import template

register = template.Library()


@register.filter
def iso_date(value):
    """The date an ISO string (``2026-12-22``) names, for the ``date`` filter to write in the
    recipient's language; an empty or bad value gives None (the template writes nothing)."""
    try:
        return datetime.date.fromisoformat(value)
    except (TypeError, ValueError):
        return None
