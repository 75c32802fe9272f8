"""A pilot counts an action's beneficiaries in Chromium: a year on the action's page, then its audiences."""

from pathlib import Path

import pytest
from playwright.sync_api import expect

from strategy.models import ActionBeneficiaries

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHOTS = Path("/tmp/citedu-pages")


def log_in(page, live_server, username):
    page.goto(f"{live_server.url}/admin/login/")
    page.get_by_label("Nom d’utilisateur").fill(username)
    page.get_by_label("Mot de passe").fill("demo")
    page.get_by_role("button", name="Connexion").click()
    expect(page.get_by_text("Déconnexion")).to_be_visible()


def test_the_pilot_adds_a_year_then_its_breakdown_by_audience(page, live_server, demo):
    SHOTS.mkdir(parents=True, exist_ok=True)
    log_in(page, live_server, "pilote")
    action = ActionBeneficiaries.objects.get(
        action__code="1.1", action__strategy__slug="pedt-ivry-sur-seine"
    ).action
    page.goto(f"{live_server.url}/admin/strategy/action/{action.pk}/change/")
    group = page.locator("#beneficiaries-group")
    expect(group).to_contain_text("Maternelle (3-6 ans) : 2150 ; Élémentaire (6-11 ans) : 3330")
    group.get_by_text("Ajouter un objet Bénéficiaires de l'année supplémentaire").click()
    row = group.locator("tr.dynamic-beneficiaries").last
    row.locator("input[name$=-year]").fill("2025")
    row.locator("input[name$=-total]").type("5 612")
    row.locator("input[name$=-sex_unknown]").type("5 612")
    group.screenshot(path=SHOTS / "admin-action-beneficiaires.png")
    page.locator("input[name=_continue]").click()
    expect(page.locator(".messagelist .success")).to_be_visible()
    year = ActionBeneficiaries.objects.get(action=action, year=2025)
    assert (year.total, year.sex_unknown) == (5612, 5612)

    page.goto(f"{live_server.url}/admin/strategy/actionbeneficiaries/{year.pk}/change/")
    audiences = page.locator("#by_audience-group")
    audiences.locator("select[name=by_audience-0-audience]").select_option(label="Maternelle (3-6 ans)")
    audiences.locator("input[name=by_audience-0-count]").type("6 000")
    page.locator("input[name=_continue]").click()
    expect(page.locator(".errornote, .errorlist").first).to_be_visible()
    expect(
        page.get_by_text("Les bénéficiaires par public (6000) dépassent le total de l'année (5612).")
    ).to_be_visible()
    assert not year.by_audience.exists()

    audiences = page.locator("#by_audience-group")
    audiences.locator("input[name=by_audience-0-count]").fill("2 190")
    page.locator("input[name=_continue]").click()
    expect(page.locator(".messagelist .success")).to_be_visible()
    page.screenshot(path=SHOTS / "admin-annee-beneficiaires.png", full_page=True)
    assert [(audience.code, count) for audience, count in year.audience_counts()] == [("3-6", 2190)]


def test_the_public_action_page_on_a_phone(browser, live_server, demo):
    SHOTS.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(locale="fr-FR", viewport={"width": 390, "height": 844})
    page = context.new_page()
    action = ActionBeneficiaries.objects.get(action__code="2.4", year=2024).action
    page.goto(f"{live_server.url}/strategies/pedt-ivry-sur-seine/actions/{action.slug}/")
    section = page.locator("section[aria-labelledby=beneficiaires]")
    expect(section).to_contain_text(
        "172 bénéficiaires en 2024, dont 90 filles, 80 garçons et 2 de sexe non renseigné"
    )
    section.screenshot(path=SHOTS / "action-beneficiaires-telephone.png")
    context.close()
