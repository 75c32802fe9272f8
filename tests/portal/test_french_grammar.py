"""French grammar by the translation machinery: plurals, « 1er », agreement; and the same pages in English."""

import datetime

import pytest

from tests.languages import texts_with_language
from tests.strategy.factories import WorkshopFactory

pytestmark = pytest.mark.django_db

ACTIONS = "/strategies/pedt-ivry/actions/"


def text_of(response):
    assert response.status_code == 200
    return " ".join(chunk.strip() for chunk, _ in texts_with_language(response.content.decode()))


@pytest.mark.parametrize(
    ("query", "french", "english"),
    [
        ("?q=introuvablexyz", "0 action trouvée", "0 actions found"),
        ("?q=théâtre", "1 action trouvée", "1 action found"),
        ("?quartier=ivry-port", "4 actions trouvées", "4 actions found"),
    ],
)
def test_the_count_of_actions_found_agrees_with_its_number(client, portal, query, french, english):
    assert french in text_of(client.get(ACTIONS + query, HTTP_ACCEPT_LANGUAGE="fr"))
    assert english in text_of(client.get(ACTIONS + query, HTTP_ACCEPT_LANGUAGE="en"))


def test_zero_is_singular_in_french(client, portal):
    text = text_of(client.get(ACTIONS + "?q=introuvablexyz", HTTP_ACCEPT_LANGUAGE="fr"))
    assert "0 actions trouvées" not in text


def test_one_funder_is_singular_and_two_are_plural(client, portal):
    assert "1 financeur." in text_of(client.get("/strategies/pedt-ivry/", HTTP_ACCEPT_LANGUAGE="fr"))
    assert "1 funder." in text_of(client.get("/strategies/pedt-ivry/", HTTP_ACCEPT_LANGUAGE="en"))


def empty_choice(page, name):
    """The label of the empty option of the select ``name``."""
    start = page.index(f'name="{name}"')
    option = page.index('<option value=""', start)
    return page[page.index(">", option) + 1 : page.index("</option>", option)]


def test_the_empty_choice_agrees_with_each_filter_s_noun(client, portal):
    page = client.get(ACTIONS, HTTP_ACCEPT_LANGUAGE="fr").content.decode()

    assert empty_choice(page, "orientation") == "Toutes"
    assert empty_choice(page, "axe") == "Tous"
    assert empty_choice(page, "quartier") == "Tous"
    assert empty_choice(page, "statut") == "Tous"
    assert "---------" not in page


def test_the_empty_choices_read_all_in_english(client, portal):
    page = client.get(ACTIONS, HTTP_ACCEPT_LANGUAGE="en").content.decode()

    assert {empty_choice(page, name) for name in ("orientation", "axe", "statut")} == {"All"}


def test_the_first_of_the_month_is_1er_in_french_and_month_first_in_english(client, portal):
    WorkshopFactory(strategy=portal["strategy"], title="Atelier de décembre", date=datetime.date(2026, 12, 1))

    french = text_of(client.get("/strategies/pedt-ivry/concertation/", HTTP_ACCEPT_LANGUAGE="fr"))
    english = text_of(client.get("/strategies/pedt-ivry/concertation/", HTTP_ACCEPT_LANGUAGE="en"))

    assert "1er décembre 2026" in french
    assert "December 1, 2026" in english
    assert "1er" not in english and "1 December" not in english
