"""Number fields of the forms, typed and read the French way: « 80 000,50 », « 80000,50 € », « 75 % ».

A browser's ``<input type=number>`` depends on its locale (Chromium in French turns « 80000,50 » into
something else), so these fields render a text input with ``inputmode="decimal"`` and read what was
typed with the rule of the spreadsheet cells (``shared.cells.parse_decimal``): one rule for imports
and forms, which refuses what a person may have meant two ways:

- the comma marks the decimals, spaces (even no-break ones) group the thousands, « € » and « % » are
  allowed: « 80 000,50 », « 80000,50 € », « 80 000 »;
- a point alone marks the decimals (« 80000.50 »), except when exactly three digits follow it
  (« 1.234 », « 80.000 »): a thousands point may be meant, so it is refused;
- a point before a comma groups thousands (« 80.000,50 »); a comma before a point (« 80,000.50 ») or
  several commas are the English way of grouping, refused.

The value is shown back the French way (« 80 000,50 »), in every interface language, since that is
what the field reads.
"""

from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from shared.cells import SPACES, CellError, parse_decimal
from shared.cells import is_ambiguous as cells_ambiguous
from shared.formatting import number

NUMBER_HELP = _(
    "Écrire le nombre à la française : 80 000,50 (virgule pour les décimales, espaces facultatives "
    "entre les milliers ; « 80000.50 » est aussi compris). Refusé car ambigu : « 1.234 » ou "
    "« 80,000.50 », où le point ou la virgule pourrait séparer les milliers."
)


def _compact(text):
    return text.replace("€", "").replace("%", "").translate(SPACES).strip()


def is_ambiguous(text):
    """Whether typed text may mean two numbers: the rule of the cells, on the text without « % »."""
    return cells_ambiguous(_compact(text))


def parse_typed_number(text):
    """The Decimal a French user typed; None if empty; ValidationError (French) otherwise."""
    text = str(text).strip()
    if not _compact(text):
        return None
    if is_ambiguous(text):
        raise ValidationError(
            _(
                "« %(value)s » est ambigu : le point ou la virgule sépare-t-il les milliers ? "
                "Écrire 1 234 pour mille deux cent trente-quatre, 1,234 pour un virgule deux cent "
                "trente-quatre."
            ),
            code="ambiguous",
            params={"value": text[:40]},
        )
    try:
        return parse_decimal(_compact(text))
    except CellError as error:
        raise ValidationError(
            _("« %(value)s » n'est pas un nombre : écrire par exemple 80 000,50."),
            code="invalid",
            params={"value": text[:40]},
        ) from error


class FrenchNumberInput(forms.TextInput):
    """A text input that opens a numeric keyboard on phones, with no locale-dependent parsing."""

    def __init__(self, attrs=None):
        super().__init__({"inputmode": "decimal", "autocomplete": "off", **(attrs or {})})


def _french_display(value, decimals):
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
        return value  # what the user typed, shown back as typed with its error
    with translation.override("fr"):
        return number(value, decimals)


class FrenchDecimalField(forms.DecimalField):
    """A decimal typed the French way (see the module's rule), shown « 80 000,50 »."""

    widget = FrenchNumberInput

    def __init__(self, **kwargs):
        # The model field passes its own help text, empty for most: the rule is then the help.
        kwargs["help_text"] = kwargs.get("help_text") or NUMBER_HELP
        super().__init__(**kwargs)

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, Decimal | int) and not isinstance(value, bool):
            return Decimal(value)
        return parse_typed_number(value)

    def prepare_value(self, value):
        return _french_display(value, self.decimal_places or 0)


class FrenchIntegerField(forms.IntegerField):
    """A whole number typed the French way (« 80 000 », « 75 % »), shown ungrouped: a year stays « 2026 »."""

    widget = FrenchNumberInput

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, int) and not isinstance(value, bool):
            return value
        number_typed = parse_typed_number(value)
        if number_typed is None:
            return None
        if number_typed != number_typed.to_integral_value():
            raise ValidationError(
                _("« %(value)s » : écrire un nombre entier, sans décimales."),
                code="invalid",
                params={"value": str(value).strip()[:40]},
            )
        return int(number_typed)
