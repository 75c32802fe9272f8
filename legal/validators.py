"""The SIRET number of the publisher: 14 digits whose Luhn checksum holds."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

#: La Poste's establishments share this SIREN; their SIRET follow a rule of their own (digits sum
#: to a multiple of 5) instead of Luhn's.
LA_POSTE_SIREN = "356000000"


def luhn_holds(digits):
    """Whether a string of digits passes the Luhn check (every second digit from the right doubled)."""
    total = 0
    for position, digit in enumerate(reversed(digits)):
        value = int(digit) * (2 if position % 2 else 1)
        total += value - 9 if value > 9 else value
    return total % 10 == 0


def siret_is_valid(siret):
    if len(siret) != 14 or not (siret.isascii() and siret.isdigit()):
        return False
    if siret.startswith(LA_POSTE_SIREN):
        return sum(int(digit) for digit in siret) % 5 == 0
    return luhn_holds(siret)


def validate_siret(value):
    # isascii too: « ² » and other Unicode digits pass isdigit() but not int().
    if len(value) != 14 or not (value.isascii() and value.isdigit()):
        raise ValidationError(
            _("Le numéro SIRET compte 14 chiffres (espaces permis) : « %(value)s » n'en a pas 14."),
            code="siret_length",
            params={"value": value[:40]},
        )
    if not siret_is_valid(value):
        raise ValidationError(
            _(
                "« %(value)s » n'est pas un numéro SIRET valide : sa clé de contrôle ne correspond pas. "
                "Vérifiez le numéro sur l'avis de situation de l'Insee."
            ),
            code="siret_checksum",
            params={"value": value},
        )


def normalise_siret(value):
    """The SIRET as typed, without the spaces (even no-break ones) that group its digits."""
    return "".join(str(value).split())
