"""With the interface in English, the strategy's French content is marked lang="fr" (WCAG 3.1.2)."""

import pytest
from django.conf import settings

from tests.languages import language_of

pytestmark = pytest.mark.django_db

STRATEGY = "/strategies/pedt-ivry/"


def action_url(portal):
    return f"/strategies/pedt-ivry/actions/{portal['theatre'].slug}/"


def english(client, url):
    response = client.get(url, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    page = response.content.decode()
    assert '<html lang="en">' in page
    return page


def test_the_strategy_page_in_english_reads_the_strategy_s_texts_as_french(client, portal):
    page = english(client, STRATEGY)

    assert language_of(page, "PEDT d'Ivry-sur-Seine") == "fr"
    assert language_of(page, "Un comité de pilotage réunit la ville") == "fr"
    assert language_of(page, "Un parcours culturel pour chaque enfant") == "fr"
    assert language_of(page, "Accompagner chaque enfant") == "fr"
    assert language_of(page, "Skip to content") == "en"  # the page's own language


def test_the_action_page_in_english_reads_title_summary_description_and_decision_as_french(client, portal):
    page = english(client, action_url(portal))

    assert language_of(page, "Parcours théâtre à l'école") == "fr"
    assert language_of(page, "Chaque classe voit une pièce de théâtre chaque année.") == "fr"
    assert language_of(page, "Description administrative du parcours.") == "fr"
    assert language_of(page, "Places en crèche") == "fr"
    # Interface words around them stay in the page's language.
    assert language_of(page, "Who leads it?") == "en"


def test_the_language_cookie_marks_the_content_too(client, portal):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"

    page = client.get("/strategies/pedt-ivry/actions/").content.decode()

    assert '<html lang="en">' in page
    assert language_of(page, "Parcours théâtre à l'école") == "fr"


def test_in_french_no_redundant_lang_attribute_is_written(client, portal):
    for url in (
        "/",
        STRATEGY,
        action_url(portal),
        "/strategies/pedt-ivry/actions/",
        "/strategies/pedt-ivry/concertation/",
    ):
        page = client.get(url, HTTP_ACCEPT_LANGUAGE="fr").content.decode()
        assert '<html lang="fr">' in page
        # <html> and the language picker's « Français » (its hreflang is not a lang attribute)
        assert page.count(' lang="fr"') == 2, url


def test_paragraphs_of_french_text_carry_the_attribute_themselves(client, portal):
    page = english(client, STRATEGY)

    # No <span> around block content: each paragraph is marked.
    assert '<p lang="fr">Un comité de pilotage réunit la ville' in page
    assert '<span lang="fr"><p' not in page
