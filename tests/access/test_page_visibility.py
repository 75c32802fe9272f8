"""What each role may see, attacked from every page."""

import html

import pytest

from tests.portal.conftest import SECRET_EMAIL, SECRET_PHONE
from tests.strategy.factories import ContributionFactory


def every_page_and_what_it_shows(portal):
    """Each public page of the adopted strategy, and a text it must show an anonymous visitor."""
    base = "/strategies/pedt-ivry"
    return {
        "/": "PEDT d'Ivry-sur-Seine",
        f"{base}/": "Un parcours culturel pour chaque enfant",
        f"{base}/actions/": "Parcours théâtre à l'école",
        f"{base}/actions/?statut=proposed": "Aucune action ne correspond à votre recherche.",
        portal["theatre"].get_absolute_url(): "Alice Martin",
        portal["hidden_contact_action"].get_absolute_url(): "Fournitures scolaires",
        f"{base}/indicateurs/": "Bien-être des enfants",
        portal["indicator"].get_absolute_url(): "Places en crèche",
        f"{base}/acteurs/": "Conservatoire",
        f"{base}/concertation/": "Le comité valide les orientations.",
        f"{base}/documents/": "Les données ouvertes",
        f"{base}/quartiers/": "Ivry Port",
        f"{base}/quartiers/ivry-port/": "Parcours théâtre à l'école",
        f"{base}/quartiers/ivry-port/?age=11-15": "Fournitures scolaires",
    }


def page_text(client, url):
    """The page, entities decoded, once it has answered 200: a 404 hides secrets too, and proves nothing."""
    response = client.get(url)
    assert response.status_code == 200, url
    return html.unescape(response.content.decode())


def test_anonymous_visitor_never_sees_a_draft_action_or_personal_data(client, portal):
    for url, shown in every_page_and_what_it_shows(portal).items():
        text = page_text(client, url)
        assert shown in text, url
        assert "Projet confidentiel de cantine" not in text, url
        assert SECRET_EMAIL not in text, url
        assert SECRET_PHONE not in text, url
        assert "Bruno" not in text, url
        assert "Indicateur interne secret" not in text, url
        assert "Café des parents" not in text, url


@pytest.mark.parametrize("key", ["proposed", "unpublished"])
def test_anonymous_visitor_gets_404_on_a_draft_action_or_unpublished_indicator(client, portal, key):
    assert client.get(portal[key].get_absolute_url()).status_code == 404


@pytest.mark.parametrize("slug", ["pedt-2027", "brouillon"])
def test_anonymous_visitor_gets_404_on_a_strategy_that_is_not_published(client, portal, slug):
    suffixes = ("", "actions/", "indicateurs/", "acteurs/", "concertation/", "documents/", "quartiers/")
    for suffix in (*suffixes, "quartiers/ivry-port/"):
        assert client.get(f"/strategies/{slug}/{suffix}").status_code == 404


def test_partner_sees_drafts_of_a_strategy_under_consultation_marked_as_projects(client, portal, partner):
    client.force_login(partner)
    html = client.get("/strategies/pedt-2027/actions/").content.decode()
    assert "Café des parents" in html
    assert "Projet" in html
    assert client.get(portal["draft_action"].get_absolute_url()).status_code == 200


def test_partner_does_not_see_proposed_actions_of_an_adopted_strategy(client, portal, partner):
    client.force_login(partner)
    assert client.get(portal["proposed"].get_absolute_url()).status_code == 404
    for url in ("/strategies/pedt-ivry/actions/", "/strategies/pedt-ivry/concertation/"):
        text = page_text(client, url)
        assert "Parcours théâtre à l'école" in text, url
        assert "Projet confidentiel de cantine" not in text, url


def test_partner_never_sees_a_plain_draft_strategy(client, portal, partner):
    client.force_login(partner)
    assert client.get("/strategies/brouillon/").status_code == 404


def test_contributions_are_hidden_from_anonymous_visitors_and_never_show_the_author_email(
    client, portal, partner
):
    author = ContributionFactory(
        strategy=portal["draft"], action=portal["draft_action"], body="Ouvrir le samedi matin."
    ).author
    client.force_login(partner)
    html = client.get(portal["draft_action"].get_absolute_url()).content.decode()
    assert "Ouvrir le samedi matin." in html
    assert author.email not in html
    client.logout()
    assert client.get(portal["draft_action"].get_absolute_url()).status_code == 404


def test_anonymous_visitor_never_sees_contributions_even_on_a_published_action(client, portal):
    ContributionFactory(strategy=portal["strategy"], action=portal["theatre"], body="Remarque interne.")
    ContributionFactory(
        strategy=portal["strategy"], orientation=portal["theatre"].orientation, body="Autre remarque."
    )
    for url, shown in (
        (portal["theatre"].get_absolute_url(), "Parcours théâtre à l'école"),
        (portal["strategy"].get_absolute_url(), "Un parcours culturel pour chaque enfant"),
    ):
        text = page_text(client, url)
        assert shown in text, url
        assert "Remarque interne." not in text and "Autre remarque." not in text, url
        assert 'name="body"' not in text, url
