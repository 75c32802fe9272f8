"""A complete strategy for the document tests, built with the apps' factories."""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from strategy.enums import ActionStatus, OrientationStatus, PartnerRole, StrategyKind, StrategyStatus
from strategy.models import ActionPartner, Signatory
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
    audience,
)

SECRET_EMAIL = "camille.secret@example.org"
SECRET_PHONE = "01 99 88 77 66"
DRAFT_TITLE = "Projet brouillon confidentiel"
UNPUBLISHED_INDICATOR = "Indicateur interne non publié"
CONTRIBUTION_BODY = "Contribution ouverte du partenaire"


@dataclass
class Built:
    strategy: object
    axes: list = field(default_factory=list)
    orientations: list = field(default_factory=list)
    actions: list = field(default_factory=list)
    draft: object = None
    indicators: list = field(default_factory=list)
    signatories: list = field(default_factory=list)


def build_strategy(slug="pedt-test", *, status=StrategyStatus.ADOPTED, actions_per_orientation=2, prefix=""):
    """An adopted PEDT with two axes, three orientations (one transversal), actions, indicators,
    a funding table over two years, workshops, a SWOT, a COPIL, signatories, and what must stay
    hidden from anonymous visitors: a draft action, an unpublished indicator, a contact's e-mail
    and phone, an open contribution."""
    territory = TerritoryFactory(
        name=f"{prefix}Ivry-sur-Seine", slug=f"{slug}-territoire", department="Val-de-Marne"
    )
    strategy = StrategyFactory(
        territory=territory,
        slug=slug,
        title=f"{prefix}Projet éducatif territorial d'Ivry-sur-Seine",
        kind=StrategyKind.PEDT,
        status=status,
        start_date=datetime.date(2023, 9, 1),
        end_date=datetime.date(2026, 8, 31),
        summary="Chaque enfant trouve sa place : à l'école, au centre de loisirs et dans la ville.",
        governance="Un comité de pilotage réunit la ville, l'Éducation nationale et la CAF deux fois par an.",
        co_construction="Trois ateliers ont réuni les partenaires au printemps.",
    )
    built = Built(strategy=strategy)
    city = OrganisationFactory(name=f"{slug} Ville d'Ivry-sur-Seine", short_name="Ville")
    caf = OrganisationFactory(name=f"{slug} CAF du Val-de-Marne", short_name="CAF")
    state = OrganisationFactory(name=f"{slug} Préfecture du Val-de-Marne", short_name="Préfecture")
    school = OrganisationFactory(name=f"{slug} Collège Henri-Wallon")
    hidden_contact = ContactFactory(
        organisation=city, first_name="Camille", last_name="Secret", email=SECRET_EMAIL, phone=SECRET_PHONE
    )
    public_contact = ContactFactory(
        organisation=city,
        first_name="Dominique",
        last_name="Publique",
        job_title="Coordinatrice PEDT",
        email="dominique.publique@example.org",
        phone="01 11 22 33 44",
        public_consent=True,
    )
    neighbourhood = NeighbourhoodFactory(
        territory=territory, name=f"{slug} Quartier Gagarine", is_priority=True
    )

    axis_titles = ["Accompagner chaque enfant dans son parcours", "Promouvoir la culture"]
    for number, title in enumerate(axis_titles, start=1):
        built.axes.append(AxisFactory(strategy=strategy, number=number, title=title))
    orientation_specs = [
        (built.axes[0], "Réduire les inégalités dès la petite enfance"),
        (built.axes[1], "Un parcours culturel pour chaque classe"),
        (None, "Associer les familles à chaque étape"),
    ]
    for number, (axis, title) in enumerate(orientation_specs, start=1):
        built.orientations.append(
            OrientationFactory(
                strategy=strategy,
                axis=axis,
                number=number,
                title=title,
                status=OrientationStatus.VALIDATED,
                validated_on=datetime.date(2023, 6, 25),
            )
        )

    statuses = [ActionStatus.IN_PROGRESS, ActionStatus.DONE, ActionStatus.VALIDATED, ActionStatus.POSTPONED]
    count = 0
    for orientation in built.orientations:
        axes = [orientation.axis] if orientation.axis else built.axes
        for axis in axes:
            for _index in range(actions_per_orientation):
                count += 1
                action = ActionFactory(
                    strategy=strategy,
                    axis=axis,
                    orientation=orientation,
                    code=f"{axis.number}.{count}",
                    title=f"Action {count} : ateliers « lire et grandir »",
                    summary=f"Résumé clair de l'action {count} pour les familles.",
                    pilot=city if count % 2 else school,
                    pilot_contact=hidden_contact if count == 1 else public_contact,
                    status=statuses[count % len(statuses)],
                    progress=40,
                    start_date=datetime.date(2024, 1, 15),
                    end_date=datetime.date(2025, 6, 30),
                )
                ActionPartner.objects.create(action=action, organisation=caf, role=PartnerRole.FUNDER)
                action.audiences.add(audience("6-11"))
                action.neighbourhoods.add(neighbourhood)
                BudgetLineFactory(action=action, year=2024, funder=caf, planned_amount=Decimal("12500"))
                BudgetLineFactory(action=action, year=2025, funder=state, planned_amount=Decimal("7500"))
                built.actions.append(action)
    built.draft = ActionFactory(
        strategy=strategy,
        axis=built.axes[0],
        orientation=built.orientations[0],
        code="1.99",
        title=DRAFT_TITLE,
        pilot=city,
        status=ActionStatus.PROPOSED,
    )
    BudgetLineFactory(action=built.draft, year=2024, funder=caf, planned_amount=Decimal("99000"))

    crèches = IndicatorFactory(
        strategy=strategy, code="IND-1", slug="ind-1", name="Places en crèche municipale", unit="places"
    )
    crèches.actions.add(built.actions[0])
    MeasurementFactory(indicator=crèches, period="2023", value=Decimal("237"))
    MeasurementFactory(indicator=crèches, period="2024", value=Decimal("245"))
    culture = IndicatorFactory(
        strategy=strategy,
        code="IND-2",
        slug="ind-2",
        name="Collégiens touchés par une action culturelle",
        unit="%",
        baseline_value=Decimal("60"),
        target_value=Decimal("90"),
        is_core=True,  # the core (socle commun) comes first in the documents, marked as such
    )
    MeasurementFactory(indicator=culture, period="2024", value=Decimal("75"))
    # A breakdown by sex of a later period: the documents' series stays the territory-wide one.
    MeasurementFactory(indicator=culture, period="2025", sex="girls", value=Decimal("99"))
    hidden = IndicatorFactory(
        strategy=strategy, code="IND-9", slug="ind-9", name=UNPUBLISHED_INDICATOR, is_public=False
    )
    MeasurementFactory(indicator=hidden, period="2024", value=Decimal("3"))
    built.indicators = [crèches, culture]

    workshop = WorkshopFactory(
        strategy=strategy,
        title="Atelier axe 1",
        phase="Temps 1",
        axis=built.axes[0],
        date=datetime.date(2023, 6, 10),
        participants_count=29,
        outcomes="Un besoin d'accueil des tout-petits.",
    )
    workshop.organisations.add(city, caf)
    SwotItemFactory(
        strategy=strategy,
        axis=built.axes[0],
        kind="strength",
        text="Un réseau de crèches dense",
        workshop=workshop,
    )
    SwotItemFactory(
        strategy=strategy, axis=built.axes[0], kind="threat", text="Des familles éloignées des institutions"
    )
    meeting = MeetingFactory(strategy=strategy, date=datetime.date(2024, 6, 25), title="COPIL de juin 2024")
    DecisionFactory(meeting=meeting, text="Le comité valide le parcours culturel.")
    ContributionFactory(strategy=strategy, body=CONTRIBUTION_BODY)

    for order, (organisation, person, title) in enumerate(
        [
            (city, "Philippe Bouyssou", "Maire d'Ivry-sur-Seine"),
            (state, "Sophie Thibault", "Préfète du Val-de-Marne"),
            (caf, "Jean Martin", "Directeur de la CAF"),
        ]
    ):
        built.signatories.append(
            Signatory.objects.create(
                strategy=strategy,
                organisation=organisation,
                representative=person,
                representative_title=title,
                order=order,
            )
        )
    return built
