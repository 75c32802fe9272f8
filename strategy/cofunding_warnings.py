"""What the admin and the documents say when a year's co-funding rule (``strategy.cofunding``) is not met."""

from django.utils.translation import gettext as _

from shared.formatting import euros
from strategy import cofunding


def message(result):
    """« En 2025, la commune apporte 12 000 € pour 40 000 € de l'État : 28 000 € de moins que la part
    attendue. » for a ``CofundingCheck`` that is not met."""
    return _(
        "En %(year)s, la commune apporte %(commune)s pour %(state)s de l'État : "
        "%(shortfall)s de moins que la part attendue (%(expected)s)."
    ) % {
        "year": result.year,
        "commune": euros(result.commune),
        "state": euros(result.state),
        "shortfall": euros(result.shortfall),
        "expected": euros(result.expected_commune),
    }


def unmet(strategy, lines=None):
    """The strategy's years whose co-funding rule is not met, as ``CofundingCheck`` (none without a rule)."""
    if strategy.cofunding_ratio is None:
        return []
    return [result for result in cofunding.checks(strategy, lines) if result.is_met is False]


def warnings(strategy, lines=None):
    """The French warning of each year not met, in year order."""
    return [message(result) for result in unmet(strategy, lines)]
