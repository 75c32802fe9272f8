"""Reading one cell of the spreadsheets municipal staff pass around: text, lists, French numbers and
dates, names matched to objects; and the formula escape every written cell goes through.

Formula injection policy: on export, every text cell a spreadsheet would run as a formula (leading
``=``, ``+``, ``-``, ``@``, tab or carriage return) is prefixed with ``'``. On import that escape is
stripped again, so the round trip is exact; a text cell that starts with one of those characters
*without* the escape (or an XLSX formula) is refused with a row error asking the user to prefix it
with ``'``: the portal never stores text that a colleague's spreadsheet would execute.
"""

import datetime
import functools
import re
import unicodedata
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from shared.formatting import short_date

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
FORMULA_ESCAPE = "'"
#: Separators of the items of a list inside one cell.
LIST_SEPARATOR = ";"
SPACES = str.maketrans("", "", " \u00a0\u202f\u2009\u2007")


class CellError(ValueError):
    """A cell that cannot be read; the message says why, in French."""


def escape_formula(text):
    """Prefix with ``'`` a text a spreadsheet would run as a formula."""
    if isinstance(text, str) and text.startswith(FORMULA_TRIGGERS):
        return FORMULA_ESCAPE + text
    return text


def cell_text(value):
    """The text of a cell: stripped, our formula escape removed, a bare formula refused."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime.datetime):
        value = value.date()
    if isinstance(value, datetime.date):
        return short_date(value)
    text = unicodedata.normalize("NFC", str(value))
    if text.startswith(FORMULA_ESCAPE) and text[1:2] and text[1:].startswith(FORMULA_TRIGGERS):
        return text[1:]
    text = text.strip(" \u00a0\u202f\n")
    if text.startswith(FORMULA_TRIGGERS):
        raise CellError(
            _(
                "« %(text)s » ressemble à une formule de tableur : refusé par sécurité. "
                "Pour du texte, le faire précéder d'une apostrophe (')."
            )
            % {"text": text[:40]}
        )
    return text


def cell_list(value):
    """The items of a ``;``-separated list cell, empty items dropped."""
    return [item.strip() for item in cell_text(value).split(LIST_SEPARATOR) if item.strip()]


_NUMBER = re.compile(r"^-?[0-9]+(\.[0-9]+)?$")
_THOUSANDS_POINTS = re.compile(r"^-?[0-9]{1,3}(\.[0-9]{3})+$")
#: Translated where it is raised, in the language of the request.
AMBIGUOUS_NUMBER = gettext_noop(
    "« %(value)s » est ambigu : le point ou la virgule sépare-t-il les milliers ? "
    "Écrire 1 234 pour mille deux cent trente-quatre, 1,234 pour un virgule deux cent "
    "trente-quatre."
)


def is_ambiguous(text):
    """Whether number text (spaces and « € » removed) may mean two numbers: a point followed by
    exactly three digits (« 1.234 »), a comma before a point (« 80,000.50 »), several commas."""
    if text.count(",") > 1:
        return True
    if "," in text and "." in text[text.index(",") :]:
        return True
    return "," not in text and bool(_THOUSANDS_POINTS.match(text))


def parse_decimal(value):
    """A Decimal from a number cell or French text (``12 500,50 €``); None if empty."""
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise CellError(_("« %(value)s » n'est pas un nombre.") % {"value": value})
    if isinstance(value, int | float | Decimal):
        return Decimal(str(value))
    text = str(value)
    if text.startswith(FORMULA_ESCAPE):
        text = text[1:]
    text = text.replace("€", "").translate(SPACES).strip()
    if not text:
        return None
    if is_ambiguous(text):
        raise CellError(_(AMBIGUOUS_NUMBER) % {"value": str(value).strip()[:40]})
    if "," in text and "." in text:
        text = text.replace(".", "")  # 12.500,50: the point groups thousands
    text = text.replace(",", ".")
    if not _NUMBER.match(text):
        raise CellError(_("« %(value)s » n'est pas un nombre.") % {"value": str(value).strip()[:40]})
    try:
        return Decimal(text)
    except InvalidOperation as error:
        raise CellError(_("« %(value)s » n'est pas un nombre.") % {"value": value}) from error


def parse_amount(value, max_digits=12):
    """A non-negative amount with at most two decimals; None if empty."""
    amount = parse_decimal(value)
    if amount is None:
        return None
    if amount < 0:
        raise CellError(_("montant négatif (%(value)s) : un montant est positif ou nul.") % {"value": value})
    if amount != amount.quantize(Decimal("0.01")):
        raise CellError(_("« %(value)s » : au plus deux décimales.") % {"value": value})
    amount = amount.quantize(Decimal("0.01"))
    if len(amount.as_tuple().digits) > max_digits:
        raise CellError(_("« %(value)s » : montant trop élevé.") % {"value": value})
    return amount


def parse_integer(value):
    number = parse_decimal(value)
    if number is None:
        return None
    if number != number.to_integral_value():
        raise CellError(_("« %(value)s » n'est pas un nombre entier.") % {"value": value})
    return int(number)


_DATE_FR = re.compile(r"^([0-9]{1,2})/([0-9]{1,2})/([0-9]{4})$")
_DATE_ISO = re.compile(r"^([0-9]{4})-([0-9]{2})-([0-9]{2})(?:[ T]00:00(?::00)?)?$")


def parse_date(value):
    """A date from a date cell, ``31/05/2021`` or ``2021-05-31``; None if empty."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    text = str(value).strip()
    if not text:
        return None
    try:
        if match := _DATE_FR.match(text):
            day, month, year = (int(part) for part in match.groups())
            return datetime.date(year, month, day)
        if match := _DATE_ISO.match(text):
            year, month, day = (int(part) for part in match.groups())
            return datetime.date(year, month, day)
    except ValueError:
        pass
    raise CellError(
        _("« %(value)s » n'est pas une date : écrire 31/05/2021 ou 2021-05-31.") % {"value": text}
    )


@functools.lru_cache(maxsize=8192)
def match_key(text):
    """Case-, accent- and spacing-insensitive key for matching names."""
    text = unicodedata.normalize("NFKD", str(text)).replace("’", "'")
    text = "".join(char for char in text if not unicodedata.combining(char))
    return " ".join(text.casefold().split())


class Lookup:
    """Matches cell text to objects by several keys (number, code, name…), never creating any."""

    def __init__(self, unknown):
        self.unknown = unknown  # "axe inconnu", "organisation inconnue"…
        self._targets = {}

    def add(self, obj, *keys):
        for key in keys:
            if key not in (None, ""):
                self._targets.setdefault(match_key(key), set()).add(obj)

    def get(self, text):
        targets = self._targets.get(match_key(text), set())
        if not targets:
            raise CellError(_("%(unknown)s : « %(value)s ».") % {"unknown": self.unknown, "value": text})
        if len(targets) > 1:
            raise CellError(
                _("« %(value)s » désigne plusieurs éléments : utiliser le nom complet.") % {"value": text}
            )
        return next(iter(targets))


def lookup_by_choice(label, choices):
    """A Lookup of the values of ``choices`` by value and label."""
    lookup = Lookup(label)
    for value, text in choices:
        lookup.add(value, value, str(text))
    return lookup
