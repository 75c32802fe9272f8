"""The year's revue de projet (bilan annuel for a PEDT): its figures recomputed from the rows, its
xlsx recalculated by LibreOffice, its PDF read back, who may download it, and its admin."""

import datetime
import io
from decimal import Decimal

import openpyxl
import pytest
from django.core.exceptions import ValidationError
from django.test import Client

from actors import roles
from documents import content_review
from documents.review_workbook import review_workbook
from followup import annual_review
from followup.models import AnnualReview
from strategy.enums import ActionStatus, FundingSource, FundingStage, StrategyKind
from strategy.models import (
    Action,
    ActionBeneficiaries,
    BeneficiariesByAudience,
    BudgetLine,
    Milestone,
    Strategy,
)
from tests.actors.factories import OrganisationFactory
from tests.documents.builders import build_strategy
from tests.documents.conftest import client_for, pdf_text
from tests.documents.rounds import build_rounds
from tests.queue import download
from tests.strategy.factories import AxisFactory, StrategyFactory, UserFactory, WorkshopFactory, pilot_user
from tests.strategy.imports import libreoffice as libreoffice_fixtures

pytestmark = pytest.mark.django_db

# LibreOffice headless, as the import tests run it.
libreoffice_profile = libreoffice_fixtures.libreoffice_profile
libreoffice = libreoffice_fixtures.libreoffice

YEAR = 2024
INSIDE = roles.AudienceReader(roles.INSIDE_AUDIENCE)
GOVERNANCE_ANSWER = "Le comité s'est réuni en juin avec la CAF et l'Éducation nationale."
FINANCIAL_ANSWER = "La commune a tenu sa part des crédits notifiés par l'État."
INTER_CITES_ANSWER = "Rencontre avec la cité éducative voisine sur les tout-petits."


def _world(slug, kind, prefix):
    built = build_strategy(slug, prefix=prefix)
    Strategy.objects.filter(pk=built.strategy.pk).update(kind=kind, cofunding_ratio=Decimal("1"))
    built.strategy.refresh_from_db()
    rounds = build_rounds(built)
    actions = built.actions
    # The year's sources and stages: the State's programme 147 notified, the commune's share.
    BudgetLine.objects.filter(action=actions[0], year=YEAR).update(
        source=FundingSource.PROGRAMME_147, notified_amount=Decimal("12000"), stage=FundingStage.NOTIFIED
    )
    BudgetLine.objects.filter(action=actions[1], year=YEAR).update(
        source=FundingSource.COMMUNE, stage=FundingStage.PAID, executed_amount=Decimal("11800")
    )
    workshop = WorkshopFactory(
        strategy=built.strategy,
        title="Atelier des parents 2024",
        date=datetime.date(YEAR, 3, 12),
        participants_count=18,
    )
    workshop.organisations.add(OrganisationFactory(name=f"{prefix}Association des parents du quartier"))
    Milestone.objects.create(
        action=actions[2], title="Premier atelier", planned_date=datetime.date(YEAR, 10, 1), is_public=True
    )
    AnnualReview.objects.create(
        strategy=built.strategy,
        year=YEAR,
        governance=GOVERNANCE_ANSWER,
        financial=FINANCIAL_ANSWER,
        inter_cites=INTER_CITES_ANSWER if kind == StrategyKind.CITE_EDUCATIVE else "",
    )
    built.rounds = rounds
    built.workshop = workshop
    return built


@pytest.fixture(scope="module")
def world(module_data):
    return _world("review-pedt", StrategyKind.PEDT, "")


@pytest.fixture(scope="module")
def cite(module_data):
    return _world("review-cite", StrategyKind.CITE_EDUCATIVE, "Cité ")


@pytest.fixture(scope="module")
def people(module_data):
    return {
        "coordination": UserFactory(username="review-coordination", role=roles.COORDINATION),
        "copil": UserFactory(username="review-copil", role=roles.COPIL),
        "partenaire": UserFactory(username="review-partner", role=roles.PARTENAIRE),
        "pilote": pilot_user(OrganisationFactory(name="Review pilot org"), username="review-pilot"),
    }


def _year_lines(strategy):
    return list(BudgetLine.objects.filter(action__strategy=strategy, year=YEAR))


