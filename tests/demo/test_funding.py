"""The demo's funding as the field counts it: sources, notified amounts, Dauphin-like numbers, the
Cité éducative's co-funding rule, and each demo strategy's programmation recalculated by LibreOffice."""

import csv
import io
import re
from decimal import Decimal

import pytest
from django.core.management import call_command

from demo.load import reset_portal
from strategy import cofunding
from strategy.enums import FundingSource, FundingStage
from strategy.models import BudgetLine, Strategy
from tests.strategy.imports.libreoffice import libreoffice, libreoffice_profile  # noqa: F401  (fixtures)

CSV_RAW_VALUES = "csv:Text - txt - csv (StarCalc):59,34,76,1,,0,false,true,false"
DEMO = ("cite-educative-exemple", "pedt-ivry-sur-seine")


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        call_command("loaddemo")
        yield
        reset_portal()


@pytest.fixture
def lines(demo, db):
    return BudgetLine.objects.filter(action__strategy__slug__in=DEMO).select_related("action", "funder")


def test_every_demo_budget_line_names_its_source(lines):
    assert lines.count() > 100
    assert not lines.filter(source="").exists()


def test_the_state_s_lines_carry_a_dauphin_like_number_and_the_others_their_own(lines):
    for line in lines:
        if line.source in FundingSource.state_sources():
            assert re.fullmatch(rf"DA-{line.year}-\d{{6}}", line.file_reference), line
        else:
            assert not line.file_reference.startswith("DA-"), line


def test_a_line_notified_or_further_has_its_notified_amount_and_a_request_has_none(lines):
    for line in lines:
        if line.stage == FundingStage.REQUESTED:
            assert line.notified_amount is None, line
        else:
            assert line.notified_amount is not None, line


def test_the_cite_s_fonds_de_la_cite_goes_about_30_000_euros_a_year_to_the_lead_college(demo, db):
    funds = BudgetLine.objects.filter(
        action__strategy__slug="cite-educative-exemple", source=FundingSource.CITE_FUND
    ).select_related("action__pilot")
    assert sorted(line.year for line in funds) == [2022, 2023, 2024]
    assert all(line.planned_amount == 30000 for line in funds)
    assert {line.action.pilot.slug for line in funds} == {"exemple-college"}


def test_the_cite_checks_its_commune_share_and_warns_of_2024_only(demo, db):
    cite = Strategy.objects.get(slug="cite-educative-exemple")
    assert cite.cofunding_ratio == Decimal("0.15")
    met = {result.year: result.is_met for result in cofunding.checks(cite)}
    assert met == {2022: True, 2023: True, 2024: False}


@pytest.mark.parametrize(("slug", "year"), [("cite-educative-exemple", 2023), ("pedt-ivry-sur-seine", 2025)])
def test_the_demo_programmation_s_totals_recalculated_by_libreoffice_equal_the_database_s(
    demo, db, client, coordination_user, tmp_path, request, slug, year
):
    convert = request.getfixturevalue("libreoffice")
    client.force_login(coordination_user)
    path = tmp_path / "programmation.xlsx"
    response = client.get(f"/strategies/{slug}/programmation-{year}.xlsx")
    assert response.status_code == 200
    path.write_bytes(response.content)

    rows = list(csv.reader(io.StringIO(convert(path, CSV_RAW_VALUES).read_text("utf-8")), delimiter=";"))

    lines = list(BudgetLine.objects.filter(action__strategy__slug=slug, year=year).select_related("action"))

    def total(subset):
        return (
            sum((line.planned_amount for line in subset), Decimal(0)),
            sum((line.notified_amount or 0 for line in subset), Decimal(0)),
        )

    action_totals = {
        row[0]: (Decimal(row[6]), Decimal(row[7])) for row in rows if row[1] == "Total de l'action"
    }
    assert action_totals == {
        code: total([line for line in lines if line.action.code == code])
        for code in {line.action.code for line in lines}
    }
    source_totals = {
        row[1]: (Decimal(row[6]), Decimal(row[7])) for row in rows if row[1].startswith("Source : ")
    }
    assert source_totals == {
        f"Source : {FundingSource(source).label}": total([line for line in lines if line.source == source])
        for source in {line.source for line in lines}
    }
    overall = next((Decimal(row[6]), Decimal(row[7])) for row in rows if row[1] == "Total général")
    assert overall == total(lines) and overall[0] > 0
