"""Screenshots of the strategy page's roll-ups (summary, an axis, the table by neighbourhood) at desktop
and phone widths (not part of the test suite).

Usage, with the demo data loaded and the portal served (``make run``):
    .venv/bin/python docs/screenshots/take_rollups.py [http://127.0.0.1:8000]
"""

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

HERE = Path(__file__).resolve().parent
SLUG = "pedt-ivry-sur-seine"
SIZES = {"telephone": {"width": 390, "height": 844}, "bureau": {"width": 1280, "height": 900}}
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run"]
#: (file name, element to start from, height of the shot at each width)
SHOTS = [
    ("strategie-avancement", "#avancement", {"telephone": 1800, "bureau": 1500}),
    ("strategie-axe", "#axe-1", {"telephone": 844, "bureau": 500}),
    ("strategie-par-quartier", "#par-quartier", {"telephone": 900, "bureau": 500}),
]


def main(base):
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        for size_name, viewport in SIZES.items():
            context = browser.new_context(viewport=viewport, device_scale_factor=1, locale="fr-FR")
            tab = context.new_page()
            tab.goto(f"{base}/strategies/{SLUG}/")
            for name, selector, heights in SHOTS:
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
