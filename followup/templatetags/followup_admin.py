"""Filters of the coordination's round pages."""

from django import template

register = template.Library()


@register.filter
def person(user):
    """A user's full name, or their login when they have none; « — » for nobody."""
    if user is None:
        return "—"
    return user.get_full_name() or user.get_username()
