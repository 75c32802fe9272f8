"""Screenshots of the portal with the interface in English (not part of the test suite): a strategy,
an action, and the admin index, at phone and desktop widths.

Usage, with the demo data loaded and the portal served (``make run``):
    .venv/bin/python docs/screenshots/take_english.py [http://127.0.0.1:8000]
"""

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

HERE = Path(__file__).resolve().parent
SLUG = "pedt-ivry-sur-seine"
SIZES = {"telephone": {"width": 390, "height": 844}, "bureau": {"width": 1280, "height": 900}}
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run"]


def main(base):
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        for size_name, viewport in SIZES.items():
            context = browser.new_context(viewport=viewport, device_scale_factor=1, locale="en-GB")
            tab = context.new_page()
            tab.goto(f"{base}/strategies/{SLUG}/actions/?axe=1")
            action = tab.locator(".action-item__title a").first.get_attribute("href")
            pages = {"strategie-en": f"/strategies/{SLUG}/#axes", "action-en": action}
            for name, path in pages.items():
                tab.goto(f"{base}{path}")
                tab.screenshot(path=HERE / f"{name}-{size_name}.png")
                print(f"{name}-{size_name}.png")
            tab.goto(f"{base}/admin/login/")
            tab.fill("#id_username", "admin")
            tab.fill("#id_password", "demo")
            tab.click("input[type=submit]")
            tab.goto(f"{base}/admin/")
            tab.screenshot(path=HERE / f"admin-en-{size_name}.png")
            print(f"admin-en-{size_name}.png")
            context.close()
        browser.close()


if __name__ == "__main__":
    main(sys.argv[1].rstrip("/") if len(sys.argv) > 1 else "http://127.0.0.1:8000")
