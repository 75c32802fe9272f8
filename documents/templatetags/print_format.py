"""French print typography and number formats for the PDF templates."""

import base64
import re

from django import template
from django.utils.html import format_html
from django.utils.translation import gettext as _

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


@register.filter
def chart_image(chart):
    """A chart as an image of its SVG, drawn with the document's embedded fonts, named by its alt.

    WeasyPrint tags an ``<img>`` as a Figure whose Alt is the ``alt`` attribute, so a screen reader
    says « Graphique : <title> » instead of reading the tick labels; an inline ``<svg>`` would be an
    untagged drawing whose every label is read as text. The description is not repeated in the alt:
    the caption right after the chart says it, and would otherwise be heard twice.
    """
    svg = _SVG_FONT_FAMILY.sub('font-family="Citedu Sans, sans-serif"', chart.svg, count=1)
    source = "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode("ascii")
    alt = _("Graphique : %(title)s") % {"title": chart.title}
    return format_html('<img class="chart-image" src="{}" alt="{}">', source, alt)


@register.filter(expects_localtime=True)
def day_month_fr(value):
    """« 1er septembre », « 25 juin »: a date within a year the reader already knows."""
    return formatting.long_date(value, year=False)


_SVG_FONT_FAMILY = re.compile(r'font-family=(?:"[^"]*"|\'[^\']*\')')


@register.filter
def chart_table(chart):
    """The chart's data as ``{"across", "head": [...], "body": [[...], ...]}``, body rows led by their header.

    A series of two columns (period, value) is laid across, one column per period, to stay as small
    as the chart above it, its corner left empty (``None``); other data keeps one row per item.
    """
    if len(chart.columns) == 2:
        return {
            "across": True,
            "head": [None, *(row[0] for row in chart.rows)],
            "body": [[chart.columns[1], *(row[1] for row in chart.rows)]],
        }
    return {"across": False, "head": list(chart.columns), "body": [list(row) for row in chart.rows]}


@register.filter
def percent_fr(value):
    """« 42,5 % »; empty for no value."""
    return formatting.percent(value)
