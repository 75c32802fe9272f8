"""axe-core finds no WCAG 2.1 A or AA violation on any public page of the demo, in French and in English."""

import json

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.portal.browser.public_pages import LANGUAGES, public_paths

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

AXE_OPTIONS = {
    # WCAG 2.2 AA (target sizes) and axe's best practices (landmarks, heading order), as Lighthouse asks.
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"],
    },
    "resultTypes": ["violations"],
}
#: Pages are checked this many at a time, each in its own tab, to use every core.
TABS = 3
#: The browsers' locales the pages are read in (their Accept-Language), one per portal language.
LOCALES = {"fr": "fr-FR", "en": "en-GB"}
#: Not found, for a visitor who is not logged in (a draft's page looks the same).
NOT_FOUND = "/strategies/pedt-ivry-sur-seine-2027/"


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
            # Scripted pages (the API docs) too: axe must not pass an empty page.
            tab.locator("main h1, [role=banner] h1").first.wait_for()
            tab.evaluate(script)
            tab.evaluate(f"() => {{ window.__axe = axe.run(document, {json.dumps(AXE_OPTIONS)}); }}")
        for tab, path in batch:
            language = tab.evaluate("document.documentElement.lang")
            found += readable(
                f"{path} ({language})", tab.evaluate("window.__axe.then(results => results.violations)")
            )
    return found


def test_no_wcag_a_or_aa_violation_on_public_and_partner_pages(browser, page, live_server, demo):
    paths = [*public_paths(page, live_server.url), NOT_FOUND]
    found = []
    for language in LANGUAGES:
        contexts = [browser.new_context(locale=LOCALES[language]) for _ in range(TABS)]
        tabs = [context.new_page() for context in contexts]
        try:
            tabs[0].goto(f"{live_server.url}/")
            assert tabs[0].evaluate("document.documentElement.lang") == language
            found += check_all(tabs, live_server.url, paths)
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
