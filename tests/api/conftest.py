from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.core.cache import cache
from django.core.management import call_command
from rest_framework.test import APIClient

from demo.load import reset_portal
from indicators.enums import IndicatorKind
from strategy.enums import ActionStatus, OrientationStatus, PartnerRole, StrategyStatus
from strategy.models import ActionPartner
from tests.actors.factories import ContactFactory, NeighbourhoodFactory, OrganisationFactory, sector
from tests.indicators.factories import IndicatorFactory, MeasurementFactory
from tests.strategy.factories import (
    ActionFactory,
    AxisFactory,
    BudgetLineFactory,
    OrientationFactory,
    StrategyFactory,
    audience,
)


@pytest.fixture(autouse=True)
def _fresh_throttles():
    # Throttle counters live in the cache: each test starts with a clean slate.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo strategies, loaded once for a module's tests and removed after them."""
    with django_db_blocker.unblock():
        call_command("loaddemo")
        yield
        reset_portal()


@pytest.fixture
def api_client():
    return APIClient()


def add_actions(strategy, count, *, axis, orientation, neighbourhood, indicator, funder, prefix="A"):
    """``count`` fully described actions: partners, audiences, sectors, budget lines, an indicator."""
    actions = []
    for number in range(count):
        pilot_contact = ContactFactory(public_consent=number % 2 == 0)
        action = ActionFactory(
            strategy=strategy,
            axis=axis,
            orientation=orientation,
            code=f"{prefix}.{number + 1}",
            pilot=pilot_contact.organisation,
            pilot_contact=pilot_contact,
            status=ActionStatus.IN_PROGRESS,
        )
        ActionPartner.objects.create(action=action, organisation=funder, role=PartnerRole.FUNDER)
        ActionPartner.objects.create(
            action=action, organisation=OrganisationFactory(), role=PartnerRole.OPERATOR
        )
        action.audiences.add(audience("6-11"), audience("11-15"))
        action.neighbourhoods.add(neighbourhood)
        action.sectors.add(sector("education"))
        BudgetLineFactory(action=action, funder=funder, year=2024)
        BudgetLineFactory(action=action, funder=funder, year=2025)
        indicator.actions.add(action)
        MeasurementFactory(indicator=indicator, period=str(2000 + number), value=number)
        actions.append(action)
    return actions


@pytest.fixture
def world(db):
    """An adopted strategy with public and private parts, a draft strategy, and a source organisation."""
    strategy = StrategyFactory(title="PEDT de Villebelle", slug="pedt-villebelle")
    axis = AxisFactory(strategy=strategy, number=1, title="Réussite éducative")
    axis_two = AxisFactory(strategy=strategy, number=2, title="Culture")
    orientation = OrientationFactory(
        strategy=strategy, axis=axis, number=1, status=OrientationStatus.VALIDATED, validated_on="2021-06-25"
    )
    neighbourhood = NeighbourhoodFactory(
        territory=strategy.territory, name="Quartiers sud", slug="quartiers-sud"
    )
    other_neighbourhood = NeighbourhoodFactory(territory=strategy.territory, name="Centre", slug="centre")
    source = OrganisationFactory(name="Caisse d'allocations familiales", slug="caf")
    indicator = IndicatorFactory(strategy=strategy, code="I1", source=source, unit="places")
    qualitative = IndicatorFactory(
        strategy=strategy,
        code="Q1",
        kind=IndicatorKind.QUALITATIVE,
        source=source,
        baseline_value=None,
        target_value=None,
    )
    private_indicator = IndicatorFactory(strategy=strategy, code="SECRET", is_public=False, source=source)
    MeasurementFactory(indicator=private_indicator, period="2023", value=Decimal("1"))
    actions = add_actions(
        strategy,
        3,
        axis=axis,
        orientation=orientation,
        neighbourhood=neighbourhood,
        indicator=indicator,
        funder=source,
    )
    # The pilot contact of the first action agreed to be named, with e-mail and phone on record.
    consenting = actions[0].pilot_contact
    consenting.email, consenting.phone = "camille.secret@example.org", "06 11 22 33 44"
    consenting.save()
    done = ActionFactory(strategy=strategy, axis=axis_two, code="2.1", status=ActionStatus.DONE)
    done.neighbourhoods.add(other_neighbourhood)
    draft = ActionFactory(strategy=strategy, axis=axis_two, code="2.9", status=ActionStatus.PROPOSED)
    private_indicator.actions.add(actions[0])
    indicator.actions.add(draft)

    hidden_strategy = StrategyFactory(title="Cité éducative en préparation", status=StrategyStatus.DRAFT)
    hidden_action = ActionFactory(strategy=hidden_strategy, code="9.9", status=ActionStatus.VALIDATED)
    hidden_indicator = IndicatorFactory(strategy=hidden_strategy, code="H1", source=source)
    MeasurementFactory(indicator=hidden_indicator, period="2022")
    return SimpleNamespace(
        strategy=strategy,
        axis=axis,
        orientation=orientation,
        neighbourhood=neighbourhood,
        source=source,
        indicator=indicator,
        qualitative=qualitative,
        private_indicator=private_indicator,
        actions=actions,
        done=done,
        draft=draft,
        hidden_strategy=hidden_strategy,
        hidden_action=hidden_action,
        hidden_indicator=hidden_indicator,
    )
