"""The data dictionary page in Chromium: no WCAG A/AA violation, readable on a phone and a desktop."""

from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
SIZES = {"telephone": {"width": 390, "height": 844}, "bureau": {"width": 1280, "height": 900}}
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    "resultTypes": ["violations"],
}


def test_the_data_dictionary_has_no_accessibility_violation_and_fits_a_phone(
    browser, live_server, keep_reference_data
):
    for size, viewport in SIZES.items():
        context = browser.new_context(viewport=viewport, device_scale_factor=1, locale="fr-FR")
        tab = context.new_page()
        tab.goto(f"{live_server.url}/donnees/")

        assert tab.locator("caption").count() == 3
        violations = Axe().run(tab, options=AXE_OPTIONS).response["violations"]
        assert violations == [], [violation["id"] for violation in violations]
        # The page itself never scrolls sideways: a wide table scrolls inside its own box.
        assert tab.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
        tab.screenshot(path=SCREENSHOTS / f"donnees-dictionnaire-{size}.png")
        tab.locator("#indicateurs").scroll_into_view_if_needed()
        tab.screenshot(path=SCREENSHOTS / f"donnees-dictionnaire-indicateurs-{size}.png")
        context.close()