def test_every_total_equals_the_database_recomputed_from_the_rows(world):
    strategy = world.strategy
    figures = annual_review.figures(strategy, YEAR, INSIDE)

    lines = _year_lines(strategy)
    assert figures.financial.planned == sum(line.planned_amount for line in lines)
    assert figures.financial.notified == sum(line.notified_amount or 0 for line in lines)
    assert figures.financial.executed == sum(line.executed_amount for line in lines)
    assert figures.financial.lines == len(lines)
    for row in figures.financial.sources:
        assert row.planned == sum(line.planned_amount for line in lines if line.source == row.source)
    for row in figures.financial.stages:
        assert row.lines == sum(line.stage == row.stage for line in lines)
    state = sum(
        line.notified_amount or line.planned_amount
        for line in lines
        if line.source in FundingSource.state_sources()
    )
    assert (
        (figures.financial.cofunding.state, figures.financial.cofunding.commune)
        == (
            Decimal("12000"),
            Decimal("12500"),
        )
        == (state, sum(line.planned_amount for line in lines if line.source == FundingSource.COMMUNE))
    )
    assert figures.financial.cofunding.is_met is True

    actions = list(Action.objects.filter(strategy=strategy))
    assert figures.deployment.total == len(actions)
    for (value, _label), count in zip(
        figures.deployment.statuses, figures.deployment.status_totals, strict=True
    ):
        assert count == sum(action.status == value for action in actions)
    assert [action.code for action in figures.deployment.late] == [world.actions[2].code]

    rows = list(ActionBeneficiaries.objects.filter(action__strategy=strategy, year=YEAR))
    beneficiaries = figures.deployment.beneficiaries
    assert beneficiaries.total == sum(row.total for row in rows) > 0
    assert dict(beneficiaries.by_sex)["filles"] == sum(row.girls or 0 for row in rows)
    audiences = BeneficiariesByAudience.objects.filter(beneficiaries__in=rows)
    assert sum(count for _name, count in beneficiaries.by_audience) == sum(row.count for row in audiences)

    assert figures.governance.participants == 18
    assert figures.governance.decision_count == 1
    crèches = next(row for row in figures.evaluation.indicators if row.indicator.code == "IND-1")
    assert (crèches.latest.value, crèches.previous.value, crèches.trend) == (
        Decimal("245"),
        Decimal("237"),
        "en hausse",
    )


def _recalculated(libreoffice, tmp_path, content):
    source = tmp_path / "revue.xlsx"
    source.write_bytes(content)
    return openpyxl.load_workbook(libreoffice(source, "xlsx"), data_only=True)


def _total_rows(sheet):
    return [row for row in sheet.iter_rows(values_only=True) if row[0] == "Total"]


def test_the_xlsx_totals_are_formulas_that_libreoffice_sums_as_the_database(world, libreoffice, tmp_path):
    strategy = world.strategy
    content = review_workbook(content_review.annual_review_context(strategy, YEAR, INSIDE))
    as_written = openpyxl.load_workbook(io.BytesIO(content))
    assert as_written.sheetnames == [
        "Gouvernance",
        "Déploiement opérationnel",
        "Communication",
        "Gestion financière",
        "Évaluation",
        "Campagne de suivi",
    ]
    finance = as_written["Gestion financière"]
    total_cells = [row for row in finance.iter_rows() if row[0].value == "Total"]
    assert str(total_cells[0][1].value).startswith("=SUM(")
    amount = next(
        row[1] for row in finance.iter_rows() if row[0].value == "Programme 147 (politique de la ville)"
    )
    assert (amount.data_type, amount.value, amount.number_format) == ("n", Decimal("12500"), '#,##0.00 "€"')
    answer = next(
        cell
        for row in as_written["Gouvernance"].iter_rows()
        for cell in row
        if cell.value == GOVERNANCE_ANSWER
    )
    assert answer.alignment.wrap_text

    workbook = _recalculated(libreoffice, tmp_path, content)
    lines = _year_lines(strategy)
    sources, stages = _total_rows(workbook["Gestion financière"])[:2]
    assert [Decimal(str(value)) for value in sources[1:4]] == [
        sum(line.planned_amount for line in lines),
        sum(line.notified_amount or 0 for line in lines),
        sum(line.executed_amount for line in lines),
    ]
    assert stages[1:3] == (len(lines), float(sum(line.planned_amount for line in lines)))

    actions = list(Action.objects.filter(strategy=strategy))
    status_total = _total_rows(workbook["Déploiement opérationnel"])[0]
    assert list(status_total[1 : len(ActionStatus) + 1]) == [
        sum(action.status == status for action in actions) for status in ActionStatus.values
    ]
    assert status_total[len(ActionStatus) + 1] == len(actions)
    rows = list(ActionBeneficiaries.objects.filter(action__strategy=strategy, year=YEAR))
    by_sex, by_place, by_age = (row[1] for row in _total_rows(workbook["Déploiement opérationnel"])[1:4])
    assert by_sex == sum((row.girls or 0) + (row.boys or 0) + (row.sex_unknown or 0) for row in rows)
    assert by_place == sum((row.in_priority_area or 0) + (row.outside_priority_area or 0) for row in rows)
    assert by_age == sum(row.count for row in BeneficiariesByAudience.objects.filter(beneficiaries__in=rows))
    assert [row[2] for row in _total_rows(workbook["Gouvernance"])] == [1, 18]
    sent, asked = _total_rows(workbook["Campagne de suivi"])[0][2:4]
    assert (sent, asked) == _round_counts(strategy)


