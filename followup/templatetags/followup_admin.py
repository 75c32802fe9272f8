"""Filters of the coordination's round pages."""

from django import template
from django.utils.html import format_html

register = template.Library()


@register.filter
def person(user):
    """A user's full name, or their login when they have none; « — » for nobody."""
    if user is None:
        return "—"
    return user.get_full_name() or user.get_username()


@register.filter
def breakable_email(address):
    """The address with a line-break opportunity before its « @ », so a narrow column wraps it there."""
    local, at, domain = address.partition("@")
    if not at:
        return address
    return format_html("{}<wbr>@{}", local, domain)
