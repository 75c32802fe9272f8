"""Real journeys in Chromium: a family finds an action, a partner contributes, keyboard only."""

import re

import pytest
from playwright.sync_api import expect

from strategy.models import Contribution

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_visitor_goes_from_home_to_an_action_through_filters_and_search(page, live_server, demo):
    page.goto(live_server.url)
    page.get_by_role("link", name=re.compile("Projet éducatif territorial d'Ivry")).first.click()
    page.get_by_role("navigation", name="Rubriques de la stratégie").get_by_role(
        "link", name="Actions"
    ).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Les actions")

    page.get_by_text("Plus de filtres").click()
    page.get_by_label("Public").select_option(label="Élémentaire (6-11 ans)")
    page.get_by_role("button", name="Appliquer les filtres").click()
    expect(page.get_by_text("Filtres actifs")).to_be_visible()
    assert "public=6-11" in page.url

    page.get_by_label("Rechercher un mot").fill("THEATRE")
    page.get_by_role("button", name="Rechercher").click()
    assert "q=THEATRE" in page.url and "public=6-11" in page.url
    results = page.locator(".action-item__title a")
    expect(results.first).to_be_visible()
    title = results.first.inner_text()
    results.first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(title)
    expect(page.get_by_role("heading", name="En clair")).to_be_visible()


def test_a_partner_logs_in_and_leaves_a_contribution_on_a_draft_action(page, live_server, demo):
    page.goto(f"{live_server.url}/strategies/pedt-ivry-sur-seine-2027/actions/")
    assert page.get_by_role("heading", level=1).inner_text() != "Les actions"  # 404 for anonymous

    page.goto(f"{live_server.url}/comptes/login/?next=/strategies/pedt-ivry-sur-seine-2027/actions/")
    page.get_by_label("Identifiant").fill("partenaire")
    page.get_by_label("Mot de passe").fill("demo")
    page.get_by_role("button", name="Se connecter").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Les actions")
    expect(page.locator(".action-item .badge--draft").first).to_have_text("Projet")

    page.locator(".action-item__title a").first.click()
    page.get_by_label("Votre contribution").fill("Traduire la fiche en arabe et en tamoul, svp.")
    page.get_by_role("button", name="Envoyer ma contribution").click()
    expect(page.get_by_text("votre contribution est enregistrée")).to_be_visible()
    expect(page.get_by_text("Traduire la fiche en arabe et en tamoul, svp.")).to_be_visible()
    assert (
        Contribution.objects.filter(
            author__username="partenaire", body__startswith="Traduire la fiche"
        ).count()
        == 1
    )

    page.get_by_role("button", name="Se déconnecter").click()
    expect(page.get_by_role("link", name="Espace partenaires")).to_be_visible()


def test_keyboard_alone_reaches_the_skip_link_the_filters_and_the_results(page, live_server, demo):
    page.goto(f"{live_server.url}/strategies/cite-educative-exemple/actions/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Aller au contenu"
    page.keyboard.press("Enter")

    reached = []
    for _ in range(40):
        page.keyboard.press("Tab")
        reached.append(page.evaluate("document.activeElement.id || document.activeElement.className"))
        if page.evaluate("document.activeElement.closest('.action-item') !== null"):
            break
    assert "id_q" in reached, reached
    assert page.evaluate("document.activeElement.closest('.action-item') !== null"), reached

    # Open « Plus de filtres » with the keyboard and reach a select.
    page.focus("summary")
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.tagName") == "SELECT"
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"
