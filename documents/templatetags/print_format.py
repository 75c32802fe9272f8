"""French print typography and number formats for the PDF templates."""

import re
from decimal import ROUND_HALF_UP, Decimal

from django import template
from django.utils import translation
from django.utils.formats import date_format
from django.utils.safestring import mark_safe

register = template.Library()

NARROW_NBSP = "\u202f"
NBSP = "\u00a0"

_SPACE_BEFORE_PUNCTUATION = re.compile(r"[ \u00a0]+([;:!?»])")
_SPACE_AFTER_GUILLEMET = re.compile(r"«[ \u00a0]+")
_STRAIGHT_APOSTROPHE = re.compile(r"(?<=\w)'(?=\w)")


@register.filter(is_safe=True)
def typo(value):
    """French typography: narrow no-break spaces before ; : ! ? », after «, curly apostrophes."""
    if value in (None, ""):
        return ""
    text = str(value)
    text = _SPACE_BEFORE_PUNCTUATION.sub(lambda m: NARROW_NBSP + m.group(1), text)
    text = _SPACE_AFTER_GUILLEMET.sub("«" + NARROW_NBSP, text)
    return _STRAIGHT_APOSTROPHE.sub("’", text)


def _group_thousands(integer_part):
    return f"{int(integer_part):,}".replace(",", NARROW_NBSP)


@register.filter
def number_fr(value):
    """12500.5 → « 12 500,5 »; whole numbers lose their decimals; None → « — »."""
    if value is None or value == "":
        return "—"
    number = Decimal(value)
    if number == number.to_integral_value():
        return _group_thousands(number)
    number = number.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP).normalize()
    sign = "-" if number < 0 else ""
    integer, _dot, decimals = f"{abs(number):f}".partition(".")
    return f"{sign}{_group_thousands(integer)},{decimals}"


@register.filter
def euros(value):
    """An amount in whole euros, the French way: « 12 500 € »."""
    if value is None or value == "":
        value = 0
    rounded = Decimal(value).quantize(Decimal("1"), rounding=ROUND_HALF_UP)
    return f"{_group_thousands(rounded)}{NBSP}€"


@register.filter(expects_localtime=True)
def date_fr(value):
    """« 1er septembre 2023 », « 25 juin 2021 »: the long French date (plain format in English)."""
    if not value:
        return ""
    text = date_format(value, "j F Y")
    if value.day == 1 and translation.get_language().startswith("fr"):
        text = "1er" + text[1:]
    return text


@register.filter(is_safe=True)
def print_svg(chart):
    """A shared chart's SVG drawn with the fonts embedded in the document, not the system's."""
    svg = str(getattr(chart, "svg", chart) or "")
    return mark_safe(_SVG_FONT_FAMILY.sub('font-family="Citedu Sans, sans-serif"', svg, count=1))


_SVG_FONT_FAMILY = re.compile(r'font-family=(?:"[^"]*"|\'[^\']*\')')
