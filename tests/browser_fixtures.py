"""One Chromium per test session, driven by Playwright's sync API against pytest-django's live server.

A plugin of the root conftest, so that every browser test (portal, follow-up...) shares the one
Playwright instance a thread may run."""

import os
from pathlib import Path

import pytest

from tests.reference_data import restore_reference_data

# Playwright's sync API runs an event loop in this thread; Django would otherwise refuse DB access.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} is missing and CI is set: the browser tests must run.")
        pytest.skip(f"{CHROMIUM} is missing")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="fr-FR", viewport={"width": 1280, "height": 900})
    context.set_default_timeout(10_000)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def keep_reference_data(django_db_setup, django_db_blocker):
    """Puts the migrations' reference rows back before and after each browser test.

    Any transactional test (ours or another app's) ends with a flush that deletes them; this fixture is
    set up before ``transactional_db``, so its teardown runs after that flush and leaves the database
    as the next test expects it.
    """
    restore_reference_data(django_db_blocker)
    yield
    restore_reference_data(django_db_blocker)
