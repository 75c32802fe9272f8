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


def _csv_rows(response):
    import csv
    import io

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    return list(csv.reader(io.StringIO(response.getvalue().decode("utf-8-sig")), delimiter=";"))


def test_the_open_data_csv_lists_the_visible_actions_beneficiaries_by_year(client, world, counted):
    beneficiaries(world.draft, year=2025, total=12)
    rows = _csv_rows(client.get("/strategies/pedt-villebelle/beneficiaires.csv"))
    assert rows[0] == [
        "Code action",
        "Année",
        "Bénéficiaires",
        "Filles",
        "Garçons",
        "Sexe non renseigné",
        "En QPV",
        "Hors QPV",
        "Par public",
    ]
    assert rows[1:] == [
        ["A.1", "2024", "1754", "", "", "", "", "", ""],
        [
            "A.1",
            "2025",
            "172",
            "90",
            "80",
            "",
            "120",
            "",
            "Maternelle (3-6 ans) : 20 ; Élémentaire (6-11 ans) : 130",
        ],
    ]


def test_the_open_data_csv_takes_the_actions_page_filters(client, world, counted):
    done = Action.objects.get(strategy=world.strategy, code="2.1")
    beneficiaries(done, year=2025, total=7)
    rows = _csv_rows(client.get("/strategies/pedt-villebelle/beneficiaires.csv?statut=done"))
    assert [row[0] for row in rows[1:]] == ["2.1"]
    assert client.get("/strategies/pedt-villebelle/beneficiaires.csv?statut=nimporte").status_code == 400


def test_the_open_data_csv_queries_do_not_grow_with_the_rows(
    client, world, counted, django_assert_max_num_queries
):
    for year in range(2010, 2024):
        beneficiaries(counted, year=year, total=10, by_audience={"3-6": 5})
    with django_assert_max_num_queries(6):
        rows = _csv_rows(client.get("/strategies/pedt-villebelle/beneficiaires.csv"))
    assert len(rows) == 17
