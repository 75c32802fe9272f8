import datetime
from decimal import Decimal

import factory
from django.contrib.auth.models import Group, User
from django.utils.text import slugify

from actors import roles
from actors.models import Territory
from strategy.enums import ActionStatus, OrientationStatus, StrategyKind, StrategyStatus
from strategy.models import (
    Action,
    Audience,
    Axis,
    BudgetLine,
    Contribution,
    Decision,
    Meeting,
    Orientation,
    Strategy,
    SwotItem,
    Workshop,
)
from tests.actors.factories import ContactFactory, OrganisationFactory


class TerritoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Territory
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Commune {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))
    population = 30000


class StrategyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Strategy

    territory = factory.SubFactory(TerritoryFactory)
    kind = StrategyKind.PEDT
    title = factory.Sequence(lambda n: f"Projet éducatif {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.title))
    status = StrategyStatus.ADOPTED
    start_date = datetime.date(2023, 9, 1)
    end_date = datetime.date(2026, 8, 31)
    summary = "Une stratégie pour la réussite de chaque enfant."


class AxisFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Axis

    strategy = factory.SubFactory(StrategyFactory)
    number = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"Axe numéro {n + 1}")


class OrientationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Orientation

    strategy = factory.SubFactory(StrategyFactory)
    axis = factory.SubFactory(AxisFactory, strategy=factory.SelfAttribute("..strategy"))
    number = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"Orientation {n + 1}")
    status = OrientationStatus.VALIDATED
    validated_on = datetime.date(2023, 6, 25)


class ActionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Action

    strategy = factory.SubFactory(StrategyFactory)
    axis = factory.SubFactory(AxisFactory, strategy=factory.SelfAttribute("..strategy"))
    orientation = None
    code = factory.Sequence(lambda n: f"1.{n + 1}")
    title = factory.Sequence(lambda n: f"Action éducative {n + 1}")
    summary = "Des ateliers pour les enfants après l'école."
    pilot = factory.SubFactory(OrganisationFactory)
    status = ActionStatus.IN_PROGRESS
    start_date = datetime.date(2024, 1, 1)
    end_date = datetime.date(2025, 12, 31)


class BudgetLineFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = BudgetLine

    action = factory.SubFactory(ActionFactory)
    year = 2024
    funder = factory.SubFactory(OrganisationFactory)
    planned_amount = Decimal("10000.00")
    executed_amount = Decimal("2500.00")


class WorkshopFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Workshop

    strategy = factory.SubFactory(StrategyFactory)
    title = "Groupe de travail"
    kind = "diagnosis"
    date = datetime.date(2021, 6, 10)
    participants_count = 20


class SwotItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SwotItem

    strategy = factory.SubFactory(StrategyFactory)
    kind = "strength"
    text = "Un tissu associatif dense."


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meeting

    strategy = factory.SubFactory(StrategyFactory)
    date = datetime.date(2021, 6, 25)
    title = "Comité de pilotage"


class DecisionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Decision

    meeting = factory.SubFactory(MeetingFactory)
    kind = "validate_orientations"
    text = "Le comité valide les orientations."


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    password = factory.django.Password("demo")

    @factory.post_generation
    def role(self, create, extracted, **kwargs):
        if not extracted:
            return
        self.groups.add(Group.objects.get(name=extracted))
        if extracted in roles.INSIDE_ROLES:
            self.is_staff = True
            self.save(update_fields=["is_staff"])


class ContributionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Contribution

    strategy = factory.SubFactory(StrategyFactory, status=StrategyStatus.CONSULTATION)
    author = factory.SubFactory(UserFactory, role=roles.PARTENAIRE)
    body = "Penser aux familles non francophones."


def audience(code="6-11"):
    """Audiences are reference data created by a migration."""
    return Audience.objects.get(code=code)


def pilot_user(organisation=None, **kwargs):
    """A `pilote` account attached to an organisation through its contact record."""
    user = UserFactory(role=roles.PILOTE, **kwargs)
    ContactFactory(organisation=organisation or OrganisationFactory(), user=user)
    return user
