"""Filters of the mail templates, whose ``params`` hold plain JSON values."""

from datetime import date

from django import template
from django.utils.safestring import mark_safe

from shared.formatting import long_date

register = template.Library()


@register.filter
def date_words(value):
    """« 1er décembre 2026 », « December 1, 2026 »: ``shared.formatting.long_date``; not a date: as is."""
    if isinstance(value, date):
        return long_date(value)
    return "" if value is None else value


@register.filter
def isodate(value):
    """A date stored as an ISO string (``2026-06-25``), as a date the ``date`` filter writes in the
    mail's language; an unreadable value stays as it is."""
    try:
        return date.fromisoformat(value)
    except (TypeError, ValueError):
        return value


class CaptureNode(template.Node):
    def __init__(self, nodelist, name):
        self.nodelist = nodelist
        self.name = name

    def render(self, context):
        # Already rendered (and escaped, in an HTML mail) by the nodes inside.
        context[self.name] = mark_safe(" ".join(self.nodelist.render(context).split()))
        return ""


@register.tag
def capture(parser, token):
    """``{% capture as name %}…{% endcapture %}``: what the block renders, as a variable (its
    whitespace collapsed), so a phrase worded once in its own template can go inside a sentence."""
    bits = token.split_contents()
    if len(bits) != 3 or bits[1] != "as":
        raise template.TemplateSyntaxError("Usage: {% capture as name %}…{% endcapture %}")
    nodelist = parser.parse(("endcapture",))
    parser.delete_first_token()
    return CaptureNode(nodelist, bits[2])
