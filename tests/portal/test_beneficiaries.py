"""The action page says who the action reached, year by year, only for actions the visitor may see."""

import pytest

from tests.portal.conftest import build_portal
from tests.strategy.beneficiary_factories import beneficiaries

URL = "/strategies/pedt-ivry/actions/21-parcours-theatre-a-lecole/"
NNBSP = "\u202f"


@pytest.fixture
def portal(db):
    return build_portal()


def test_the_action_page_says_each_year_beneficiaries_with_the_breakdowns_known(client, portal):
    page = client.get(URL).content.decode()
    assert "Les bénéficiaires" in page
    assert (
        "172 bénéficiaires en 2025, dont 90 filles et 80 garçons ; 120 habitent un quartier prioritaire ; "
        "par public : Élémentaire (6-11 ans) 150."
    ) in page
    assert f"1{NNBSP}754 bénéficiaires en 2024." in page
    assert page.index("en 2025") < page.index("en 2024")  # latest first


def test_an_action_without_beneficiaries_shows_no_empty_section(client, portal):
    page = client.get("/strategies/pedt-ivry/actions/11-fournitures-scolaires/")
    assert page.status_code == 200
    assert "Les bénéficiaires" not in page.content.decode()


def test_a_draft_action_beneficiaries_are_not_shown_to_an_anonymous_visitor(client, portal):
    from strategy.models import Action

    draft = Action.objects.get(code="1.99")
    beneficiaries(draft, year=2025, total=33)
    assert client.get(f"/strategies/pedt-ivry/actions/{draft.slug}/").status_code == 404


def test_the_page_runs_the_same_queries_with_more_years_and_audiences(
    client, portal, django_assert_num_queries
):
    from strategy.models import Action

    theatre = Action.objects.get(code="2.1")
    client.get(URL)
    for year in range(2018, 2024):
        beneficiaries(theatre, year=year, total=100, by_audience={"3-6": 10, "6-11": 20})
    # The 20 of test_query_counts: the revision (strategy.page_cache), strategy, action and its
    # prefetches, beneficiaries, their audiences, the timeline, the milestones of the lateness rule...
    # and the footer's accessibility status.
    with django_assert_num_queries(20):
        response = client.get(URL)
    assert "100 bénéficiaires en 2018 ; par public : Maternelle (3-6 ans) 10, Élémentaire (6-11 ans) 20." in (
        response.content.decode()
    )
