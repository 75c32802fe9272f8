"""One Chromium per test session, driven by Playwright's sync API against pytest-django's live server."""

import os
from pathlib import Path

import pytest

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


#: The data migrations whose rows (sectors, audiences, roles) the flush after each transactional test
#: deletes. Content types and permissions come back by themselves: the flush emits post_migrate.
DATA_MIGRATIONS = [("actors", "0003_sectors"), ("strategy", "0002_roles_and_audiences")]


def _restore_reference_data(django_db_blocker):
    """Re-runs the data migrations, as the migrate command does, when their rows are missing."""
    from django.contrib.auth.models import Group
    from django.db import connection, transaction
    from django.db.migrations.loader import MigrationLoader
    from django.db.migrations.operations import RunPython

    from actors.models import Sector
    from strategy.models import Audience

    with django_db_blocker.unblock():
        if Group.objects.exists() and Sector.objects.exists() and Audience.objects.exists():
            return
        loader = MigrationLoader(connection)
        with transaction.atomic():
            for key in DATA_MIGRATIONS:
                state = loader.project_state(key, at_end=False)
                for operation in loader.get_migration(*key).operations:
                    if isinstance(operation, RunPython):
                        operation.code(state.apps, None)


@pytest.fixture
def keep_reference_data(django_db_setup, django_db_blocker):
    """Puts the migrations' reference rows back before and after each browser test.

    Any transactional test (ours or another app's) ends with a flush that deletes them; this fixture is
    set up before ``transactional_db``, so its teardown runs after that flush and leaves the database
    as the next test expects it.
    """
    _restore_reference_data(django_db_blocker)
    yield
    _restore_reference_data(django_db_blocker)


@pytest.fixture
def demo(keep_reference_data, transactional_db):
    """The demo strategies and logins, as ``make run`` shows them."""
    from strategy.demo import load_demo

    load_demo(with_data=True, with_users=True)
