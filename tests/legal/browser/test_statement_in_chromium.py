"""Coordination follows the admin home's link, types the audit the French way, and the portal says so."""

import pytest
from playwright.sync_api import expect

from tests.strategy.factories import UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_coordination_enters_the_audit_from_the_admin_home_and_the_status_follows(
    page, live_server, keep_reference_data
):
    UserFactory(username="coordination", role="coordination")
    page.goto(f"{live_server.url}/admin/login/")
    page.get_by_label("Nom d’utilisateur").fill("coordination")
    page.get_by_label("Mot de passe").fill("demo")
    page.get_by_role("button", name="Connexion").click()

    page.get_by_role("link", name="Déclaration d'accessibilité : Date de l'audit").click()
    page.locator("input[name=audit_date]").fill("12/03/2026")
    page.locator("input[name=compliance_rate]").fill("87,5")
    page.locator("input[name=_continue]").click()
    expect(page.locator(".messagelist")).to_contain_text("modifié")
    page.goto(f"{live_server.url}/admin/")
    expect(page.locator("#citedu-legal-missing")).not_to_contain_text("Date de l'audit")

    page.goto(f"{live_server.url}/accessibilite/")
    expect(page.locator("#etat-de-conformite")).to_contain_text("Citédu est partiellement conforme")
    expect(page.locator("#resultats")).to_contain_text("87,5\u00a0% des critères")
    expect(page.locator(".site-footer")).to_contain_text("Accessibilité : partiellement conforme")
