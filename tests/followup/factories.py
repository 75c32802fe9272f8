import datetime

import factory
from django.utils import timezone

from followup.models import ReportingRound
from tests.strategy.factories import StrategyFactory


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
