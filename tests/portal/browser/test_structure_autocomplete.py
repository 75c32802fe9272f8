"""Picking a structure by autocomplete in Chromium: the public filter with the keyboard, the admin inline."""

from pathlib import Path

import pytest
from django.contrib.auth.models import AnonymousUser
from playwright.sync_api import expect

from strategy.models import Action, ActionPartner

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHOTS = Path(__file__).resolve().parents[3] / "docs" / "screenshots"
SLUG = "pedt-ivry-sur-seine"


def visible_pilot():
    action = Action.objects.visible_to(AnonymousUser()).filter(strategy__slug=SLUG).order_by("code").first()
    return action.pilot


def test_a_visitor_picks_a_pilot_with_the_keyboard_alone(browser, live_server, demo):
    pilot = visible_pilot()
    for name, viewport in (("bureau", (1280, 900)), ("telephone", (390, 844))):
        context = browser.new_context(locale="fr-FR", viewport={"width": viewport[0], "height": viewport[1]})
        page = context.new_page()
        page.goto(f"{live_server.url}/strategies/{SLUG}/actions/")
        page.focus("summary")
        page.keyboard.press("Enter")
        field = page.get_by_role("combobox", name="Structure pilote")
        expect(field).to_have_attribute("aria-expanded", "false")
        field.focus()
        page.keyboard.type(pilot.name[:5], delay=30)
        listbox = page.get_by_role("listbox", name="Structure pilote")
        expect(listbox).to_be_visible()
        expect(field).to_have_attribute("aria-expanded", "true")
        for _ in range(20):
            page.keyboard.press("ArrowDown")
            active = page.evaluate(
                "document.getElementById(document.activeElement.getAttribute('aria-activedescendant')).textContent"
            )
            if active.startswith(pilot.name):
                break
        expect(page.get_by_role("option", name=active)).to_have_attribute("aria-selected", "true")
        page.screenshot(path=SHOTS / f"filtre-structure-{name}.png", type="png")
        page.keyboard.press("Enter")  # chooses
        expect(field).to_have_value(pilot.name)
        expect(field).to_have_attribute("aria-expanded", "false")
        page.keyboard.press("Enter")  # submits
        expect(page.get_by_text(f"Structure pilote : {pilot.name}")).to_be_visible()
        assert "pilote=" in page.url
        expect(page.locator(".action-item").first).to_be_visible()
        context.close()


def test_a_name_that_matches_no_structure_says_so(page, live_server, demo):
    page.goto(f"{live_server.url}/strategies/{SLUG}/actions/")
    page.get_by_text("Plus de filtres").click()
    field = page.get_by_role("combobox", name="Partenaire")
    field.fill("zzzz structure inconnue")
    expect(page.get_by_role("status").filter(has_text="Aucune structure")).to_have_count(1)
    expect(page.get_by_role("listbox", name="Partenaire")).to_be_hidden()
    page.get_by_role("button", name="Appliquer les filtres").click()
    expect(
        page.get_by_text("Aucune structure de cette stratégie ne s'appelle « zzzz structure inconnue »")
    ).to_be_visible()


def test_the_coordination_picks_a_partner_in_the_admin_by_autocomplete_and_saves(browser, live_server, demo):
    action = Action.objects.filter(strategy__slug=SLUG).order_by("code").first()
    taken = set(action.partnerships.values_list("organisation", flat=True)) | {action.pilot_id}
    from actors.models import Organisation

    chosen = Organisation.objects.exclude(pk__in=taken).order_by("name").first()
    context = browser.new_context(locale="fr-FR", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(f"{live_server.url}/admin/login/")
    page.get_by_label("Nom d’utilisateur").fill("coordination")
    page.get_by_label("Mot de passe").fill("demo")
    page.get_by_role("button", name="Connexion").click()
    expect(page.get_by_text("Déconnexion")).to_be_visible()
    page.goto(f"{live_server.url}/admin/strategy/action/{action.pk}/change/")
    group = page.locator("#partnerships-group")
    group.locator(".add-row a").click()
    row = group.locator("tr.form-row.dynamic-partnerships").last
    row.locator(".select2-selection").click()
    page.locator(".select2-container--open .select2-search__field").fill(chosen.name[:12])
    option = page.locator(".select2-results__option", has_text=chosen.name).first
    expect(option).to_be_visible()
    page.screenshot(path=SHOTS / "admin-partenaire-autocompletion-bureau.png", type="png")
    option.click()
    expect(row.locator(".select2-selection__rendered")).to_contain_text(chosen.name)
    page.locator("input[name=_continue]").click()
    expect(page.locator(".messagelist .success")).to_be_visible()
    assert ActionPartner.objects.filter(action=action, organisation=chosen).exists()
    context.close()
