"""The public pages the accessibility audits (axe, Lighthouse) go through: extend the lists here."""

#: Pages that are not a strategy's.
SITE_PAGES = [
    "/",
    "/accessibilite/",
    "/mentions-legales/",
    "/donnees-personnelles/",
    "/comptes/login/",
    "/api/docs/",
    "/donnees/",
]
DEMO_STRATEGIES = ("pedt-ivry-sur-seine", "cite-educative-exemple")
#: A strategy's pages, after ``/strategies/<slug>/``.
STRATEGY_PAGES = [
    "",
    "actions/",
    "actions/?axe=1&page=1",
    "indicateurs/",
    "acteurs/",
    "concertation/",
    "documents/",
    "quartiers/",
]
#: Links followed from a strategy's page to one of its detail pages: (list page, CSS selector of the link).
DETAIL_LINKS = [("actions/", ".action-item__title a"), ("indicateurs/", ".card__title a")]
LANGUAGES = ("fr", "en")


def public_paths(page, base):
    """Every public page of the demo, in French URLs; ``page`` (Playwright) finds the detail pages' links."""
    paths = list(SITE_PAGES)
    for slug in DEMO_STRATEGIES:
        paths += [f"/strategies/{slug}/{suffix}" for suffix in STRATEGY_PAGES]
        for list_page, selector in DETAIL_LINKS:
            page.goto(f"{base}/strategies/{slug}/{list_page}")
            paths.append(page.locator(selector).first.get_attribute("href"))
        # A neighbourhood's page, and the same for one age band (where a parent lands from the home).
        page.goto(f"{base}/strategies/{slug}/quartiers/")
        neighbourhood = page.locator(".card__title a").last.get_attribute("href")
        paths += [neighbourhood, f"{neighbourhood}?age=6-11"]
    return paths
