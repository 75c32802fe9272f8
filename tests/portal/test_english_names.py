"""Audiences and sectors read in English in an English interface; the data doors keep the French name."""

import pytest
from django.utils import translation

from tests.actors.factories import sector
from tests.strategy.factories import audience

pytestmark = pytest.mark.django_db


def test_an_audience_and_a_sector_are_named_in_the_reader_s_language():
    with translation.override("en"):
        assert audience("6-11").display_name == "Primary school (6-11 years)"
        assert str(sector("culture")) == "Culture"
        assert sector("sante").display_name == "Health"
    with translation.override("fr"):
        assert audience("6-11").display_name == audience("6-11").name
        assert sector("sante").display_name == "Santé"


def test_without_an_english_name_the_french_one_is_shown():
    health = sector("sante")
    health.name_en = ""
    with translation.override("en"):
        assert health.display_name == "Santé"


def test_the_action_page_and_its_filters_show_the_english_names(client, portal):
    page = client.get(f"/strategies/pedt-ivry/actions/{portal['theatre'].slug}/", HTTP_ACCEPT_LANGUAGE="en")
    assert "Primary school (6-11 years)" in page.content.decode()

    filters = client.get("/strategies/pedt-ivry/actions/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert '<option value="6-11">Primary school (6-11 years)</option>' in filters
    assert '<option value="sante">Health</option>' in filters


def test_the_api_and_the_csv_keep_the_french_name_as_data(client, portal):
    french_name = audience("6-11").name
    api = client.get("/api/v1/strategies/pedt-ivry/actions/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    csv = b"".join(
        client.get("/strategies/pedt-ivry/actions.csv", HTTP_ACCEPT_LANGUAGE="en").streaming_content
    ).decode("utf-8-sig")

    assert french_name in api and "Primary school" not in api
    assert french_name in csv and "Primary school" not in csv


def test_the_neighbourhood_pages_and_the_first_choice_name_the_ages_in_english(client, portal):
    home = client.get("/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    page = client.get(
        "/strategies/pedt-ivry/quartiers/ivry-port/", {"age": "6-11"}, HTTP_ACCEPT_LANGUAGE="en"
    ).content.decode()

    for html in (home, page):
        assert "Primary school (6-11 years)" in html
        assert "Élémentaire (6-11 ans)" not in html
