import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.template.base import Node
from django.test import override_settings
from django.utils import translation

from actors import roles
from tests.reference_data import restore_reference_data
from tests.strategy.factories import UserFactory

# Chromium (Playwright) for the browser tests of every app: one instance per session.
pytest_plugins = ["tests.browser_fixtures"]


def is_project_template(origin):
    """Whether a template comes from this repository's files (``templates/``, an app's ``templates/``),
    not from Django, a third-party package or a string."""
    path = Path(origin.name)  # "<unknown source>" for a template built from a string
    root = Path(settings.BASE_DIR)
    return (
        path.is_absolute()
        and path.is_relative_to(root)
        and not path.is_relative_to(root / ".venv")
        and "site-packages" not in path.parts
    )


def project_template_being_rendered():
    """The origin of the innermost template node being rendered, if that template is one of ours.

    The node's origin, not the render context's template: a block a child template fills is rendered
    while the context points at the parent (e.g. our ``admin/index.html`` extending Django's).
    """
    frame = sys._getframe(1)
    while frame is not None:
        node = frame.f_locals.get("self")
        if isinstance(node, Node) and getattr(node, "origin", None) is not None:
            return node.origin if is_project_template(node.origin) else None
        frame = frame.f_back
    return None


class InvalidTemplateVariable(str):
    """``string_if_invalid`` for the tests: an undefined variable in one of this project's templates fails
    the test; in Django's admin and third-party templates, which rely on it, it stays the default "".
    """

    def __bool__(self):
        # Django calls ``% variable`` only on a truthy string_if_invalid, and applies the variable's
        # filters (``|default``...) only to a falsy one: outside our templates this behaves as "".
        return project_template_being_rendered() is not None

    def __contains__(self, item):
        return item == "%s"

    def __mod__(self, variable):
        # Also reached without __bool__, from {% blocktranslate %} with an undefined variable.
        origin = project_template_being_rendered()
        if origin is not None:
            raise AssertionError(f"Undefined template variable '{variable}' in {origin.name}")
        return ""


@pytest.fixture(autouse=True, scope="session")
def strict_templates():
    """Fail on an undefined variable in our templates, in every test (module fixtures rendering PDFs too)."""
    engine, *others = settings.TEMPLATES
    options = {**engine["OPTIONS"], "string_if_invalid": InvalidTemplateVariable()}
    with override_settings(TEMPLATES=[{**engine, "OPTIONS": options}, *others]):
        yield


@pytest.fixture(autouse=True)
def _empty_page_cache():
    """Each test starts with no cached page: rolled-back rows give their ids (and revisions) again
    on SQLite, so a page cached by one test would answer the same URL in the next."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def coordination_user(db):
    return UserFactory(username="coordination", role=roles.COORDINATION)


@pytest.fixture
def copil_user(db):
    return UserFactory(username="copil", role=roles.COPIL)


@pytest.fixture
def partner_user(db):
    return UserFactory(username="partenaire", role=roles.PARTENAIRE)


@pytest.fixture(autouse=True)
def _reference_data_survives_transactional_tests(request, django_db_blocker):
    """A transactional test ends with a flush that deletes the migrations' reference rows
    (roles, sectors, audiences): put them back for the tests that follow.

    Autouse fixtures are set up first, so this teardown runs after the flush.
    """
    yield
    marker = request.node.get_closest_marker("django_db")
    transactional = {"transactional_db", "live_server"} & set(request.fixturenames) or (
        marker is not None and marker.kwargs.get("transaction")
    )
    if transactional:
        restore_reference_data(django_db_blocker)


@pytest.fixture(autouse=True)
def _interface_back_in_french():
    """A request in English leaves English active in the thread (LocaleMiddleware does not undo it):
    the next test starts in the portal's language again."""
    yield
    translation.activate(settings.LANGUAGE_CODE)
