"""Screenshots of the neighbourhood pages, the map and the first choice on the home page, at phone and
desktop widths (not part of the test suite).

Usage, with the demo data loaded and the portal served (``make run``):
    .venv/bin/python docs/screenshots/take_neighbourhoods.py [http://127.0.0.1:8000]
"""

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

HERE = Path(__file__).resolve().parent
SIZES = {"telephone": {"width": 390, "height": 844}, "bureau": {"width": 1280, "height": 900}}
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run"]
SLUG = "cite-educative-exemple"
#: (file name, path, element to start from or None for the top, height of the shot at each width)
SHOTS = [
    ("accueil-mon-quartier", "/", "#commencer", {"telephone": 844, "bureau": 700}),
    (
        "quartier-age",
        f"/strategies/{SLUG}/quartiers/quartiers-sud/?age=6-11",
        None,
        {"telephone": 1600, "bureau": 1300},
    ),
    (
        "quartier-chiffres",
        f"/strategies/{SLUG}/quartiers/quartiers-sud/",
        "#avancement-quartier",
        {"telephone": 1500, "bureau": 1000},
    ),
    ("quartiers-carte", f"/strategies/{SLUG}/quartiers/", "#carte", {"telephone": 844, "bureau": 800}),
]


def main(base):
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        for size_name, viewport in SIZES.items():
            context = browser.new_context(viewport=viewport, device_scale_factor=1, locale="fr-FR")
            tab = context.new_page()
            for name, path, selector, heights in SHOTS:
                tab.goto(f"{base}{path}")
                top = 16
                if selector:
                    top = tab.locator(selector).first.evaluate(
                        "e => e.getBoundingClientRect().top + window.scrollY"
                    )
                clip = {
                    "x": 0,
                    "y": max(0, top - 16),
                    "width": viewport["width"],
                    "height": heights[size_name],
                }
                tab.screenshot(path=HERE / f"{name}-{size_name}.png", full_page=True, clip=clip)
                print(f"{name}-{size_name}.png")
            context.close()
        browser.close()


if __name__ == "__main__":
    main(sys.argv[1].rstrip("/") if len(sys.argv) > 1 else "http://127.0.0.1:8000")
