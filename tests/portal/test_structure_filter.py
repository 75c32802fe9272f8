"""The pilot and partner filters: a text input with suggestions, never a list of every organisation."""

import pytest

from actors import roles
from strategy.enums import ActionStatus
from tests.actors.factories import OrganisationFactory
from tests.strategy.factories import ActionFactory, UserFactory

URL = "/strategies/pedt-ivry/actions/"
SUGGESTIONS = "/strategies/pedt-ivry/structures.json"


def titles(response):
    return [action.title for action in response.context["actions"]]


def names(response):
    assert response.status_code == 200
    return [result["name"] for result in response.json()["results"]]


def test_the_page_renders_a_text_input_not_a_select_of_organisations(client, portal):
    for number in range(30):
        OrganisationFactory(name=f"Association de quartier {number}")
    html = client.get(URL).content.decode()
    assert 'name="pilote"' in html and 'name="partenaire"' in html
    assert "Association de quartier" not in html
    assert "Service enfance</option>" not in html
    assert 'data-combobox-url="/strategies/pedt-ivry/structures.json"' in html
    assert "js/combobox" in html


def test_a_name_typed_without_javascript_filters_like_the_slug(client, portal):
    by_slug = titles(client.get(URL, {"pilote": "service-enfance"}))
    assert titles(client.get(URL, {"pilote": "service ENFANCE "})) == by_slug
    assert len(by_slug) == 5
    assert len(titles(client.get(URL, {"partenaire": "Conservatoire"}))) == 4


def test_the_chosen_structure_shows_as_a_chip_and_by_its_name_in_the_input(client, portal):
    html = client.get(URL, {"pilote": "service-enfance"}).content.decode()
    assert "Structure pilote : Service enfance" in html
    assert 'value="Service enfance"' in html


def test_an_unknown_name_gives_a_clear_french_message_and_no_result(client, portal):
    response = client.get(URL, {"partenaire": "Conservatoir de musique"})
    assert response.context["result_count"] == 0
    html = response.content.decode()
    assert "Aucune structure de cette stratégie ne s&#x27;appelle « Conservatoir de musique »" in html


def test_an_organisation_outside_the_strategy_is_unknown_to_the_filter(client, portal):
    OrganisationFactory(name="Club de voile", slug="club-de-voile")
    response = client.get(URL, {"pilote": "club-de-voile"})
    assert response.context["result_count"] == 0
    assert "Club de voile" not in titles(response)


def test_suggestions_match_part_of_the_name_in_any_case(client, portal):
    assert names(client.get(SUGGESTIONS, {"q": "enf"})) == ["Service enfance"]
    assert names(client.get(SUGGESTIONS, {"q": "CONSERV"})) == ["Conservatoire"]
    assert names(client.get(SUGGESTIONS, {"q": ""})) == []


def test_suggestions_are_at_most_twenty_in_name_order(client, portal):
    for number in range(25):
        partner = OrganisationFactory(name=f"Association {number:02d}")
        portal["theatre"].partners.add(partner)
    found = names(client.get(SUGGESTIONS, {"q": "association"}))
    assert found == [f"Association {number:02d}" for number in range(20)]


def test_suggestions_never_name_the_pilot_of_an_action_a_visitor_may_not_see(client, portal):
    secret = OrganisationFactory(name="Cantine secrète")
    ActionFactory(
        strategy=portal["strategy"],
        axis=portal["theatre"].axis,
        code="1.98",
        status=ActionStatus.PROPOSED,
        pilot=secret,
    )
    assert names(client.get(SUGGESTIONS, {"q": "secr"})) == []
    client.force_login(UserFactory(username="coordination-suggestions", role=roles.COORDINATION))
    assert names(client.get(SUGGESTIONS, {"q": "secr"})) == ["Cantine secrète"]


def test_suggestions_of_a_strategy_a_visitor_may_not_read_are_a_404(client, portal):
    assert client.get("/strategies/pedt-2027/structures.json", {"q": "a"}).status_code == 404
    assert client.get("/strategies/nulle-part/structures.json", {"q": "a"}).status_code == 404


@pytest.mark.parametrize("query", ["%", "_", "'", "\x00", "é" * 500])
def test_odd_suggestion_queries_never_raise_an_error(client, portal, query):
    assert client.get(SUGGESTIONS, {"q": query}).status_code in (200, 400)
