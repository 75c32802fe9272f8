"""A pilot fills and sends one action's page in Chromium (French locale), typing as they would."""

import os
from decimal import Decimal
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse
from playwright.sync_api import expect

from followup import rounds
from followup.enums import ReportStatus
from followup.models import ActionReport
from indicators.models import Measurement
from strategy.models import ActionBeneficiaries
from tests.followup.conftest import build_world

pytestmark = [pytest.mark.browser]

SCREENSHOTS = Path(settings.BASE_DIR) / "docs" / "screenshots"
SIZES = {"bureau": {"width": 1280, "height": 900}, "telephone": {"width": 390, "height": 844}}


def log_in(page, live_server, username):
    page.goto(f"{live_server.url}/admin/login/")
    page.get_by_label("Nom d’utilisateur").fill(username)
    page.get_by_label("Mot de passe").fill("demo")
    page.get_by_role("button", name="Connexion").click()
    expect(page.get_by_text("Déconnexion")).to_be_visible()


@pytest.fixture
def browser_world(keep_reference_data, transactional_db, world):
    return world


def test_a_pilot_fills_and_sends_an_action_page(page, live_server, browser_world):
    world = browser_world
    log_in(page, live_server, "pilote-maison")
    page.goto(f"{live_server.url}{reverse('followup:round_list')}")
    page.get_by_role("link", name="Remplir les fiches de vos actions").click()
    page.get_by_role("link", name="1.1 — Ateliers du soir").click()

    page.get_by_label("Avancement (%)").fill("65")
    page.get_by_label("Point d'étape").fill("Douze ateliers tenus.")
    page.get_by_label("Réalisé — CAF (€)").fill("12 500,50")
    page.get_by_label("Nombre de bénéficiaires").fill("120")
    page.get_by_label("Filles").fill("60")
    page.get_by_label("Garçons").fill("60")
    page.get_by_label("Public « Élémentaire (6-11 ans) »").fill("90")
    page.get_by_label("Valeur 2025 (enfants)").fill("1 234,5")
    page.get_by_label("Appréciation 2025-2026").select_option(label="Satisfaisant")
    page.get_by_role("button", name="Enregistrer et envoyer à la coordination").click()

    expect(page.locator(".messagelist .success")).to_contain_text("est envoyée à la coordination")
    expect(page.locator(".followup-report--sent .followup-state")).to_contain_text("envoyée le")
    report = ActionReport.objects.get(action=world["action"])
    assert report.status == ReportStatus.SENT
    assert report.answer["progress"] == 65
    world["caf_line"].refresh_from_db()
    assert world["caf_line"].executed_amount == Decimal("12500.50")
    assert ActionBeneficiaries.objects.get(action=world["action"]).total == 120
    assert Measurement.objects.get(indicator=world["counted"], period="2025").value == Decimal("1234.5")


def test_a_bad_count_is_refused_in_the_browser_and_nothing_saved(page, live_server, browser_world):
    world = browser_world
    log_in(page, live_server, "pilote-maison")
    page.goto(
        f"{live_server.url}{reverse('followup:action_report', args=[world['round'].pk, world['action'].pk])}"
    )
    page.get_by_label("Avancement (%)").fill("65")
    page.get_by_label("Nombre de bénéficiaires").fill("10")
    page.get_by_label("Filles").fill("8")
    page.get_by_label("Garçons").fill("5")
    page.get_by_role("button", name="Enregistrer", exact=True).click()

    expect(page.locator(".errorlist")).to_contain_text("dépassent le total")
    world["action"].refresh_from_db()
    assert world["action"].progress == 20
    assert not ActionBeneficiaries.objects.exists()


@pytest.mark.skipif(
    not os.environ.get("CITEDU_SCREENSHOTS"), reason="screenshots on demand: CITEDU_SCREENSHOTS=1"
)
def test_take_screenshots_of_the_pilots_pages(browser, live_server, keep_reference_data, transactional_db):
    """docs/screenshots/suivi-{liste,action}-{bureau,telephone}.png: a list with one report sent,
    one being filled and one to fill, and the page of the one to fill."""
    world = build_world(
        more_actions=[("1.3", "Accompagnement à la scolarité"), ("2.1", "Sorties culturelles")]
    )
    pilot = world["pilot"]
    reports = {
        report.action.code: report
        for report in ActionReport.objects.filter(participant__organisation=world["own"]).select_related(
            "action", "round"
        )
    }
    reports["1.3"].milestone_note = "Trente élèves suivis, deux collèges partenaires."
    reports["1.3"].save()
    rounds.send_report(reports["1.3"], pilot)
    rounds.mark_saved(reports["2.1"], pilot)
    urls = {
        "suivi-liste": reverse("followup:round_actions", args=[world["round"].pk]),
        "suivi-action": reverse("followup:action_report", args=[world["round"].pk, world["action"].pk]),
    }
    for size, viewport in SIZES.items():
        context = browser.new_context(viewport=viewport, device_scale_factor=1, locale="fr-FR")
        tab = context.new_page()
        log_in(tab, live_server, "pilote-maison")
        for name, path in urls.items():
            tab.goto(f"{live_server.url}{path}")
            tab.screenshot(path=SCREENSHOTS / f"{name}-{size}.png", full_page=True)
        context.close()
