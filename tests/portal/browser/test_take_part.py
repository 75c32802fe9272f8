"""A family on a phone finds how to take part in an action and calls the structure, in Chromium."""

import os
from pathlib import Path

import pytest
from playwright.sync_api import expect

from strategy.models import Action

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

#: Where the screenshots go when asked (``CITEDU_SCREENSHOTS=dir``), to be looked at.
SCREENSHOTS = os.environ.get("CITEDU_SCREENSHOTS")
SIZES = {"telephone": {"width": 390, "height": 844}, "bureau": {"width": 1280, "height": 900}}


@pytest.mark.parametrize("size", SIZES)
def test_a_family_reads_participer_and_the_structure_s_phone_near_the_top(browser, live_server, demo, size):
    action = Action.objects.get(strategy__slug="pedt-ivry-sur-seine", code="2.4")
    context = browser.new_context(viewport=SIZES[size], locale="fr-FR")
    page = context.new_page()
    page.goto(f"{live_server.url}{action.get_absolute_url()}")
    block = page.locator("section.take-part")
    expect(block.get_by_role("heading", name="Participer")).to_be_visible()
    expect(block.locator("dt", has_text="Combien ça coûte ?")).to_be_visible()
    expect(block).to_contain_text("Une participation modeste, calculée selon le quotient familial.")
    phone = page.locator("section.structure-contact").get_by_role("link", name="01 99 00 21 20")
    expect(phone).to_have_attribute("href", "tel:0199002120")
    expect(page.locator(".action__updated")).to_contain_text("Mis à jour le ")
    # Near the top: the block starts within the first two screens, before the facts and the budget.
    top = block.bounding_box()["y"]
    assert top < 2 * SIZES[size]["height"], top
    assert top < page.locator("dl.facts").bounding_box()["y"]
    # Nothing wider than the screen (no sideways scrolling on a phone).
    assert page.evaluate("document.documentElement.scrollWidth") <= SIZES[size]["width"]
    expect(page.locator('head link[rel="alternate"][type="application/atom+xml"]')).to_have_count(1)
    if SCREENSHOTS:
        Path(SCREENSHOTS).mkdir(parents=True, exist_ok=True)
        # From the title on a phone (the block and the contact below it), the page's top on a desktop.
        start = page.locator("h1").bounding_box()["y"] - 16 if size == "telephone" else 0
        clip = {"x": 0, "y": start, "width": SIZES[size]["width"], "height": 1500}
        page.screenshot(path=f"{SCREENSHOTS}/action-participer-{size}.png", full_page=True, clip=clip)
    context.close()
