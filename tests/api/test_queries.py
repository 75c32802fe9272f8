"""Every API list costs the same number of queries with 3 rows or 30: no N+1."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from indicators.enums import IndicatorKind
from strategy.enums import StrategyStatus
from strategy.models import Signatory
from tests.actors.factories import NeighbourhoodFactory, OrganisationFactory
from tests.api.conftest import add_actions
from tests.indicators.factories import IndicatorFactory, MeasurementFactory
from tests.strategy.factories import AxisFactory, OrientationFactory, StrategyFactory


def queries_for(client, url, expected_rows, **filters):
    with CaptureQueriesContext(connection) as context:
        response = client.get(url, {"taille": 500, **filters})
    assert response.status_code == 200, response.content
    assert response.json()["count"] == expected_rows
    return len(context)


@pytest.fixture
def strategy(db):
    return StrategyFactory(slug="pedt-mesure")


def grow_actions(strategy, count, start):
    axis = strategy.axes.first() or AxisFactory(strategy=strategy, number=1)
    orientation = strategy.orientations.first() or OrientationFactory(strategy=strategy, axis=axis, number=1)
    neighbourhood = NeighbourhoodFactory(territory=strategy.territory)
    indicator = IndicatorFactory(strategy=strategy, code=f"G{start}", source=OrganisationFactory())
    funder = OrganisationFactory()
    add_actions(
        strategy,
        count,
        axis=axis,
        orientation=orientation,
        neighbourhood=neighbourhood,
        indicator=indicator,
        funder=funder,
        prefix=f"{start}",
    )


def test_actions_list_queries_do_not_grow_with_the_number_of_actions(api_client, strategy):
    url = "/api/v1/strategies/pedt-mesure/actions/"
    grow_actions(strategy, 3, start=1)
    few = queries_for(api_client, url, 3)
    grow_actions(strategy, 27, start=2)

    # strategy, count, actions (budget totals as subqueries), then one prefetch each for partners,
    # audiences, neighbourhoods, sectors and visible indicators.
    assert queries_for(api_client, url, 30) == few == 8


def test_actions_list_filtered_keeps_the_same_queries(api_client, strategy):
    url = "/api/v1/strategies/pedt-mesure/actions/"
    grow_actions(strategy, 3, start=1)
    few = queries_for(api_client, url, 3, statut="in_progress", axe=1)
    grow_actions(strategy, 27, start=2)

    # The same eight, plus the filterset's check of the axis number.
    assert queries_for(api_client, url, 30, statut="in_progress", axe=1) == few == 9


def test_indicators_list_queries_do_not_grow(api_client, strategy):
    url = "/api/v1/strategies/pedt-mesure/indicateurs/"
    grow_actions(strategy, 3, start=1)
    for number in range(2):
        IndicatorFactory(strategy=strategy, code=f"Q{number}", kind=IndicatorKind.QUALITATIVE)
    few = queries_for(api_client, url, 3)
    for number in range(27):
        indicator = IndicatorFactory(strategy=strategy, code=f"N{number}", source=OrganisationFactory())
        MeasurementFactory(indicator=indicator, period="2024")

    # strategy, count, indicators with their latest measurement (subqueries), visible actions.
    assert queries_for(api_client, url, 30) == few == 4


def test_measurements_list_queries_do_not_grow(api_client, strategy):
    indicator = IndicatorFactory(strategy=strategy)
    neighbourhood = NeighbourhoodFactory(territory=strategy.territory)
    for year in range(2001, 2004):
        MeasurementFactory(indicator=indicator, period=str(year), neighbourhood=neighbourhood)
    few = queries_for(api_client, "/api/v1/mesures/", 3)
    for year in range(2004, 2031):
        MeasurementFactory(indicator=indicator, period=str(year), neighbourhood=neighbourhood)

    # count, measurements with indicator, strategy and neighbourhood joined.
    assert queries_for(api_client, "/api/v1/mesures/", 30) == few == 2


def test_strategies_axes_and_orientations_lists_queries_do_not_grow(api_client, strategy):
    def make(count, start):
        for number in range(start, start + count):
            StrategyFactory(status=StrategyStatus.ADOPTED)
            axis = AxisFactory(strategy=strategy, number=number)
            OrientationFactory(strategy=strategy, axis=axis, number=number)

    make(2, 1)  # with the fixture's strategy: 3 strategies, 2 axes and 2 orientations
    AxisFactory(strategy=strategy, number=100)
    OrientationFactory(strategy=strategy, axis=None, number=100)
    counts = {
        "strategies": queries_for(api_client, "/api/v1/strategies/", 3),
        "axes": queries_for(api_client, "/api/v1/strategies/pedt-mesure/axes/", 3),
        "orientations": queries_for(api_client, "/api/v1/strategies/pedt-mesure/orientations/", 3),
    }
    make(27, 3)

    assert queries_for(api_client, "/api/v1/strategies/", 30) == counts["strategies"] == 2  # count, rows
    # strategy, count, rows (orientations join their axis)
    assert queries_for(api_client, "/api/v1/strategies/pedt-mesure/axes/", 30) == counts["axes"] == 3
    assert (
        queries_for(api_client, "/api/v1/strategies/pedt-mesure/orientations/", 30)
        == counts["orientations"]
        == 3
    )


def test_organisations_list_queries_do_not_grow(api_client, strategy):
    def make(count):
        for _ in range(count):
            Signatory.objects.create(
                strategy=strategy,
                organisation=OrganisationFactory(parent=OrganisationFactory()),
                representative="Camille Martin",
                representative_title="Maire",
            )

    make(3)
    few = queries_for(api_client, "/api/v1/organisations/", 3)
    make(27)

    # count, organisations with their parent, their sectors.
    assert queries_for(api_client, "/api/v1/organisations/", 30) == few == 3
