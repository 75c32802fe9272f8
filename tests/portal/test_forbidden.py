"""A refusal is a French page of the portal, in the admin as on the public side, CSRF failures too."""

import html
import re

import pytest
from django.test import Client
from pytest_django.asserts import assertInHTML

from actors import roles
from tests.strategy.factories import UserFactory

pytestmark = pytest.mark.django_db


def text_of(response):
    """The page's text as a reader sees it: tags removed, entities decoded, spaces collapsed."""
    page = re.sub(r"<(script|style)\b.*?</\1>", " ", response.content.decode(), flags=re.S)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split())


def test_a_forbidden_admin_page_is_a_french_page_of_the_portal(client):
    client.force_login(UserFactory(role=roles.PILOTE))

    response = client.get("/admin/documents/strategyversion/add/")

    assert response.status_code == 403
    assert response["Content-Type"] == "text/html; charset=utf-8"
    page, text = response.content.decode(), text_of(response)
    assertInHTML("<h1>Accès refusé</h1>", page)
    assertInHTML("<a href='/'>Revenir à l'accueil du portail</a>", page)
    assert "demandez-le à l'équipe de coordination" in text
    assert "403 Forbidden" not in text


def test_a_form_sent_without_its_csrf_token_gets_a_french_page_and_saves_nothing():
    user = UserFactory(role=roles.COORDINATION, username="coord-csrf")
    user.set_password("motdepasse-solide")
    user.save()
    client = Client(enforce_csrf_checks=True)

    response = client.post("/admin/login/", {"username": "coord-csrf", "password": "motdepasse-solide"})

    assert response.status_code == 403
    assert response["Content-Type"] == "text/html; charset=utf-8"
    text = text_of(response)
    assertInHTML("<h1>Accès refusé</h1>", response.content.decode())
    assert "Le formulaire n'a pas pu être vérifié" in text and "Rien n'a été enregistré" in text
    assert "CSRF" not in text
    assert "_auth_user_id" not in client.session
