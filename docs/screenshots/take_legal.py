"""Screenshots of the legal pages and of coordination's admin home (not part of the test suite).

Usage, with the demo data loaded (``loaddemo --users``) and the portal served (``make run``):
    .venv/bin/python docs/screenshots/take_legal.py [http://127.0.0.1:8000]
"""

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

HERE = Path(__file__).resolve().parent
SIZES = {"telephone": {"width": 390, "height": 844}, "bureau": {"width": 1280, "height": 900}}
MAX_HEIGHT = {"telephone": 2400, "bureau": 1800}
PAGES = {
    "accessibilite": "/accessibilite/",
    "mentions-legales": "/mentions-legales/",
    "donnees-personnelles": "/donnees-personnelles/",
}
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run"]


def shoot(tab, path, viewport, size_name):
    height = min(MAX_HEIGHT[size_name], tab.evaluate("document.documentElement.scrollHeight"))
    clip = {"x": 0, "y": 0, "width": viewport["width"], "height": height}
    tab.screenshot(path=path, full_page=True, clip=clip, type="png")
    print(path.name)


def main(base):
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        for size_name, viewport in SIZES.items():
            context = browser.new_context(viewport=viewport, device_scale_factor=1, locale="fr-FR")
            tab = context.new_page()
            for name, path in PAGES.items():
                tab.goto(f"{base}{path}")
                shoot(tab, HERE / f"{name}-{size_name}.png", viewport, size_name)
            tab.goto(f"{base}/admin/login/")
            tab.get_by_label("Nom d’utilisateur").fill("coordination")
            tab.get_by_label("Mot de passe").fill("demo")
            tab.get_by_role("button", name="Connexion").click()
            tab.goto(f"{base}/admin/")
            shoot(tab, HERE / f"admin-mentions-a-completer-{size_name}.png", viewport, size_name)
            context.close()
        browser.close()


if __name__ == "__main__":
    main(sys.argv[1].rstrip("/") if len(sys.argv) > 1 else "http://127.0.0.1:8000")
