"""The admin's header and index titles read in the reader's language."""

import pytest

from tests.strategy.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    client.force_login(UserFactory(username="root", is_staff=True, is_superuser=True))
    return client


def test_in_english_the_admin_header_and_app_titles_read_in_english(admin_client):
    page = admin_client.get("/admin/", HTTP_ACCEPT_LANGUAGE="en").content.decode()

    assert '<html lang="en"' in page
    assert "Citédu — co-construction area" in page
    for title in ("Education strategies", "Strategies", "Stakeholders", "Indicators", "Annual reporting"):
        assert f">{title}</a>" in page or f">{title}<" in page, title
    assert "Login security" in page and "Background task queue" in page
    for french in ("espace de co-construction", "Acteurs", "Suivi annuel", "Sécurité des connexions"):
        assert french not in page, french


def test_in_french_no_app_title_is_left_in_english(admin_client):
    page = admin_client.get("/admin/", HTTP_ACCEPT_LANGUAGE="fr").content.decode()

    assert "Citédu — espace de co-construction" in page
    assert "Sécurité des connexions" in page and "File des tâches de fond" in page
    assert "Tasks Database Backend" not in page
