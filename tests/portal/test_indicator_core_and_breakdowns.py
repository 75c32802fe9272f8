"""The public indicator pages: the core (socle commun) as a filter and a badge; the territory-wide
series stays the headline and the values broken down by neighbourhood, age band and sex are a table
below it, fetched in a fixed number of queries."""

import re
from decimal import Decimal

import pytest

from indicators.enums import MeasurementStatus, Sex
from indicators.models import Indicator
from tests.indicators.factories import MeasurementFactory
from tests.strategy.factories import audience

LIST = "/strategies/pedt-ivry/indicateurs/"


def card_titles(html):
    return re.findall(r'<span class="code">(I\d)</span>', html)


def test_the_core_filter_keeps_only_the_core_and_marks_it(client, portal):
    Indicator.objects.filter(pk=portal["indicator"].pk).update(is_core=True)

    everything = client.get(LIST).content.decode()
    core = client.get(LIST, {"socle": "1"}).content.decode()

    assert card_titles(everything) == ["I1", "I2"]
    assert everything.count('class="badge badge--core"') == 1
    assert card_titles(core) == ["I1"]
    assert '?socle=1" aria-current="page">Socle commun</a>' in core
    assert "Bien-être des enfants" not in core


def test_a_strategy_without_core_says_so_on_the_filtered_page(client, portal):
    html = client.get(LIST, {"socle": "1"}).content.decode()

    assert card_titles(html) == []
    assert "Aucun indicateur publié de cette stratégie ne fait partie du socle commun." in html


def add_breakdowns(indicator, count):
    """``count`` published breakdowns by sex and age band, and one waiting (never shown)."""
    bands = ["0-3", "3-6", "6-11", "11-15", "16-25"]
    periods = ["2019", "2020", "2021", "2022", "2023"]
    made = 0
    for period in periods:
        for band in bands:
            for sex in (Sex.GIRLS, Sex.BOYS):
                if made == count:
                    return
                MeasurementFactory(
                    indicator=indicator, period=period, audience=audience(band), sex=sex, value=Decimal(7)
                )
                made += 1


def test_the_page_shows_the_territory_headline_and_the_breakdowns_below(client, portal):
    indicator = portal["indicator"]
    # A breakdown of a later period than any territory value: the headline must not take it.
    MeasurementFactory(indicator=indicator, period="2024", sex=Sex.GIRLS, value=Decimal("130"))
    MeasurementFactory(
        indicator=indicator, period="2023", audience=audience("6-11"), sex=Sex.BOYS, value=Decimal("61")
    )
    MeasurementFactory(
        indicator=indicator,
        period="2023",
        sex=Sex.BOYS,
        value=Decimal("999"),
        status=MeasurementStatus.PENDING,
    )

    response = client.get(indicator.get_absolute_url())
    html = response.content.decode()

    assert response.context["latest"].period == "2023"
    assert response.context["latest"].value == Decimal("237")
    assert "<dd>237 places (2023)</dd>" in html
    rows = [
        (m.period, m.neighbourhood_id, m.audience_id, m.sex) for m in response.context["breakdown_values"]
    ]
    assert rows == [
        ("2023", None, audience("6-11").pk, Sex.BOYS),
        (
            "2023",
            portal["indicator"].measurements.get(neighbourhood__isnull=False).neighbourhood_id,
            None,
            Sex.ALL,
        ),
        ("2024", None, None, Sex.GIRLS),
    ]
    table = html[html.index('id="ventilations"') :]
    assert "Élémentaire (6-11 ans)</td><td>Garçons" in table
    assert "Tout le territoire</td><td>Tous publics</td><td>Filles" in table
    assert "Ivry Port" in table
    assert "999" not in html  # waiting for validation: never published


def test_an_indicator_without_breakdowns_has_no_breakdown_table(client, portal):
    html = client.get(portal["indicator"].get_absolute_url()).content.decode()
    assert 'id="ventilations"' in html  # the neighbourhood value of the fixture
    portal["indicator"].measurements.filter(neighbourhood__isnull=False).delete()

    html = client.get(portal["indicator"].get_absolute_url()).content.decode()

    assert 'id="ventilations"' not in html
    assert 'id="evolution"' in html


@pytest.mark.parametrize("page", ["detail", "list"])
def test_the_pages_cost_the_same_queries_with_2_or_40_breakdowns(
    client, portal, page, django_assert_num_queries
):
    indicator = portal["indicator"]
    url = indicator.get_absolute_url() if page == "detail" else LIST
    add_breakdowns(indicator, 2)
    # As in test_query_counts: the revision the page cache keys on, the footer's accessibility status;
    # the list also counts its pages.
    with django_assert_num_queries(7 if page == "detail" else 6):
        assert client.get(url).status_code == 200
    indicator.measurements.breakdowns().filter(audience__isnull=False).delete()
    add_breakdowns(indicator, 40)
    with django_assert_num_queries(7 if page == "detail" else 6):
        response = client.get(url)
    if page == "detail":
        assert len(response.context["breakdown_values"]) == 41
