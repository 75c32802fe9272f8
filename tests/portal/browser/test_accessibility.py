"""axe-core finds no WCAG 2.1 A or AA violation on any public page of the demo strategies."""

import json

import pytest
from axe_playwright_python.sync_playwright import Axe

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    "resultTypes": ["violations"],
}
STRATEGY_PAGES = ["", "actions/", "indicateurs/", "acteurs/", "concertation/", "documents/", "quartiers/"]
#: Pages are checked this many at a time, each in its own tab, to use every core.
TABS = 3


def public_paths(page, base):
    paths = ["/", "/accessibilite/", "/mentions-legales/", "/donnees-personnelles/", "/comptes/login/"]
    for slug in ("pedt-ivry-sur-seine", "cite-educative-exemple"):
        paths += [f"/strategies/{slug}/{suffix}" for suffix in STRATEGY_PAGES]
        paths.append(f"/strategies/{slug}/actions/?axe=1&page=1")
        page.goto(f"{base}/strategies/{slug}/actions/")
        paths.append(page.locator(".action-item__title a").first.get_attribute("href"))
        page.goto(f"{base}/strategies/{slug}/indicateurs/")
        paths.append(page.locator(".card__title a").first.get_attribute("href"))
        page.goto(f"{base}/strategies/{slug}/quartiers/")
        neighbourhood = page.locator(".card__title a").last.get_attribute("href")
        paths += [neighbourhood, f"{neighbourhood}?age=6-11"]
    return paths


def readable(url, violations):
    return [
        f"{url}\n  [{violation['impact']}] {violation['id']}: {violation['help']}\n"
        + "\n".join(
            f"    - {node['target']}: {node.get('failureSummary', '')}" for node in violation["nodes"][:5]
        )
        for violation in violations
    ]


def check_all(tabs, base, paths):
    """Starts axe in several tabs at once, then collects each tab's violations."""
    script = Axe().axe_script
    found = []
    for start in range(0, len(paths), len(tabs)):
        batch = list(zip(tabs, paths[start : start + len(tabs)], strict=False))
        for tab, path in batch:
            tab.goto(f"{base}{path}")
            tab.evaluate(script)
            tab.evaluate(f"() => {{ window.__axe = axe.run(document, {json.dumps(AXE_OPTIONS)}); }}")
        for tab, path in batch:
            found += readable(path, tab.evaluate("window.__axe.then(results => results.violations)"))
    return found


def test_no_wcag_a_or_aa_violation_on_public_and_partner_pages(browser, page, live_server, demo):
    contexts = [browser.new_context(locale="fr-FR") for _ in range(TABS)]
    tabs = [context.new_page() for context in contexts]
    try:
        found = check_all(tabs, live_server.url, public_paths(page, live_server.url))
    finally:
        for context in contexts:
            context.close()

    page.goto(f"{live_server.url}/comptes/login/")
    page.get_by_label("Identifiant").fill("partenaire")
    page.get_by_label("Mot de passe").fill("demo")
    page.get_by_role("button", name="Se connecter").click()
    page.goto(f"{live_server.url}/strategies/pedt-ivry-sur-seine-2027/actions/")
    partner_pages = [
        "/strategies/pedt-ivry-sur-seine-2027/",
        "/strategies/pedt-ivry-sur-seine-2027/actions/",
        page.locator(".action-item__title a").first.get_attribute("href"),
    ]
    found += check_all([page], live_server.url, partner_pages)

    assert not found, "Violations WCAG :\n" + "\n".join(found)
