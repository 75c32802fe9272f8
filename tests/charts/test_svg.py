"""The SVG charts shared by the pages and the PDFs."""

import datetime
import xml.etree.ElementTree as ET
from decimal import Decimal
from types import SimpleNamespace

from charts.svg import Chart, budget_chart, indicator_chart, status_by_axis_chart
from indicators.enums import IndicatorKind, Sex
from indicators.models import Measurement

SVG = "{http://www.w3.org/2000/svg}"


def indicator(**kwargs):
    values = {
        "name": "Places en crèche",
        "kind": IndicatorKind.QUANTITATIVE,
        "unit": "places",
        "baseline_value": Decimal("200"),
        "target_value": Decimal("260"),
    }
    values.update(kwargs)
    return SimpleNamespace(**values)


def measurement(period, value=None, rating="", comment="", neighbourhood_id=None, sex=Sex.ALL):
    """An unsaved measurement: the chart reads it as the pages hand it over."""
    return Measurement(
        period=period, value=value, rating=rating, comment=comment, neighbourhood_id=neighbourhood_id, sex=sex
    )


def assert_is_clean_svg(chart):
    assert isinstance(chart, Chart)
    root = ET.fromstring(chart.svg)
    assert root.tag == f"{SVG}svg"
    assert root.get("role") == "img"
    assert root.get("viewBox")
    assert root.find(f"{SVG}title").text == chart.title
    assert root.find(f"{SVG}desc").text == chart.description
    for element in root.iter():
        assert "style" not in element.attrib
        assert not element.tag.endswith("script")
        assert not any(name.startswith("on") for name in element.attrib)
    return root


def test_indicator_chart_draws_territory_values_with_baseline_and_target():
    chart = indicator_chart(
        indicator(),
        [
            measurement("2022", Decimal("210")),
            measurement("2023", Decimal("1237.5")),
            measurement("2023", Decimal("40"), neighbourhood_id=3),
            measurement("2024", Decimal("600"), sex=Sex.GIRLS),  # a breakdown is never drawn
        ],
    )
    assert_is_clean_svg(chart)
    assert chart.rows == [["2022", "210 places"], ["2023", "1\u202f237,5 places"]]
    assert "Cible : 260 places" in chart.description
    assert "Référence : 200 places" in chart.description
    assert chart.svg.count("stroke-dasharray") >= 2


def test_indicator_chart_of_a_qualitative_indicator_shows_ratings():
    chart = indicator_chart(
        indicator(kind=IndicatorKind.QUALITATIVE, unit="", baseline_value=None, target_value=None),
        [measurement("2022", rating="2", comment="Fragile"), measurement("2023", rating="4")],
    )
    assert_is_clean_svg(chart)
    assert chart.rows[0] == ["2022", "2 — Insuffisant", "Fragile"]
    assert "4 sur 4 en 2023" in chart.description


def test_indicator_chart_without_values_says_so():
    chart = indicator_chart(indicator(), [])
    assert_is_clean_svg(chart)
    assert chart.rows == []
    assert "Aucune valeur" in chart.description


def test_budget_chart_totals_years_and_keeps_each_funder_row():
    rows = [
        {"funder__name": "CAF", "year": 2024, "planned": Decimal("10000"), "executed": Decimal("2500")},
        {"funder__name": "État", "year": 2024, "planned": Decimal("475000"), "executed": Decimal("0")},
        {"funder__name": "Ville", "year": 2025, "planned": Decimal("12500.50"), "executed": None},
    ]
    chart = budget_chart(rows)
    root = assert_is_clean_svg(chart)
    assert ["État", "2024", "475\u202f000\u00a0€", "0\u00a0€"] in chart.rows
    assert "497\u202f500,50\u00a0€ prévus" in chart.description
    assert len(root.findall(f"{SVG}rect")) == 1 + 4 + 2  # background, 2 bars per year, legend


def test_budget_chart_without_rows_says_so():
    chart = budget_chart([])
    assert_is_clean_svg(chart)
    assert "Aucun financement" in chart.description


def test_status_by_axis_chart_counts_actions_per_status():
    axes = [
        {"number": 1, "title": "Conforter le rôle de l'école", "counts": {"in_progress": 3, "done": 2}},
        SimpleNamespace(number=2, title="Continuité éducative", counts={"validated": 1}),
    ]
    chart = status_by_axis_chart(axes)
    assert_is_clean_svg(chart)
    assert chart.columns[0] == "Axe" and chart.columns[-1] == "Total"
    assert chart.rows[0][0] == "1. Conforter le rôle de l'école"
    assert chart.rows[0][-1] == "5" and chart.rows[1][-1] == "1"
    assert "6 actions sur 2 axes, dont 3 en cours et 2 réalisées" in chart.description


def test_status_by_axis_chart_without_actions_says_so():
    chart = status_by_axis_chart([{"number": 1, "title": "Axe", "counts": {}}])
    assert_is_clean_svg(chart)
    assert "Aucune action" in chart.description
    assert status_by_axis_chart([]).rows == []


def test_chart_text_is_escaped():
    chart = status_by_axis_chart([{"number": 1, "title": "<script>alert(1)</script>", "counts": {"done": 1}}])
    assert "<script>" not in chart.svg
    assert datetime  # the module is importable without Django templates
