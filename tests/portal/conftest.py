"""A small but complete published strategy, and its draft sibling under consultation."""

import datetime
from decimal import Decimal

import pytest

from actors import roles
from actors.models import Neighbourhood
from indicators.enums import IndicatorKind
from strategy.enums import ActionStatus, OrientationStatus, PartnerRole, StrategyStatus
from strategy.models import ActionPartner, Signatory
from tests.actors.factories import ContactFactory, NeighbourhoodFactory, OrganisationFactory, sector
from tests.indicators.factories import IndicatorFactory, MeasurementFactory
from tests.strategy.beneficiary_factories import beneficiaries
from tests.strategy.factories import (
    ActionFactory,
    AxisFactory,
    BudgetLineFactory,
    DecisionFactory,
    MeetingFactory,
    OrientationFactory,
    StrategyFactory,
    SwotItemFactory,
    TerritoryFactory,
    UserFactory,
    WorkshopFactory,
    audience,
)

SECRET_EMAIL = "secret.referent@example.org"
SECRET_PHONE = "06 99 88 77 66"


def build_portal(action_count=5):
    """An adopted strategy with everything its pages show, and a strategy under consultation."""
    territory = TerritoryFactory(name="Ivry-sur-Seine", population=63309, population_year=2020)
    strategy = StrategyFactory(
        territory=territory,
        title="PEDT d'Ivry-sur-Seine",
        slug="pedt-ivry",
        governance="Un comité de pilotage réunit la ville, l'Éducation nationale et la CAF.",
    )
    axis1 = AxisFactory(strategy=strategy, number=1, title="Accompagner chaque enfant")
    axis2 = AxisFactory(strategy=strategy, number=2, title="Promouvoir la culture")
    orientation = OrientationFactory(
        strategy=strategy,
        axis=axis2,
        number=1,
        title="Un parcours culturel pour chaque enfant",
        status=OrientationStatus.VALIDATED,
        validated_on=datetime.date(2023, 6, 1),
    )
    hood = NeighbourhoodFactory(territory=territory, name="Ivry Port", slug="ivry-port", is_priority=True)
    pilot = OrganisationFactory(name="Service enfance", slug="service-enfance")
    partner = OrganisationFactory(name="Conservatoire", slug="conservatoire")
    consenting = ContactFactory(
        organisation=pilot,
        first_name="Alice",
        last_name="Martin",
        job_title="Coordinatrice",
        public_consent=True,
    )
    secret = ContactFactory(
        organisation=pilot,
        first_name="Bruno",
        last_name="Secret",
        job_title="Chef de service",
        email=SECRET_EMAIL,
        phone=SECRET_PHONE,
        public_consent=False,
    )
    theatre = ActionFactory(
        strategy=strategy,
        axis=axis2,
        orientation=orientation,
        code="2.1",
        title="Parcours théâtre à l'école",
        summary="Chaque classe voit une pièce de théâtre chaque année.",
        description="Description administrative du parcours.",
        pilot=pilot,
        pilot_contact=consenting,
    )
    theatre.neighbourhoods.add(hood)
    theatre.audiences.add(audience("6-11"))
    theatre.sectors.add(sector("culture"))
    ActionPartner.objects.create(action=theatre, organisation=partner, role=PartnerRole.OPERATOR)
    BudgetLineFactory(action=theatre, year=2024, funder=partner, planned_amount=Decimal("12500.50"))
    beneficiaries(
        theatre, year=2025, total=172, girls=90, boys=80, in_priority_area=120, by_audience={"6-11": 150}
    )
    beneficiaries(theatre, year=2024, total=1754)
    hidden_contact_action = ActionFactory(
        strategy=strategy,
        axis=axis1,
        code="1.1",
        title="Fournitures scolaires",
        pilot=pilot,
        pilot_contact=secret,
    )
    for index in range(action_count - 2):
        action = ActionFactory(strategy=strategy, axis=axis1, code=f"1.{index + 2}", pilot=pilot)
        action.neighbourhoods.add(hood)
        action.audiences.add(audience("11-15"))
        ActionPartner.objects.create(action=action, organisation=partner)
        BudgetLineFactory(action=action, funder=partner)
    proposed = ActionFactory(
        strategy=strategy,
        axis=axis1,
        code="1.99",
        title="Projet confidentiel de cantine",
        status=ActionStatus.PROPOSED,
        pilot=pilot,
    )
    indicator = IndicatorFactory(strategy=strategy, code="I1", slug="places-creche", name="Places en crèche")
    indicator.actions.add(theatre, proposed)
    for period, value in (("2022", 210), ("2023", 237)):
        MeasurementFactory(indicator=indicator, period=period, value=Decimal(value))
    MeasurementFactory(indicator=indicator, period="2023", value=Decimal(40), neighbourhood=hood)
    qualitative = IndicatorFactory(
        strategy=strategy,
        code="I2",
        slug="bien-etre",
        name="Bien-être des enfants",
        kind=IndicatorKind.QUALITATIVE,
        unit="",
        baseline_value=None,
        target_value=None,
    )
    MeasurementFactory(indicator=qualitative, period="2023", value=None, rating="3", comment="En progrès")
    unpublished = IndicatorFactory(
        strategy=strategy,
        code="I9",
        slug="indicateur-interne",
        name="Indicateur interne secret",
        is_public=False,
    )
    workshop = WorkshopFactory(strategy=strategy, title="Atelier axe 1", axis=axis1, participants_count=29)
    workshop.organisations.add(partner)
    SwotItemFactory(strategy=strategy, axis=axis1, kind="strength", text="Un tissu associatif dense.")
    SwotItemFactory(strategy=strategy, axis=axis1, kind="threat", text="Des familles isolées.")
    meeting = MeetingFactory(strategy=strategy, title="COPIL de juin")
    decision = DecisionFactory(meeting=meeting, text="Le comité valide les orientations.")
    decision.orientations.add(orientation)
    decision.actions.add(theatre, proposed)
    Signatory.objects.create(
        strategy=strategy, organisation=pilot, representative="Le maire", representative_title="Maire"
    )

    draft = StrategyFactory(
        territory=territory,
        title="PEDT 2027 en concertation",
        slug="pedt-2027",
        status=StrategyStatus.CONSULTATION,
        start_date=datetime.date(2027, 9, 1),
        end_date=datetime.date(2030, 8, 31),
    )
    draft_axis = AxisFactory(strategy=draft, number=1, title="Grandir ensemble")
    draft_orientation = OrientationFactory(
        strategy=draft, axis=draft_axis, number=1, title="Écouter les familles"
    )
    draft_action = ActionFactory(
        strategy=draft,
        axis=draft_axis,
        orientation=draft_orientation,
        code="1.1",
        title="Café des parents",
        status=ActionStatus.PROPOSED,
        pilot=pilot,
    )
    hidden = StrategyFactory(
        territory=territory, title="Brouillon interne", slug="brouillon", status=StrategyStatus.DRAFT
    )
    return {
        "strategy": strategy,
        "theatre": theatre,
        "hidden_contact_action": hidden_contact_action,
        "proposed": proposed,
        "indicator": indicator,
        "qualitative": qualitative,
        "unpublished": unpublished,
        "neighbourhood": hood,
        "pilot": pilot,
        "partner": partner,
        "draft": draft,
        "draft_orientation": draft_orientation,
        "draft_action": draft_action,
        "hidden": hidden,
        "neighbourhoods": Neighbourhood.objects.filter(territory=territory),
    }


@pytest.fixture
def portal(db):
    return build_portal()


@pytest.fixture
def partner(db):
    return UserFactory(
        username="partenaire", first_name="Paule", last_name="Partenaire", role=roles.PARTENAIRE
    )
