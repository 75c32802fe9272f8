"""Reporting rounds for the tests, opened the way coordination opens them (``rounds.open_round``)."""

import datetime

import factory
from django.utils import timezone

from actors import roles
from followup import rounds
from followup.models import ReportingRound
from tests.strategy.factories import StrategyFactory, UserFactory


class ReportingRoundFactory(factory.django.DjangoModelFactory):
    """A round in preparation for the school year 2024-2025 of a 2023-2026 strategy, due in a week."""

    class Meta:
        model = ReportingRound

    strategy = factory.SubFactory(StrategyFactory)
    period = "2024-2025"
    year = 2025
    deadline = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=7))
    reminder_days = 3
    message = "Merci de remplir vos fiches avant le comité de pilotage."


def open_round_of(strategy, *, opened_by=None, **kwargs):
    """A round of ``strategy`` for 2025-2026, due in 30 days, opened through the round's rules: its
    participants and reports exist."""
    values = {
        "period": "2025-2026",
        "year": 2025,
        "deadline": timezone.localdate() + datetime.timedelta(days=30),
        "reminder_days": 7,
        "message": "Merci de remplir vos fiches avant la date limite.",
        **kwargs,
    }
    round = ReportingRoundFactory(strategy=strategy, **values)
    opened_by = opened_by or UserFactory(username="coordination-ouvre", role=roles.COORDINATION)
    return rounds.open_round(round, opened_by)
