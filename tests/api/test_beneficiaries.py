"""The API's action detail carries its beneficiaries year by year; the list leaves them out."""

import pytest

from strategy.models import Action
from tests.strategy.beneficiary_factories import beneficiaries

DETAIL = "/api/v1/strategies/pedt-villebelle/actions/{code}/"


@pytest.fixture
def counted(world):
    action = Action.objects.get(strategy=world.strategy, code="A.1")
    beneficiaries(action, year=2024, total=1754)
    beneficiaries(
        action,
        year=2025,
        total=172,
        girls=90,
        boys=80,
        in_priority_area=120,
        by_audience={"3-6": 20, "6-11": 130},
    )
    return action


def test_the_action_detail_gives_each_year_latest_first_with_its_breakdowns(api_client, counted):
    body = api_client.get(DETAIL.format(code="A.1")).json()
    assert body["beneficiaries"] == [
        {
            "year": 2025,
            "total": 172,
            "girls": 90,
            "boys": 80,
            "sex_unknown": None,
            "in_priority_area": 120,
            "outside_priority_area": None,
            "by_audience": [
                {"code": "3-6", "name": "Maternelle (3-6 ans)", "count": 20},
                {"code": "6-11", "name": "Élémentaire (6-11 ans)", "count": 130},
            ],
        },
        {
            "year": 2024,
            "total": 1754,
            "girls": None,
            "boys": None,
            "sex_unknown": None,
            "in_priority_area": None,
            "outside_priority_area": None,
            "by_audience": [],
        },
    ]


def test_an_action_without_beneficiaries_gives_an_empty_list(api_client, counted):
    assert api_client.get(DETAIL.format(code="A.2")).json()["beneficiaries"] == []


def test_the_list_leaves_the_beneficiaries_out(api_client, counted):
    rows = api_client.get("/api/v1/strategies/pedt-villebelle/actions/").json()["results"]
    assert rows and all("beneficiaries" not in row for row in rows)


def test_a_draft_action_and_its_beneficiaries_are_a_404_for_an_anonymous_client(api_client, world):
    beneficiaries(world.draft, year=2025, total=12)
    assert api_client.get(DETAIL.format(code=world.draft.code)).status_code == 404


def test_the_detail_costs_two_queries_more_whatever_the_years(api_client, counted, django_assert_num_queries):
    api_client.get(DETAIL.format(code="A.1"))
    for year in range(2015, 2024):
        beneficiaries(counted, year=year, total=10, by_audience={"3-6": 5})
    # strategy, action, its prefetches (partners, audiences, neighbourhoods, sectors, indicators),
    # then its beneficiaries and their audiences
    with django_assert_num_queries(9):
        response = api_client.get(DETAIL.format(code="A.1"))
    assert len(response.json()["beneficiaries"]) == 11


def test_the_schema_describes_the_beneficiaries_of_the_detail(client, db):
    schema = client.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json").json()
    detail = schema["paths"]["/api/v1/strategies/{slug}/actions/{code}/"]["get"]["responses"]["200"]
    reference = detail["content"]["application/json"]["schema"]["$ref"].rsplit("/", 1)[1]
    properties = schema["components"]["schemas"][reference]["properties"]
    assert "beneficiaries" in properties
    row = schema["components"]["schemas"]["Beneficiaries"]["properties"]
    assert row["girls"]["nullable"] is True
