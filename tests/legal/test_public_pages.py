"""The legal pages before and after the city fills them: never a 500, never more than it typed."""

import pytest
from django.contrib.auth import get_user_model

from actors.models import Contact, Organisation
from legal.cookies import portal_cookies
from legal.models import AccessibilityStatement, LegalNotice

PAGES = ["/mentions-legales/", "/accessibilite/", "/donnees-personnelles/"]
PLACEHOLDER = "à compléter par la collectivité"


@pytest.mark.parametrize("url", PAGES)
def test_an_empty_legal_page_shows_the_placeholder_and_non_conforme(client, db, url):
    response = client.get(url)

    html = response.content.decode()
    assert response.status_code == 200
    assert PLACEHOLDER in html
    assert "Accessibilité : non conforme" in html
    assert not LegalNotice.objects.exists() and not AccessibilityStatement.objects.exists()


def test_the_statement_without_an_audit_is_non_conforme_whatever_else_is_filled(client, db):
    AccessibilityStatement.objects.create(compliance_rate=100, pages_sample="Accueil", audited_by="Audit SA")

    html = client.get("/accessibilite/").content.decode()

    assert "Citédu est non conforme avec le référentiel" in html
    assert "Aucun audit de conformité n'a encore été réalisé" in html
    assert "totalement conforme" not in html


def test_a_fully_compliant_audit_says_totalement_conforme_everywhere(client, db):
    AccessibilityStatement.objects.create(audit_date="2026-03-12", compliance_rate=100)

    for url in ["/", *PAGES]:
        assert "Accessibilité : totalement conforme" in client.get(url).content.decode(), url


def test_the_appeal_to_the_defenseur_des_droits_is_always_there(client, db):
    html = client.get("/accessibilite/").content.decode()

    assert 'href="https://formulaire.defenseurdesdroits.fr/"' in html
    assert "Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX 07" in html
    for title in [
        "État de conformité",
        "Résultats des tests",
        "Contenus non accessibles",
        "Établissement de cette déclaration",
        "Retour d'information et contact",
        "Voies de recours",
    ]:
        assert f"<h2>{title}</h2>" in html, title


@pytest.mark.parametrize("url", PAGES)
def test_an_anonymous_visitor_sees_no_personal_data_but_what_the_city_typed(client, db, url):
    LegalNotice.objects.create(host_name="Hôte", dpo_name="Sandrine Garde", dpo_email="dpo@ville.example.org")
    get_user_model().objects.create_user("agent", email="agent.prive@ville.example.org", first_name="Zoé")
    organisation = Organisation.objects.create(name="Association du quartier", slug="asso")
    Contact.objects.create(
        organisation=organisation,
        first_name="Bérénice",
        last_name="Secrète",
        email="berenice.secrete@asso.example.org",
        phone="06 12 34 56 78",
    )

    html = client.get(url).content.decode()

    for private in ["agent.prive@", "Zoé", "Bérénice", "Secrète", "berenice.secrete@", "06 12 34 56 78"]:
        assert private not in html, private
    if url != "/accessibilite/":
        assert "Sandrine Garde" in html and "dpo@ville.example.org" in html


def test_the_cookies_listed_are_the_cookies_the_portal_sets(client, coordination_user):
    listed = {cookie.name for cookie in portal_cookies()}
    client.get("/comptes/login/")  # a form: the CSRF cookie
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    client.force_login(coordination_user)

    assert set(client.cookies) == listed == {"sessionid", "csrftoken", "django_language"}
    html = client.get("/donnees-personnelles/").content.decode()
    for name in listed:
        assert f"<code>{name}</code>" in html


# Every page's footer reads the statement (1); the notice (1) gives the publisher and the DPO; the
# personal data page lists the processing records (1).
# ... after every strategy's revision, which the page cache keys these pages on (strategy.page_cache).
QUERIES = {"/mentions-legales/": 3, "/accessibilite/": 3, "/donnees-personnelles/": 4}


@pytest.mark.parametrize("url", PAGES)
def test_a_legal_page_runs_one_query_per_record_it_shows(client, db, django_assert_num_queries, url):
    LegalNotice.load_for_editing()
    AccessibilityStatement.load_for_editing()
    with django_assert_num_queries(QUERIES[url]):
        assert client.get(url).status_code == 200
