"""The actions list: filters, full-text search, chips, pagination, and no error on bad input."""

import pytest

from tests.strategy.factories import ActionFactory

URL = "/strategies/pedt-ivry/actions/"


def titles(response):
    return [action.title for action in response.context["actions"]]


def test_it_lists_the_published_actions_with_their_count(client, portal):
    response = client.get(URL)
    assert response.context["result_count"] == 5
    assert "5 actions trouvées" in response.content.decode()


def test_it_filters_by_axis_neighbourhood_audience_sector_pilot_and_partner(client, portal):
    assert titles(client.get(URL, {"axe": 2})) == ["Parcours théâtre à l'école"]
    assert len(titles(client.get(URL, {"quartier": "ivry-port"}))) == 4
    assert titles(client.get(URL, {"public": "6-11"})) == ["Parcours théâtre à l'école"]
    assert titles(client.get(URL, {"secteur": "culture"})) == ["Parcours théâtre à l'école"]
    assert len(titles(client.get(URL, {"pilote": "service-enfance"}))) == 5
    assert len(titles(client.get(URL, {"partenaire": "conservatoire"}))) == 4
    assert titles(client.get(URL, {"orientation": 1, "statut": "in_progress"})) == [
        "Parcours théâtre à l'école"
    ]


def test_search_ignores_accents_and_case(client, portal):
    assert titles(client.get(URL, {"q": "THEATRE"})) == ["Parcours théâtre à l'école"]
    assert titles(client.get(URL, {"q": "pièce"})) == ["Parcours théâtre à l'école"]


def test_year_filter_keeps_actions_running_that_year(client, portal):
    ActionFactory(
        strategy=portal["strategy"],
        axis=portal["theatre"].axis,
        code="2.9",
        title="Action de 2026",
        start_date=None,
    ).__class__.objects.filter(code="2.9").update(start_date="2026-01-01", end_date="2026-12-31")
    assert titles(client.get(URL, {"annee": 2026})) == ["Action de 2026"]


def test_active_filters_are_removable_chips_keeping_the_others(client, portal):
    html = client.get(URL, {"axe": 1, "quartier": "ivry-port"}).content.decode()
    assert "Filtres actifs" in html
    assert 'href="?quartier=ivry-port"' in html
    assert 'href="?axe=1"' in html


@pytest.mark.parametrize(
    "query", [{"quartier": "atlantide"}, {"annee": "abc"}, {"axe": "999"}, {"statut": "n-importe-quoi"}]
)
def test_an_invalid_filter_gives_an_empty_list_with_a_french_message(client, portal, query):
    response = client.get(URL, query)
    assert response.status_code == 200
    assert response.context["result_count"] == 0
    assert "existe pas" in response.content.decode()


def test_a_page_beyond_the_last_shows_the_last_page(client, portal):
    for index in range(25):
        ActionFactory(strategy=portal["strategy"], axis=portal["theatre"].axis, code=f"3.{index}")
    response = client.get(URL, {"page": 999})
    assert response.status_code == 200
    assert response.context["page"].number == 2
    assert len(response.context["actions"]) == 10
    assert client.get(URL, {"page": "abc"}).context["page"].number == 1


def test_pagination_links_keep_the_filters(client, portal):
    for index in range(25):
        ActionFactory(strategy=portal["strategy"], axis=portal["theatre"].axis, code=f"3.{index}")
    html = client.get(URL, {"axe": 2}).content.decode()
    assert "axe=2&amp;page=2" in html


def test_the_csv_link_keeps_the_same_query_string(client, portal):
    html = client.get(URL, {"axe": 1, "q": "ecole", "page": 1}).content.decode()
    assert "/strategies/pedt-ivry/actions.csv?axe=1&amp;q=ecole" in html


@pytest.mark.parametrize(
    "query",
    [
        {"annee": "1e10"},
        {"annee": "NaN"},
        {"page": "-1"},
        {"page": "0"},
        {"q": "'\"%_\\ <script>"},
        {"q": "   "},
        {"axe": "1", "axe ": "2", "inconnu": "x"},
        {"orientation": "1.5"},
    ],
)
def test_odd_query_strings_never_raise_an_error(client, portal, query):
    response = client.get(URL, query)
    assert response.status_code == 200
    assert "<script>" not in response.content.decode()
