"""What people notice on a phone: the thank-you in view, a budget table without hidden columns, charts
whose labels can be read."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
#: The smallest text a chart may show, in CSS pixels once the drawing is scaled to the page.
READABLE_PX = 12


@pytest.fixture
def phone(browser):
    context = browser.new_context(locale="fr-FR", viewport=PHONE, is_mobile=True, has_touch=True)
    context.set_default_timeout(10_000)
    yield context.new_page()
    context.close()


def first_link(page, url, selector):
    page.goto(url)
    return page.locator(selector).first.get_attribute("href")


def open_first_action(page, base, strategy):
    page.goto(f"{base}{first_link(page, f'{base}/strategies/{strategy}/actions/', '.action-item__title a')}")


def test_the_thank_you_is_in_view_after_a_contribution_on_a_phone(phone, live_server, demo):
    base = live_server.url
    phone.goto(f"{base}/comptes/login/")
    phone.get_by_label("Identifiant").fill("partenaire")
    phone.get_by_label("Mot de passe").fill("demo")
    phone.get_by_role("button", name="Se connecter").click()
    open_first_action(phone, base, "pedt-ivry-sur-seine-2027")
    phone.locator(".contribution-form textarea").first.fill("Prévoir un accueil des familles le samedi.")
    phone.locator(".contribution-form").first.get_by_role("button", name="Envoyer ma contribution").click()

    thanks = phone.locator("#merci")
    assert "votre contribution est enregistrée" in thanks.inner_text()
    box = thanks.bounding_box()
    assert box["y"] >= 0 and box["y"] + box["height"] <= PHONE["height"], box
    assert phone.evaluate("location.hash") == "#merci"


def test_the_budget_table_hides_no_column_on_a_phone(phone, live_server, demo):
    base = live_server.url
    open_first_action(phone, base, "pedt-ivry-sur-seine")
    table = phone.locator("#budget ~ .table-wrap table")

    widths = table.evaluate(
        "t => [t.scrollWidth, t.parentElement.clientWidth, document.documentElement.scrollWidth]"
    )
    assert widths[0] <= widths[1] and widths[2] <= PHONE["width"], widths
    headers = table.locator("thead th").all_inner_texts()
    assert headers == ["Année", "Financeur", "Source", "Prévu", "Réalisé", "Étape"]
    # Each cell of a line shows its column's name beside its value, inside the screen.
    for row in table.locator("tbody tr").all():
        cells = row.locator("td, th")
        labels = cells.evaluate_all("cells => cells.map(c => getComputedStyle(c, '::before').content)")
        assert labels == [f'"{header}"' for header in headers]
        for box in (cell.bounding_box() for cell in cells.all()):
            assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], box


CHART_TEXT_SIZES = """() => [...document.querySelectorAll('svg.chart')].map(svg => {
  const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
  const sizes = [...svg.querySelectorAll('text')].map(t => parseFloat(getComputedStyle(t).fontSize));
  return Math.min(...sizes) * scale;
})"""


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_chart_labels_are_at_least_12_pixels_on_phone_and_desktop(browser, live_server, demo, viewport):
    context = browser.new_context(locale="fr-FR", viewport=viewport)
    page = context.new_page()
    base = live_server.url
    try:
        indicator = first_link(page, f"{base}/strategies/pedt-ivry-sur-seine/indicateurs/", ".card__title a")
        sizes = []
        for url in ("/strategies/pedt-ivry-sur-seine/", indicator):
            page.goto(f"{base}{url}")
            sizes += page.evaluate(CHART_TEXT_SIZES)
            # The page itself never scrolls sideways: only the chart does, inside its frame.
            assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
    finally:
        context.close()

    assert len(sizes) >= 3
    assert min(sizes) >= READABLE_PX, sizes
    assert max(sizes) <= 20, sizes  # and never shouting on a wide screen