def _round_counts(strategy):
    from followup.enums import ReportStatus
    from followup.models import ActionReport
    from followup.reporting import round_for_report

    round = round_for_report(strategy, YEAR)
    reports = list(ActionReport.objects.filter(round=round))
    return sum(report.status == ReportStatus.SENT for report in reports), len(reports)


def _beneficiaries(strategy):
    return sum(
        ActionBeneficiaries.objects.filter(action__strategy=strategy, year=YEAR).values_list(
            "total", flat=True
        )
    )


def test_the_pdf_shows_each_themes_facts_and_the_answers(world, people):
    response = download(
        client_for(people["coordination"]), f"/strategies/review-pedt/revue-de-projet-{YEAR}.pdf"
    )
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content)
    assert f"Bilan annuel {YEAR} — Projet éducatif territorial" in text
    assert "Revue de projet" not in text
    for fact in (
        "COPIL de juin 2024",  # governance: the meeting and its decision
        "Le comité valide le parcours culturel.",
        "Association des parents du quartier",  # the workshop's organisations
        world.actions[2].code,  # the late action (a milestone of October not done)
        f"{_beneficiaries(world.strategy)} bénéficiaires",
        "Programme 147 (politique de la ville)",
        "cofinancement respecté",
        "IND-1",
        "en hausse",
        "Campagne de suivi 2023-2024",
        "Le comité s’est réuni en juin avec la CAF et l’Éducation nationale.",
        "La commune a tenu sa part des crédits notifiés par l’État.",
        "Réponse à rédiger par la coordination.",  # communication, left blank
    ):
        assert fact in text, fact
    assert "Liens entre cités éducatives" not in text


def test_a_cite_educative_gets_a_revue_de_projet_with_its_links_between_cites(cite, people):
    response = download(client_for(people["copil"]), f"/strategies/review-cite/revue-de-projet-{YEAR}.pdf")
    text = pdf_text(response.content)
    assert f"Revue de projet {YEAR} — Cité Projet éducatif territorial" in text
    assert "Liens entre cités éducatives" in text and "Rencontre avec la cité éducative voisine" in text
    workbook = openpyxl.load_workbook(
        io.BytesIO(
            client_for(people["copil"]).get(f"/strategies/review-cite/revue-de-projet-{YEAR}.xlsx").content
        )
    )
    assert "Liens entre cités éducatives" in workbook.sheetnames


def test_a_year_with_nothing_renders_and_says_so(people):
    strategy = StrategyFactory(
        slug="review-empty", title="Projet éducatif sans rien", cofunding_ratio=Decimal("1")
    )
    AxisFactory(strategy=strategy, number=1, title="Un axe encore vide")
    context = content_review.annual_review_context(strategy, 2025, INSIDE)
    assert context["figures"].financial.lines == 0 and context["figures"].deployment.total == 0
    response = download(
        client_for(people["coordination"]), "/strategies/review-empty/revue-de-projet-2025.pdf"
    )
    assert response.status_code == 200
    text = pdf_text(response.content)
    for sentence in (
        "Bilan annuel 2025 — Projet éducatif sans rien",
        "Aucune réunion en 2025.",
        "Aucun atelier en 2025.",
        "Aucune action inscrite.",
        "Aucune action en retard.",
        "Aucun bénéficiaire compté pour 2025.",
        "Aucun financement inscrit pour 2025.",
        "pas de crédits de l’État cette année",
        "Aucun indicateur.",
        "Aucune campagne de suivi pour 2025.",
        "Réponse à rédiger par la coordination.",
    ):
        assert sentence in text, sentence
    workbook = openpyxl.load_workbook(io.BytesIO(review_workbook(context)))
    totals = [row for row in workbook["Gestion financière"].iter_rows(values_only=True) if row[0] == "Total"]
    assert totals[0][1:4] == (0, 0, 0)


