import datetime
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from actors.models import Sector
from indicators.enums import IndicatorKind
from strategy.enums import ActionStatus, FundingStage, PartnerRole
from strategy.models import Audience
from tests.actors.factories import NeighbourhoodFactory, OrganisationFactory
from tests.indicators.factories import IndicatorFactory, MeasurementFactory
from tests.strategy.factories import (
    ActionFactory,
    AxisFactory,
    BudgetLineFactory,
    OrientationFactory,
    StrategyFactory,
    TerritoryFactory,
)
from tests.strategy.imports.libreoffice import libreoffice, libreoffice_profile  # noqa: F401  (fixtures)


class World:
    """A small strategy with everything the three tables refer to."""

    def __init__(self):
        self.territory = TerritoryFactory(name="Ivry-sur-Seine", slug="ivry-sur-seine")
        self.strategy = StrategyFactory(territory=self.territory, slug="pedt-ivry", title="PEDT d'Ivry")
        self.axis1 = AxisFactory(strategy=self.strategy, number=1, title="Accompagner chaque enfant")
        self.axis2 = AxisFactory(strategy=self.strategy, number=2, title="Promouvoir la culture")
        self.orientation = OrientationFactory(
            strategy=self.strategy, axis=self.axis1, number=1, title="Réussite éducative"
        )
        self.city = OrganisationFactory(name="Ville d'Ivry-sur-Seine", short_name="Ville", slug="ville-ivry")
        self.caf = OrganisationFactory(name="Caisse d'allocations familiales", short_name="CAF", slug="caf")
        self.association = OrganisationFactory(name="Association Élan", slug="association-elan")
        self.centre = NeighbourhoodFactory(territory=self.territory, name="Centre-ville", slug="centre-ville")
        self.port = NeighbourhoodFactory(
            territory=self.territory, name="Ivry Port", slug="ivry-port", qpv_code="QN09401M"
        )
        self.action = ActionFactory(
            strategy=self.strategy,
            axis=self.axis1,
            orientation=self.orientation,
            code="1.1",
            title="Parcours culturel des écoliers",
            summary="Chaque classe voit un spectacle.",
            pilot=self.city,
            status=ActionStatus.IN_PROGRESS,
            start_date=datetime.date(2024, 9, 1),
            end_date=datetime.date(2026, 7, 4),
        )
        self.action.partners.add(self.association, through_defaults={"role": PartnerRole.OPERATOR})
        self.action.audiences.add(Audience.objects.get(code="6-11"))
        self.action.neighbourhoods.add(self.centre, self.port)
        self.action.sectors.add(Sector.objects.get(code="culture"))
        self.other_action = ActionFactory(
            strategy=self.strategy,
            axis=self.axis2,
            code="2.1",
            title="Radio Cartable",
            pilot=self.association,
        )
        self.line = BudgetLineFactory(
            action=self.action,
            year=2024,
            funder=self.caf,
            planned_amount=Decimal("12500.50"),
            executed_amount=Decimal("2500.00"),
            stage=FundingStage.NOTIFIED,
            file_reference="CAF-2024-17",
        )
        self.indicator = IndicatorFactory(strategy=self.strategy, code="I1", name="Places en crèche")
        self.indicator.actions.add(self.action)
        self.qualitative = IndicatorFactory(
            strategy=self.strategy, code="Q1", name="Climat scolaire", kind=IndicatorKind.QUALITATIVE
        )
        self.qualitative.actions.add(self.other_action)
        MeasurementFactory(indicator=self.indicator, period="2023", value=Decimal("237"))
        MeasurementFactory(
            indicator=self.indicator, period="2023", neighbourhood=self.port, value=Decimal("41.5")
        )
        MeasurementFactory(
            indicator=self.qualitative, period="2022-2023", value=None, rating="3", comment="En progrès."
        )


@pytest.fixture
def world(db):
    return World()


class Run:
    def __init__(self, code, out, err):
        self.code = code
        self.out = out
        self.err = err


def run_command(name, *args, **options):
    """Run a management command; return its exit code (0 or 1), stdout and stderr."""
    out, err = StringIO(), StringIO()
    try:
        call_command(name, *[str(arg) for arg in args], stdout=out, stderr=err, **options)
    except CommandError as error:
        err.write(str(error))
        return Run(error.returncode, out.getvalue(), err.getvalue())
    return Run(0, out.getvalue(), err.getvalue())


@pytest.fixture
def importtable():
    return lambda *args, **options: run_command("importtable", *args, **options)


@pytest.fixture
def exporttable():
    return lambda *args, **options: run_command("exporttable", *args, **options)
