"""A parent on a phone reaches their neighbourhood's page for their child's age in a few taps; the map
works with the keyboard and its text alternative has the same links."""

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NEIGHBOURHOOD = "/strategies/cite-educative-exemple/quartiers/quartiers-sud/"
PHONE = {"viewport": {"width": 390, "height": 844}, "has_touch": True, "is_mobile": True, "locale": "fr-FR"}


def test_a_parent_on_a_phone_reaches_the_page_for_a_6_to_11_year_old_in_at_most_three_taps(
    browser, live_server, demo
):
    context = browser.new_context(**PHONE)
    page = context.new_page()
    taps = 0

    def tap(locator):
        nonlocal taps
        locator.scroll_into_view_if_needed()
        locator.tap()
        taps += 1

    try:
        page.goto(live_server.url)
        first_choice = page.get_by_role("region", name="Ce qui se passe près de chez vous")
        tap(first_choice.get_by_role("link", name="Quartiers sud", exact=True))
        expect(page.get_by_role("heading", level=1)).to_have_text("Quartiers sud")
        tap(page.get_by_role("link", name="Élémentaire (6-11 ans)", exact=True))
        expect(
            page.get_by_role("heading", level=2, name="Les actions dans ce quartier — Élémentaire (6-11 ans)")
        ).to_be_visible()
        assert page.url == f"{live_server.url}{NEIGHBOURHOOD}?age=6-11"
        assert taps <= 3, f"{taps} taps"
        codes = page.locator("#actions-quartier ~ ul .code").all_inner_texts()
        assert "1.1" in codes  # Médiation scolaire: 6-11, 11-15 and parents
        assert "1.2" not in codes  # 11-15 and parents only
    finally:
        context.close()


def test_tab_reaches_each_map_link_with_a_visible_focus_and_enter_follows_it(page, live_server, demo):
    page.goto(f"{live_server.url}/strategies/cite-educative-exemple/quartiers/")
    map_hrefs = page.locator("svg.map a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert len(map_hrefs) == 2

    focused = []
    for _ in range(60):
        page.keyboard.press("Tab")
        in_map = page.evaluate("() => !!document.activeElement.closest('svg.map')")
        if in_map:
            focused.append(page.evaluate("() => document.activeElement.getAttribute('href')"))
            stroke = page.evaluate(
                "() => getComputedStyle(document.activeElement.querySelector('path')).strokeWidth"
            )
            assert stroke == "5px", "the focused neighbourhood is not outlined"
        elif focused:
            break
    assert focused == map_hrefs

    page.keyboard.press("Shift+Tab")  # back onto the last map link
    page.keyboard.press("Enter")
    expect(page).to_have_url(f"{live_server.url}{map_hrefs[-1]}")
    expect(page.get_by_role("heading", level=1)).to_be_visible()


def test_the_map_alternative_lists_the_same_links_as_the_map(page, live_server, demo):
    for path in ("/strategies/cite-educative-exemple/quartiers/", NEIGHBOURHOOD):
        page.goto(f"{live_server.url}{path}")
        svg = page.locator("svg.map")
        hrefs = svg.locator("a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
        names = svg.locator("a").evaluate_all("links => links.map(a => a.getAttribute('aria-label'))")
        alternative = page.locator(f"#{svg.get_attribute('aria-describedby')} a")
        assert alternative.evaluate_all("links => links.map(a => a.getAttribute('href'))") == hrefs
        assert [name.replace(" (ce quartier)", "") for name in names] == alternative.all_inner_texts()
        expect(page.get_by_text("Carte illustrative")).to_be_visible()
