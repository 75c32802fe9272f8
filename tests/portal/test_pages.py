"""Every public page answers in French, and bad addresses give 404 rather than an error."""

import re

import pytest
from django.urls import reverse


def page_urls(portal):
    strategy, theatre, indicator = portal["strategy"], portal["theatre"], portal["indicator"]
    base = f"/strategies/{strategy.slug}"
    return [
        "/",
        f"{base}/",
        f"{base}/actions/",
        theatre.get_absolute_url(),
        f"{base}/indicateurs/",
        indicator.get_absolute_url(),
        portal["qualitative"].get_absolute_url(),
        f"{base}/acteurs/",
        f"{base}/concertation/",
        f"{base}/documents/",
        "/accessibilite/",
        "/mentions-legales/",
        "/donnees-personnelles/",
        "/comptes/login/",
    ]


def test_every_public_page_renders_in_french_with_the_accessibility_status(client, portal):
    for url in page_urls(portal):
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert '<html lang="fr">' in html, url
        assert "Accessibilité : non conforme" in html, url  # no audit entered
        assert "style=" not in html, url
        # Scripts only from our static files: the CSP forbids inline ones.
        assert re.findall(r"<script(?![^>]*\ssrc=\"/static/js/[\w.-]+\")", html) == [], url
        assert "</script>" not in html.replace("></script>", ""), url


def test_the_home_page_lists_published_strategies_and_key_figures(client, portal):
    html = client.get("/").content.decode()
    assert "PEDT d&#x27;Ivry-sur-Seine" in html
    assert "Ivry-sur-Seine" in html
    assert "63\u202f309" in html
    assert "Brouillon interne" not in html
    assert "PEDT 2027 en concertation" not in html


def test_the_strategy_page_shows_axes_orientations_governance_and_charts(client, portal):
    html = client.get(portal["strategy"].get_absolute_url()).content.decode()
    assert "Accompagner chaque enfant" in html
    assert "Un parcours culturel pour chaque enfant" in html
    assert "Un comité de pilotage réunit la ville" in html
    assert html.count('role="img"') == 2
    assert "Le maire, Maire" in html


def test_an_action_shows_its_plain_summary_before_its_administrative_description(client, portal):
    html = client.get(portal["theatre"].get_absolute_url()).content.decode()
    assert html.index("Chaque classe voit une pièce") < html.index("Description administrative")
    assert "12\u202f500,50\u00a0€" in html
    assert "Conservatoire" in html
    assert f"/strategies/pedt-ivry/actions/{portal['theatre'].slug}.pdf" in html


def test_a_consenting_pilot_contact_shows_name_and_title_only(client, portal):
    html = client.get(portal["theatre"].get_absolute_url()).content.decode()
    assert "Alice Martin, Coordinatrice" in html
    contact = portal["theatre"].pilot_contact
    assert contact.email not in html
    assert contact.phone not in html


def test_an_indicator_page_shows_its_chart_table_and_neighbourhood_values(client, portal):
    html = client.get(portal["indicator"].get_absolute_url()).content.decode()
    assert "<svg" in html and "<table" in html
    assert "237" in html and "210" in html
    assert "Ivry Port" in html


def test_the_concertation_page_shows_workshops_swot_and_decisions(client, portal):
    html = client.get("/strategies/pedt-ivry/concertation/").content.decode()
    assert "Atelier axe 1" in html and "29 participants" in html
    assert "Un tissu associatif dense." in html and "Des familles isolées." in html
    assert "Le comité valide les orientations." in html


def test_the_actors_page_shows_what_each_organisation_pilots_or_supports(client, portal):
    html = client.get("/strategies/pedt-ivry/acteurs/").content.decode()
    assert "Service enfance" in html and "Pilote 5 actions" in html
    assert "Conservatoire" in html and "Soutient 4 actions" in html


def test_the_documents_page_links_pdfs_reports_and_states_the_open_licence(client, portal):
    html = client.get("/strategies/pedt-ivry/documents/").content.decode()
    assert "/strategies/pedt-ivry/document.pdf" in html
    for year in (2023, 2024, 2025, 2026):
        assert f"/strategies/pedt-ivry/rapport-{year}.pdf" in html
    assert "Licence Ouverte / Open Licence 2.0" in html


def test_the_theme_stylesheet_carries_the_territory_colour(client, settings):
    settings.CITEDU_BRAND_COLOUR = "#aa3300"
    response = client.get(reverse("portal:theme_css"))
    assert response["Content-Type"].startswith("text/css")
    assert "--brand: #aa3300" in response.content.decode()


def test_a_colour_that_is_not_hexadecimal_never_reaches_the_stylesheet(client, settings):
    settings.CITEDU_BRAND_COLOUR = "red;}</style>"
    response = client.get("/theme.css")
    assert response.status_code == 200
    assert "--brand: #" in response.content.decode()
    assert "red" not in response.content.decode()


def test_logout_is_a_post_form(client, partner):
    client.force_login(partner)
    html = client.get("/").content.decode()
    assert 'method="post" action="/comptes/logout/"' in html


@pytest.mark.parametrize(
    "url",
    [
        "/strategies/inconnue/",
        "/strategies/pedt-ivry/actions/inconnue/",
        "/strategies/pedt-ivry/indicateurs/inconnu/",
        "/strategies/inconnue/actions/",
        "/strategies/inconnue/acteurs/",
        "/strategies/inconnue/concertation/",
        "/strategies/inconnue/documents/",
        "/strategies/pas un slug/",
        "/strategies/pedt-ivry/actions/%C3%A9%3Cscript%3E/",
    ],
)
def test_a_missing_or_malformed_address_gives_404(client, portal, url):
    assert client.get(url).status_code == 404


def test_the_actors_page_lists_eight_actions_per_organisation_then_links_to_the_filtered_list(client, db):
    from tests.actors.factories import OrganisationFactory
    from tests.strategy.factories import ActionFactory, StrategyFactory

    strategy = StrategyFactory()
    busy = OrganisationFactory(name="Direction de l'éducation", slug="direction-education")
    first = ActionFactory(strategy=strategy, pilot=busy, title="Action numéro 1")
    for number in range(2, 13):
        ActionFactory(strategy=strategy, axis=first.axis, pilot=busy, title=f"Action numéro {number}")
    page = client.get(f"/strategies/{strategy.slug}/acteurs/").content.decode()
    assert "Pilote 12 actions" in page
    assert page.count("Action numéro") == 8
    assert f"/strategies/{strategy.slug}/actions/?pilote=direction-education" in page
