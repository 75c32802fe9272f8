import pytest

from tests.strategy.factories import StrategyFactory

pytestmark = pytest.mark.django_db


def test_a_missing_page_is_a_french_404_with_a_way_home(client):
    response = client.get("/strategies/nexiste-pas/")
    assert response.status_code == 404
    page = response.content.decode()
    assert "Page introuvable" in page
    assert 'href="/"' in page


def test_the_interface_is_french_by_default(client):
    StrategyFactory(title="Projet éducatif de Vitry")
    page = client.get("/").content.decode()
    assert '<html lang="fr">' in page
    assert "Aller au contenu" in page


def test_a_visitor_can_switch_the_interface_to_english(client):
    StrategyFactory(title="Projet éducatif de Vitry")
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert response.status_code == 302
    page = client.get("/").content.decode()
    assert '<html lang="en">' in page
    assert "Skip to content" in page
    # The strategy's own content stays as written.
    assert "Projet éducatif de Vitry" in page
