"""The programmation of a year: its access, its lines and its totals, recalculated by LibreOffice."""

import csv
import io
import re
import subprocess
from decimal import Decimal

import openpyxl
import page
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from shared.formatting import euros
from strategy.enums import FundingSource, FundingStage
from strategy.models import BudgetLine
from tests.actors.factories import OrganisationFactory
from tests.documents import pdf_structure
from tests.queue import download
from tests.strategy.factories import (
    ActionFactory,
    AxisFactory,
    BudgetLineFactory,
    StrategyFactory,
    pilot_user,
)
from tests.strategy.imports.libreoffice import libreoffice, libreoffice_profile  # noqa: F401  (fixtures)

#: LibreOffice's CSV export: « ; », UTF-8, raw values rather than as shown.
CSV_RAW_VALUES = "csv:Text - txt - csv (StarCalc):59,34,76,1,,0,false,true,false"


def pdf_text(pdf, tmp_path):
    path = tmp_path / "programmation.pdf"
    path.write_bytes(pdf)
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout


@pytest.fixture
def cite(db):
    strategy = StrategyFactory(slug="cite-plateau", title="Cité éducative du Plateau", cofunding_ratio=1)
    axis = AxisFactory(strategy=strategy, number=1)
    college = OrganisationFactory(name="Collège Romain-Rolland")
    city = OrganisationFactory(name="Ville du Plateau")
    prefecture = OrganisationFactory(name="Préfecture")
    caf = OrganisationFactory(name="CAF du Val-de-Marne")
    first = ActionFactory(strategy=strategy, axis=axis, code="1.1", title="Fonds de la cité", pilot=college)
    second = ActionFactory(strategy=strategy, axis=axis, code="1.2", title="Devoirs faits", pilot=city)

    def line(action, funder, source, planned, notified=None, reference="", detail="", year=2025):
        return BudgetLineFactory(
            action=action,
            year=year,
            funder=funder,
            source=source,
            source_detail=detail,
            planned_amount=Decimal(planned),
            notified_amount=None if notified is None else Decimal(notified),
            stage=FundingStage.NOTIFIED if notified is not None else FundingStage.REQUESTED,
            file_reference=reference,
        )

    line(first, prefecture, FundingSource.CITE_FUND, "30000", "30000", "DAUPHIN-2025-01234")
    line(first, city, FundingSource.COMMUNE, "12000.50")
    line(second, prefecture, FundingSource.STATE_COMMON_LAW, "8000", "9000", detail="Éducation nationale")
    line(second, caf, FundingSource.CAF, "4500", "4000")
    line(second, city, FundingSource.COMMUNE, "3000", year=2024)  # another year: not in 2025's
    return strategy


def test_it_gives_coordination_an_xlsx_whose_totals_libreoffice_recalculates_to_the_database_s(
    cite, client, coordination_user, tmp_path, request
):
    convert = request.getfixturevalue("libreoffice")
    client.force_login(coordination_user)

    response = client.get("/strategies/cite-plateau/programmation-2025.xlsx")

    assert response.status_code == 200
    path = tmp_path / "programmation.xlsx"
    path.write_bytes(response.content)
    sheet = openpyxl.load_workbook(path).active
    formulas = [cell.value for row in sheet.iter_rows() for cell in row if str(cell.value).startswith("=")]
    assert any(formula.startswith("=SUM(") for formula in formulas)
    assert any(formula.startswith("=SUMIF(") for formula in formulas)
    first_line = [cell.value for cell in sheet[2]]
    assert first_line[:4] == ["1.1", "Fonds de la cité", "Préfecture", "Fonds de la cité"]
    assert sheet["G2"].number_format == '#,##0.00 "€"' and sheet["G2"].value == 30000
    assert first_line[8] == "DAUPHIN-2025-01234"

    rows = list(csv.reader(io.StringIO(convert(path, CSV_RAW_VALUES).read_text("utf-8")), delimiter=";"))

    lines = BudgetLine.objects.filter(action__strategy=cite, year=2025)

    def total(queryset):
        planned = sum((line.planned_amount for line in queryset), Decimal(0))
        notified = sum((line.notified_amount or 0 for line in queryset), Decimal(0))
        return planned, notified

    def computed(label, code=None):
        for row in rows:
            if row[1] == label and (code is None or row[0] == code):
                return Decimal(row[6]), Decimal(row[7])
        raise AssertionError(f"no row {label!r}")

    for code in ("1.1", "1.2"):
        assert computed("Total de l'action", code) == total(lines.filter(action__code=code))
    for source in (
        FundingSource.CITE_FUND,
        FundingSource.COMMUNE,
        FundingSource.STATE_COMMON_LAW,
        FundingSource.CAF,
    ):
        assert computed(f"Source : {source.label}") == total(lines.filter(source=source))
    assert computed("Total général") == total(lines) == (Decimal("54500.50"), Decimal("43000"))


