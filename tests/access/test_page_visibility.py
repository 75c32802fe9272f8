"""What each role may see, attacked from every page."""

import pytest

from tests.portal.conftest import SECRET_EMAIL, SECRET_PHONE
from tests.strategy.factories import ContributionFactory


def all_pages(portal):
    base = "/strategies/pedt-ivry"
    return [
        "/",
        f"{base}/",
        f"{base}/actions/",
        f"{base}/actions/?statut=proposed",
        portal["theatre"].get_absolute_url(),
        portal["hidden_contact_action"].get_absolute_url(),
        f"{base}/indicateurs/",
        portal["indicator"].get_absolute_url(),
        f"{base}/acteurs/",
        f"{base}/concertation/",
        f"{base}/documents/",
    ]


def test_anonymous_visitor_never_sees_a_draft_action_or_personal_data(client, portal):
    for url in all_pages(portal):
        html = client.get(url).content.decode()
        assert "Projet confidentiel de cantine" not in html, url
        assert SECRET_EMAIL not in html, url
        assert SECRET_PHONE not in html, url
        assert "Bruno" not in html, url
        assert "Indicateur interne secret" not in html, url
        assert "Café des parents" not in html, url


@pytest.mark.parametrize("key", ["proposed", "unpublished"])
def test_anonymous_visitor_gets_404_on_a_draft_action_or_unpublished_indicator(client, portal, key):
    assert client.get(portal[key].get_absolute_url()).status_code == 404


@pytest.mark.parametrize("slug", ["pedt-2027", "brouillon"])
def test_anonymous_visitor_gets_404_on_a_strategy_that_is_not_published(client, portal, slug):
    for suffix in ("", "actions/", "indicateurs/", "acteurs/", "concertation/", "documents/"):
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
    assert (
        "Projet confidentiel de cantine" not in client.get("/strategies/pedt-ivry/actions/").content.decode()
    )
    assert (
        "Projet confidentiel de cantine"
        not in client.get("/strategies/pedt-ivry/concertation/").content.decode()
    )


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
    for url in (portal["theatre"].get_absolute_url(), portal["strategy"].get_absolute_url()):
        html = client.get(url).content.decode()
        assert "Remarque interne." not in html and "Autre remarque." not in html
        assert 'name="body"' not in html