@pytest.mark.parametrize(
    "role, status", [("coordination", 200), ("copil", 200), ("pilote", 404), ("partenaire", 404), (None, 404)]
)
@pytest.mark.parametrize("door", ["xlsx", "pdf"])
def test_only_coordination_and_copil_may_download_it(world, people, role, status, door):
    client = client_for(people[role]) if role else Client()
    response = download(client, f"/strategies/review-pedt/revue-de-projet-{YEAR}.{door}")
    assert response.status_code == status
    if status == 200:
        assert len(response.content) > 1000


@pytest.mark.parametrize("year", [2022, 2027])
def test_a_year_outside_the_strategy_is_not_found(world, people, year):
    client = client_for(people["coordination"])
    for door in ("xlsx", "pdf"):
        assert client.get(f"/strategies/review-pedt/revue-de-projet-{year}.{door}").status_code == 404


@pytest.mark.parametrize(
    "role, linked", [("coordination", True), ("copil", True), ("pilote", False), ("partenaire", False)]
)
def test_the_documents_page_links_the_reviews_for_those_roles_only(world, people, role, linked):
    html = client_for(people[role]).get("/strategies/review-pedt/documents/").content.decode()
    assert (f"/strategies/review-pedt/revue-de-projet-{YEAR}.xlsx" in html) is linked
    assert (f"Bilan annuel {YEAR}" in html) is linked


def test_building_the_content_takes_a_fixed_number_of_queries(world, django_assert_num_queries):
    # axes; meetings, decisions; workshops, organisations; actions by status, late ones,
    # beneficiaries, by audience; budget by source, by stage, co-funding; indicators, measurements.
    with django_assert_num_queries(14):
        annual_review.figures(world.strategy, YEAR, INSIDE)
    # + the answers, and the round's record (round, participants, reports, audiences' order).
    with django_assert_num_queries(19):
        content_review.annual_review_context(world.strategy, YEAR, INSIDE)


def _admin_change(client, review):
    return client.get(f"/admin/followup/annualreview/{review.pk}/change/")


def test_the_admin_shows_the_figures_beside_each_answer_and_saves_them(world, people):
    review = AnnualReview.objects.get(strategy=world.strategy, year=YEAR)
    client = client_for(people["coordination"])
    response = _admin_change(client, review)
    html = response.content.decode()
    assert "Les chiffres de l&#x27;année" in html or "Les chiffres de l'année" in html
    assert "1 réunion, 1 décision" in html and f"{_beneficiaries(world.strategy)} bénéficiaires" in html
    assert "Liens entre cités éducatives" not in html  # a PEDT's questionnaire has no such theme
    form = response.context["adminform"].form
    data = {name: form[name].value() or "" for name in form.fields}
    data["communication"] = "Une lettre aux familles à la rentrée."
    saved = client.post(f"/admin/followup/annualreview/{review.pk}/change/", data)
    assert saved.status_code == 302
    review.refresh_from_db()
    assert review.communication == "Une lettre aux familles à la rentrée."
    assert review.governance == GOVERNANCE_ANSWER


def test_the_copil_reads_the_review_in_the_admin_and_a_pilot_does_not_find_it(world, people):
    review = AnnualReview.objects.get(strategy=world.strategy, year=YEAR)
    copil = client_for(people["copil"])
    response = _admin_change(copil, review)
    assert (
        response.status_code == 200 and GOVERNANCE_ANSWER.replace("'", "&#x27;") in response.content.decode()
    )
    refused = copil.post(f"/admin/followup/annualreview/{review.pk}/change/", {"governance": "changé"})
    assert refused.status_code == 403
    review.refresh_from_db()
    assert review.governance == GOVERNANCE_ANSWER
    assert _admin_change(client_for(people["pilote"]), review).status_code in (302, 403)


def test_a_year_outside_the_strategy_is_refused_in_french(world):
    review = AnnualReview(strategy=world.strategy, year=2030)
    with pytest.raises(ValidationError, match="en dehors de la stratégie"):
        review.full_clean()