def test_a_notified_amount_above_the_request_is_pointed_out(cite, client, copil_user):
    client.force_login(copil_user)

    sheet = openpyxl.load_workbook(
        io.BytesIO(client.get("/strategies/cite-plateau/programmation-2025.xlsx").content)
    ).active

    remarks = {row[2].value: row[9].value for row in sheet.iter_rows(min_row=2) if row[0].value == "1.2"}
    assert remarks["Préfecture"] == "notifié au-delà du montant demandé"
    assert remarks["CAF du Val-de-Marne"] is None


@pytest.mark.parametrize("who", ["anonymous", "partner_user", "pilot"])
def test_anyone_but_coordination_and_the_copil_gets_a_404(cite, client, who, request):
    if who == "pilot":
        client.force_login(pilot_user(organisation=cite.actions.first().pilot))
    elif who != "anonymous":
        client.force_login(request.getfixturevalue(who))

    response = client.get("/strategies/cite-plateau/programmation-2025.xlsx")

    assert response.status_code == 404


@pytest.mark.parametrize("year", [2022, 2027])
def test_a_year_outside_the_strategy_s_span_is_a_404(cite, client, coordination_user, year):
    client.force_login(coordination_user)

    assert client.get(f"/strategies/cite-plateau/programmation-{year}.xlsx").status_code == 404
    assert client.get("/strategies/cite-plateau/programmation-2025.xlsx").status_code == 200


def test_the_pdf_is_rendered_by_the_worker_with_every_line_and_total(
    cite, client, coordination_user, tmp_path
):
    client.force_login(coordination_user)

    response = download(client, "/strategies/cite-plateau/programmation-2025.pdf")

    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    text = (
        re.sub(r"\s+", " ", pdf_text(response.content, tmp_path))
        .replace("\u202f", " ")
        .replace("\u00a0", " ")
    )
    assert "Programmation 2025" in text
    assert "DAUPHIN-2025-01234" in text and "Éducation nationale" in text
    lines = BudgetLine.objects.filter(action__strategy=cite, year=2025)
    planned = sum(line.planned_amount for line in lines)
    assert f"Total général {euros(planned)}".replace("\u202f", " ").replace("\u00a0", " ") in text
    # 2025: commune 12 000,50 € for 39 000 € of the State (30 000 notified + 9 000 notified)
    assert "la commune apporte 12 000,50 € pour 39 000 € de l’État : 26 999,50 € de moins" in text


def test_the_pdf_is_refused_to_partners_and_anonymous_visitors(cite, client, partner_user):
    assert client.get("/strategies/cite-plateau/programmation-2025.pdf").status_code == 404
    client.force_login(partner_user)
    assert client.get("/strategies/cite-plateau/programmation-2025.pdf").status_code == 404


def test_the_documents_page_links_both_files_for_coordination_only(cite, client, coordination_user):
    assert "programmation-2025" not in client.get("/strategies/cite-plateau/documents/").content.decode()
    client.force_login(coordination_user)
    page = client.get("/strategies/cite-plateau/documents/").content.decode()
    assert 'href="/strategies/cite-plateau/programmation-2025.xlsx"' in page
    assert 'href="/strategies/cite-plateau/programmation-2025.pdf"' in page


@pytest.mark.parametrize("profile", ["ua1", "3u"])
def test_the_pdf_is_pdf_ua_1_and_pdf_a_3u(cite, client, coordination_user, profile):
    client.force_login(coordination_user)
    pdf = download(client, "/strategies/cite-plateau/programmation-2025.pdf").content

    report = page.validate_pdf_bytes(pdf, profile=profile)

    assert report.is_compliant, [f"{failure.rule_id}: {failure.message}" for failure in report.failures]
    structure = pdf_structure.read(pdf)
    assert all(
        str(header.attributes.get("Scope")) in ("/Row", "/Column") for header in structure.elements("TH")
    )


def test_the_xlsx_says_when_the_commune_s_share_is_short(cite, client, coordination_user):
    client.force_login(coordination_user)

    sheet = openpyxl.load_workbook(
        io.BytesIO(client.get("/strategies/cite-plateau/programmation-2025.xlsx").content)
    ).active

    texts = [str(cell.value) for row in sheet.iter_rows() for cell in row if cell.value]
    warning = next(text for text in texts if text.startswith("En 2025, la commune apporte"))
    assert re.sub("[\u00a0\u202f]", " ", warning) == (
        "En 2025, la commune apporte 12 000,50 € pour 39 000 € de l'État : "
        "26 999,50 € de moins que la part attendue (39 000 €)."
    )


def test_the_xlsx_costs_the_same_queries_whatever_its_number_of_lines(cite, client, coordination_user):
    client.force_login(coordination_user)
    url = "/strategies/cite-plateau/programmation-2025.xlsx"
    client.get(url)  # warm the session and the user's groups
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    axis = cite.axes.get()
    for number in range(10):
        action = ActionFactory(strategy=cite, axis=axis, code=f"1.{number + 3}")
        BudgetLineFactory(action=action, year=2025, source=FundingSource.CAF)

    with CaptureQueriesContext(connection) as many:
        response = client.get(url)

    assert response.status_code == 200
    assert len(openpyxl.load_workbook(io.BytesIO(response.content)).active["A"]) > 20
    # session, user, groups, strategy, lines, co-funding: none per line
    assert len(many) == len(few) <= 8
