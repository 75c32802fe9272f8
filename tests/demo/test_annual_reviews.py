"""The demo's yearly reviews: a past year of each demo strategy answered, its documents' totals equal
to the database's (the xlsx recalculated by LibreOffice), loaded again without a change."""

from decimal import Decimal

import openpyxl
import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from actors import roles
from demo import annual_reviews as demo_reviews
from documents import content_review
from documents.review_workbook import review_workbook
from followup.models import AnnualReview
from strategy.models import Action, ActionBeneficiaries, BudgetLine, Strategy
from tests.documents.conftest import client_for, pdf_text
from tests.queue import download
from tests.strategy.factories import UserFactory
from tests.strategy.imports import libreoffice as libreoffice_fixtures

pytestmark = pytest.mark.django_db

libreoffice_profile = libreoffice_fixtures.libreoffice_profile
libreoffice = libreoffice_fixtures.libreoffice

DEMO_REVIEWS = [
    ("pedt-ivry-sur-seine", 2024, "Bilan annuel 2024"),
    ("cite-educative-exemple", 2022, "Revue de projet 2022"),
]


def _totals(sheet):
    return [row for row in sheet.iter_rows(values_only=True) if row[0] == "Total"]


@pytest.mark.parametrize("slug, year, title", DEMO_REVIEWS)
def test_each_demo_strategy_has_a_past_years_review_whose_totals_are_the_databases(
    slug, year, title, libreoffice, tmp_path
):
    call_command("loaddemo")
    strategy = Strategy.objects.get(slug=slug)
    review = AnnualReview.objects.get(strategy=strategy, year=year)
    assert review.governance and review.deployment and review.financial and review.evaluation
    assert bool(review.inter_cites) is (slug == "cite-educative-exemple")

    context = content_review.annual_review_context(
        strategy, year, roles.AudienceReader(roles.INSIDE_AUDIENCE)
    )
    assert context["title"] == title
    lines = list(BudgetLine.objects.filter(action__strategy=strategy, year=year))
    assert lines and context["figures"].financial.planned == sum(line.planned_amount for line in lines)
    beneficiaries = list(ActionBeneficiaries.objects.filter(action__strategy=strategy, year=year))
    assert beneficiaries and context["figures"].deployment.beneficiaries.total == sum(
        b.total for b in beneficiaries
    )

    source = tmp_path / "revue.xlsx"
    source.write_bytes(review_workbook(context))
    workbook = openpyxl.load_workbook(libreoffice(source, "xlsx"), data_only=True)
    planned, notified, executed = (
        Decimal(str(value)) for value in _totals(workbook["Gestion financière"])[0][1:4]
    )
    assert (planned, notified, executed) == (
        sum(line.planned_amount for line in lines),
        sum(line.notified_amount or 0 for line in lines),
        sum(line.executed_amount for line in lines),
    )
    deployment = _totals(workbook["Déploiement opérationnel"])
    assert deployment[0][-1] == Action.objects.filter(strategy=strategy).count()
    assert deployment[1][1] == sum(
        (b.girls or 0) + (b.boys or 0) + (b.sex_unknown or 0) for b in beneficiaries
    )

    coordination = UserFactory(username="demo-review-coordination", role=roles.COORDINATION)
    text = pdf_text(
        download(client_for(coordination), f"/strategies/{slug}/revue-de-projet-{year}.pdf").content
    )
    assert f"{title} — " in text
    assert review.evaluation.replace("'", "’")[:60] in text


def test_loading_the_demo_twice_changes_no_review():
    call_command("loaddemo")
    first = {review.pk: review.updated_at for review in AnnualReview.objects.all()}
    call_command("loaddemo")
    assert {review.pk: review.updated_at for review in AnnualReview.objects.all()} == first
    assert AnnualReview.history.count() == len(first) == 2


def test_a_review_outside_its_strategys_years_stops_the_loading_and_changes_nothing(tmp_path, monkeypatch):
    call_command("loaddemo")
    before = sorted(AnnualReview.objects.values_list("strategy__slug", "year", "governance"))
    broken = tmp_path / "revues.toml"
    broken.write_text(demo_reviews.PATH.read_text().replace("year = 2022", "year = 2019", 1))
    monkeypatch.setattr(demo_reviews, "PATH", broken)

    with pytest.raises(CommandError) as error:
        call_command("loaddemo")

    assert "revues.toml, reviews n° 2 (cite-educative-exemple, 2019)" in str(error.value)
    assert "en dehors de la stratégie" in str(error.value)
    assert sorted(AnnualReview.objects.values_list("strategy__slug", "year", "governance")) == before
