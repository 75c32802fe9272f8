import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from actors.models import Contact, Neighbourhood, Organisation, Sector, Territory
from indicators.models import Indicator, Measurement
from strategy.enums import StrategyStatus
from strategy.models import (
    Action,
    ActionPartner,
    Audience,
    Axis,
    BudgetLine,
    Contribution,
    Decision,
    Meeting,
    Orientation,
    Signatory,
    Strategy,
    SwotItem,
    Workshop,
)
from tests.actors.factories import ContactFactory, NeighbourhoodFactory, OrganisationFactory
from tests.indicators.factories import IndicatorFactory, MeasurementFactory
from tests.strategy.factories import (
    ActionFactory,
    AxisFactory,
    BudgetLineFactory,
    ContributionFactory,
    DecisionFactory,
    MeetingFactory,
    OrientationFactory,
    StrategyFactory,
    SwotItemFactory,
    TerritoryFactory,
    WorkshopFactory,
)


def admin_url(model, view, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


def count_queries(client, url):
    """Number of queries one GET of ``url`` makes; the answer must be a 200."""
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return len(context.captured_queries)


def populate(start, count):
    """Add ``count`` rows of every model, hanging as many children on the first of each parent."""
    strategy = Strategy.objects.filter(slug="strategie-admin").first() or StrategyFactory(
        slug="strategie-admin", status=StrategyStatus.CONSULTATION
    )
    territory = strategy.territory
    for i in range(start, start + count):
        organisation = OrganisationFactory()
        TerritoryFactory()
        NeighbourhoodFactory(territory=territory)
        axis = AxisFactory(strategy=strategy)
        orientation = OrientationFactory(strategy=strategy, axis=axis)
        Signatory.objects.create(
            strategy=strategy,
            organisation=organisation,
            representative=f"Élu {i}",
            representative_title="Maire",
        )
        action = ActionFactory(strategy=strategy, axis=axis, orientation=orientation, pilot=organisation)
        first_action = Action.objects.filter(strategy=strategy).order_by("pk").first()
        ActionPartner.objects.create(action=first_action, organisation=organisation)
        BudgetLineFactory(action=first_action, funder=organisation)
        BudgetLineFactory(action=action, funder=organisation, year=2025)
        ContactFactory(organisation=Action.objects.order_by("pk").first().pilot)
        workshop = WorkshopFactory(strategy=strategy)
        first_workshop = Workshop.objects.order_by("pk").first()
        SwotItemFactory(strategy=strategy, workshop=first_workshop, axis=axis)
        workshop.organisations.add(organisation)
        MeetingFactory(strategy=strategy)
        decision = DecisionFactory(meeting=Meeting.objects.order_by("pk").first())
        decision.actions.add(action)
        decision.orientations.add(orientation)
        ContributionFactory(strategy=strategy, action=action)
        indicator = IndicatorFactory(strategy=strategy, source=organisation)
        indicator.actions.add(action)
        indicator.orientations.add(orientation)
        MeasurementFactory(indicator=Indicator.objects.order_by("pk").first(), period=str(2000 + i))
        MeasurementFactory(indicator=indicator, period="2024")
    return strategy


#: Every model this project registers in the admin, with the first object's change form to open.
MODELS = [
    Sector,
    Organisation,
    Contact,
    Neighbourhood,
    Audience,
    Territory,
    Strategy,
    Axis,
    Orientation,
    Signatory,
    Action,
    ActionPartner,
    BudgetLine,
    Workshop,
    SwotItem,
    Meeting,
    Decision,
    Contribution,
    Indicator,
    Measurement,
]


@pytest.fixture
def today():
    return datetime.date(2025, 11, 20)


def form_data(response):
    """The POST data a browser would send back from an admin change form, inlines included."""
    data = {}

    def add(form):
        for name in form.fields:
            bound = form[name]
            value = bound.value()
            if value is None or value is False:
                continue
            if value is True:
                data[bound.html_name] = "on"
            elif isinstance(value, (list, tuple)):
                data[bound.html_name] = [str(item) for item in value]
            else:
                data[bound.html_name] = str(value)

    add(response.context["adminform"].form)
    for inline in response.context["inline_admin_formsets"]:
        add(inline.formset.management_form)
        for form in inline.formset.forms:
            add(form)
    return data


@pytest.fixture
def world(db):
    """Two of everything; the pilot works for the organisation piloting the first action."""
    from tests.strategy.factories import pilot_user

    strategy = populate(0, 2)
    own_action, other_action = Action.objects.order_by("pk")[:2]
    return {
        "strategy": strategy,
        "own_action": own_action,
        "other_action": other_action,
        "pilot": pilot_user(organisation=own_action.pilot, username="pilote"),
    }
