"""Screenshots of the main public pages at phone and desktop widths (not part of the test suite).

Usage, with the demo data loaded and the portal served (``make run``):
    .venv/bin/python docs/screenshots/take.py [http://127.0.0.1:8000]
"""

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

HERE = Path(__file__).resolve().parent
SLUG = "pedt-ivry-sur-seine"
SIZES = {"telephone": {"width": 390, "height": 844}, "bureau": {"width": 1280, "height": 900}}
MAX_DESKTOP_HEIGHT = 2000
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def first_link(page, url, selector):
    page.goto(url)
    return page.locator(selector).first.get_attribute("href")


def main(base):
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        page = browser.new_page(locale="fr-FR")
        action = first_link(page, f"{base}/strategies/{SLUG}/actions/?axe=3", ".action-item__title a")
        indicator = first_link(page, f"{base}/strategies/{SLUG}/indicateurs/", ".card__title a")
        pages = {
            "accueil": "/",
            "strategie": f"/strategies/{SLUG}/",
            "actions-filtrees": f"/strategies/{SLUG}/actions/?axe=3&public=6-11",
            "action": action,
            "indicateur": indicator,
        }
        for size_name, viewport in SIZES.items():
            context = browser.new_context(viewport=viewport, device_scale_factor=1, locale="fr-FR")
            tab = context.new_page()
            for name, path in pages.items():
                tab.goto(f"{base}{path}")
                # Desktop shots go further down the page (charts included), within a size budget.
                height = viewport["height"] if size_name == "telephone" else MAX_DESKTOP_HEIGHT
                clip = {"x": 0, "y": 0, "width": viewport["width"], "height": height}
                tab.screenshot(path=HERE / f"{name}-{size_name}.png", full_page=True, clip=clip)
                print(f"{name}-{size_name}.png")
            context.close()
        browser.close()


if __name__ == "__main__":
    main(sys.argv[1].rstrip("/") if len(sys.argv) > 1 else "http://127.0.0.1:8000")
