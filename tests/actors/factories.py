import factory
from django.utils.text import slugify

from actors.enums import OrganisationKind
from actors.models import Contact, Neighbourhood, Organisation, Sector


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Organisation {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))
    kind = OrganisationKind.ASSOCIATION


class ContactFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Contact

    organisation = factory.SubFactory(OrganisationFactory)
    first_name = "Camille"
    last_name = factory.Sequence(lambda n: f"Durand{n}")
    job_title = "Chargée de mission"
    email = factory.LazyAttribute(lambda c: f"{c.last_name.lower()}@example.org")
    phone = "01 23 45 67 89"


class NeighbourhoodFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Neighbourhood

    territory = factory.SubFactory("tests.strategy.factories.TerritoryFactory")
    name = factory.Sequence(lambda n: f"Quartier {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))


def sector(code="education"):
    """Sectors are reference data created by a migration."""
    return Sector.objects.get(code=code)
