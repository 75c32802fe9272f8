"""A partner sets their mail from the portal's header, in Chromium; the page passes axe."""

import json
import os
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe

from actors import roles
from notifications.models import MailPreference
from tests.portal.browser.test_accessibility import AXE_OPTIONS, readable
from tests.strategy.factories import UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

#: Where the screenshots go when asked (``CITEDU_SCREENSHOTS=dir``), to be looked at.
SCREENSHOTS = os.environ.get("CITEDU_SCREENSHOTS")


def test_a_partner_turns_one_kind_of_mail_off_from_the_header(
    browser, page, live_server, keep_reference_data
):
    partner = UserFactory(username="caf", email="caf@caf.example.fr", role=roles.PARTENAIRE)
    page.goto(f"{live_server.url}/comptes/login/")
    page.fill("#id_username", "caf")
    page.fill("#id_password", "demo")
    page.click("button[type=submit]")
    page.click("text=Mes courriels")
    assert page.locator("h1").inner_text() == "Mes courriels"
    page.uncheck("label:has-text('Décision du COPIL sur une action de ma structure')")
    page.select_option("#id_language", "en")
    if SCREENSHOTS:
        Path(SCREENSHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=f"{SCREENSHOTS}/courriels-preferences-bureau.png", full_page=True)
    page.click("text=Enregistrer mes préférences")
    assert "Vos préférences de courriel sont enregistrées." in page.locator(".messages").inner_text()
    preference = MailPreference.objects.get(user=partner)
    assert (preference.language, preference.disabled_kinds) == ("en", ["action_decided"])
    page.evaluate(Axe().axe_script)
    violations = page.evaluate(f"axe.run(document, {json.dumps(AXE_OPTIONS)}).then(r => r.violations)")
    assert readable(page.url, violations) == []
    if SCREENSHOTS:
        page.set_viewport_size({"width": 390, "height": 844})
        page.screenshot(path=f"{SCREENSHOTS}/courriels-preferences-telephone.png", full_page=True)
