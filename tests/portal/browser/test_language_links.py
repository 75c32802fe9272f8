"""In Chromium: an anonymous visitor reads the public pages with no cookie at all, until they follow a
language link of the footer; the page then comes back in that language (strategy.page_cache)."""

from pathlib import Path

import pytest
from django.conf import settings
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

SHOTS = Path(settings.BASE_DIR) / "docs" / "screenshots"
SIZES = {"telephone": {"width": 390, "height": 844}, "bureau": {"width": 1280, "height": 900}}


def test_no_cookie_until_the_visitor_picks_a_language_then_the_page_is_in_it(browser, live_server, demo):
    for size, viewport in SIZES.items():
        _visit(browser, live_server, size, viewport)


def _visit(browser, live_server, size, viewport):
    context = browser.new_context(locale="fr-FR", viewport=viewport)
    page = context.new_page()
    url = f"{live_server.url}/strategies/pedt-ivry-sur-seine/actions/"
    for _ in range(2):  # rendered, then from the cache
        page.goto(url)
        expect(page.get_by_role("heading", level=1)).to_have_text("Les actions")
    page.goto(f"{live_server.url}/strategies/pedt-ivry-sur-seine/")
    assert context.cookies() == []

    footer = page.get_by_role("navigation", name="Langue")
    footer.scroll_into_view_if_needed()
    page.screenshot(path=SHOTS / f"langue-pied-de-page-{size}.png")
    footer.get_by_role("link", name="English").click()

    expect(page.locator("html")).to_have_attribute("lang", "en")
    assert page.url == f"{live_server.url}/strategies/pedt-ivry-sur-seine/"
    assert [cookie["name"] for cookie in context.cookies()] == ["django_language"]
    page.goto(url)
    expect(page.get_by_role("heading", level=1)).not_to_have_text("Les actions")
    page.get_by_role("navigation", name="Language").get_by_role("link", name="Français").click()
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    context.close()
