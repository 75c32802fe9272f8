"""French print typography and number formats for the PDF templates."""

import re

from django import template
from django.utils.safestring import mark_safe

from documents import typography
from shared import formatting

register = template.Library()

NARROW_NBSP = formatting.NARROW_NBSP

_SPACE_BEFORE_PUNCTUATION = re.compile(r"[ \u00a0]+([;:!?»])")
_SPACE_AFTER_GUILLEMET = re.compile(r"«[ \u00a0]+")


@register.filter(is_safe=True)
def typo(value):
    """French typography: narrow no-break spaces before ; : ! ? », after «, curly apostrophes."""
    if value in (None, ""):
        return ""
    text = str(value)
    text = _SPACE_BEFORE_PUNCTUATION.sub(lambda m: NARROW_NBSP + m.group(1), text)
    text = _SPACE_AFTER_GUILLEMET.sub("«" + NARROW_NBSP, text)
    return typography.curly_apostrophes(text)


@register.filter
def number_fr(value):
    """12500.5 → « 12 500,5 »; None → « — » (a table cell is never blank)."""
    return formatting.number(value) or "—"


@register.filter
def euros(value):
    """« 12 500 € », with cents only when there are some."""
    return formatting.euros(value)


@register.filter(expects_localtime=True)
def date_fr(value):
    """« 1er septembre 2023 », « 25 juin 2021 »."""
    return formatting.long_date(value)


@register.filter(expects_localtime=True)
def day_month_fr(value):
    """« 1er septembre », « 25 juin »: a date within a year the reader already knows."""
    return formatting.long_date(value, year=False)


@register.filter(is_safe=True)
def print_svg(chart):
    """A shared chart's SVG drawn with the fonts embedded in the document, not the system's."""
    svg = str(getattr(chart, "svg", chart) or "")
    return mark_safe(_SVG_FONT_FAMILY.sub('font-family="Citedu Sans, sans-serif"', svg, count=1))


_SVG_FONT_FAMILY = re.compile(r'font-family=(?:"[^"]*"|\'[^\']*\')')
