"""How Citédu writes numbers, amounts, percentages and dates for people: one module, used by the pages,
the PDF documents, the charts, the admin and the spreadsheet exports.

French rules: a narrow no-break space groups thousands (« 12 500 »), a comma marks decimals
(« 12 500,5 »), a no-break space stands before « € » and « % », and the first of the month is
« 1er » (a word of the catalogue, like the order of a date's words). In another interface language,
Django's localisation of that language applies. Spreadsheet cells have their own, machine-readable
format (``shared.spreadsheets``): no grouping, so that a cell reads back unchanged.
"""

import datetime
from decimal import ROUND_HALF_UP, Decimal

from django.utils import timezone, translation
from django.utils.formats import date_format, number_format
from django.utils.translation import pgettext

NARROW_NBSP = "\u202f"
NBSP = "\u00a0"


def _french():
    return (translation.get_language() or "fr").startswith("fr")


def number(value, decimals=None):
    """« 12 500 », « 12 500,5 », « 0,75 »; ``decimals`` None keeps up to two, dropping a zero tail.

    None or "" gives "" (callers that want a dash say so).
    """
    if value is None or value == "":
        return ""
    value = Decimal(str(value))
    if decimals is None:
        rounded = value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP).normalize()
        decimals = max(0, -rounded.as_tuple().exponent)
    value = value.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    if not _french():
        return number_format(value, decimals, use_l10n=True, force_grouping=True)
    text = f"{value:,.{decimals}f}"
    return text.replace(",", NARROW_NBSP).replace(".", ",")


def euros(value):
    """« 12 500 € », or « 12 500,50 € » when there are cents; None counts as 0."""
    amount = Decimal(str(value or 0))
    decimals = 0 if amount == amount.to_integral_value() else 2
    return f"{number(amount, decimals)}{NBSP}€"


def percent(value):
    """« 75 % », « 12,5 % »."""
    if value is None or value == "":
        return ""
    return f"{number(value)}{NBSP}%"


def long_date(value, *, year=True):
    """« 1er septembre 2023 », « 25 juin 2021 »; « 1er septembre » with ``year=False``.

    The one rule for dates written out in words, on pages and in documents alike; an aware datetime
    is read in the local time zone. The order of the words and the ordinal of the first of the
    month come from the catalogue, so English reads « September 1, 2023 ».
    """
    if not value:
        return ""
    if isinstance(value, datetime.datetime) and timezone.is_aware(value):
        value = timezone.localtime(value)
    day = (
        pgettext("the first day of a month, in a date in words", "1er") if value.day == 1 else str(value.day)
    )
    month = date_format(value, "F")
    if year:
        pattern = pgettext("a date in words: 1er décembre 2026", "{day} {month} {year}")
    else:
        pattern = pgettext("a date in words without its year: 1er décembre", "{day} {month}")
    return pattern.format(day=day, month=month, year=value.year)


def short_date(value):
    """« 31/05/2021 »: the date of a table cell or a form, in every language."""
    return value.strftime("%d/%m/%Y") if value else ""


def cell_decimal(value):
    """« 12500,50 »: a decimal comma and two decimals, no grouping, so that a cell reads back unchanged."""
    if value is None:
        return ""
    return f"{value:.2f}".replace(".", ",")
