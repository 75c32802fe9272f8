"""The 404 of a page a partner may see once logged in offers the login, and tells nothing more."""

import re

import pytest

from strategy.enums import ActionStatus, StrategyStatus
from tests.strategy.factories import ActionFactory, StrategyFactory

pytestmark = pytest.mark.django_db

CSRF_TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="[^"]+"')
LOGIN_LINK = re.compile(r'Vous êtes partenaire \? <a href="/comptes/login/\?next=([^"]+)">Connectez-vous</a>')


def login_next(response):
    assert response.status_code == 404
    match = LOGIN_LINK.search(response.content.decode())
    return match[1] if match else None


def same_page(response, slug):
    """The page without what differs by design: the path asked for, and the forms' CSRF token."""
    return CSRF_TOKEN.sub("", response.content.decode().replace(slug, "SLUG"))


def test_it_offers_the_login_on_the_404_of_a_draft_strategy_coming_back_to_it(client):
    StrategyFactory(slug="pedt-2030", status=StrategyStatus.CONSULTATION)

    response = client.get("/strategies/pedt-2030/actions/?axe=2")

    assert login_next(response) == "/strategies/pedt-2030/actions/%3Faxe%3D2"


def test_it_offers_the_login_on_the_404_of_a_proposed_action(client):
    action = ActionFactory(status=ActionStatus.PROPOSED, strategy__status=StrategyStatus.ADOPTED)

    response = client.get(action.get_absolute_url())

    assert login_next(response) == action.get_absolute_url()


def test_the_404_of_a_draft_and_of_a_page_that_never_existed_are_the_same_page(client):
    StrategyFactory(slug="pedt-2030", status=StrategyStatus.DRAFT)

    draft = client.get("/strategies/pedt-2030/")
    missing = client.get("/strategies/pedt-2031/")

    assert draft.status_code == missing.status_code == 404
    assert same_page(draft, "pedt-2030") == same_page(missing, "pedt-2031")
    assert login_next(missing) == "/strategies/pedt-2031/"


def test_a_logged_in_user_gets_no_login_link_on_a_404(client, partner_user):
    StrategyFactory(slug="pedt-2030", status=StrategyStatus.DRAFT)
    client.force_login(partner_user)

    response = client.get("/strategies/pedt-2030/")

    assert login_next(response) is None
    assert "Page introuvable" in response.content.decode()
