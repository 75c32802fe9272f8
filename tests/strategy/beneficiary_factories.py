"""Beneficiaries of an action in a year, with their breakdown by audience."""

import factory

from strategy.models import ActionBeneficiaries, BeneficiariesByAudience
from tests.strategy.factories import ActionFactory, audience


class ActionBeneficiariesFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ActionBeneficiaries

    action = factory.SubFactory(ActionFactory)
    year = 2025
    total = 172


def beneficiaries(action, year=2025, total=172, by_audience=None, **counts):
    """The action's beneficiaries of ``year``; ``by_audience`` maps audience codes to counts."""
    row = ActionBeneficiariesFactory(action=action, year=year, total=total, **counts)
    for code, count in (by_audience or {}).items():
        BeneficiariesByAudience.objects.create(beneficiaries=row, audience=audience(code), count=count)
    return row
