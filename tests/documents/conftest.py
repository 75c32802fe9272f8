import re

import pytest
from django.db import connection, transaction
from django.test import Client
from pypdf import PdfReader

from actors import roles
from tests.documents.builders import build_strategy
from tests.strategy.factories import UserFactory


def pdf_pages(pdf_bytes):
    """Each page's text, whitespace normalised (narrow and no-break spaces become plain spaces)."""
    import io

    reader = PdfReader(io.BytesIO(pdf_bytes))
    return [re.sub(r"\s+", " ", page.extract_text() or "") for page in reader.pages]


def pdf_text(pdf_bytes):
    return "\n".join(pdf_pages(pdf_bytes))


@pytest.fixture(scope="module")
def module_data(django_db_setup, django_db_blocker):
    """Data built once per test module, rolled back at its end (PDF rendering is slow)."""
    name = str(connection.settings_dict["NAME"])
    # Only for modules marked django_db (else pytest-django sets up no test database at all).
    assert "test" in name or "memory" in name, f"not a test database: {name}"
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            yield {}
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


@pytest.fixture(scope="module")
def pedt(module_data):
    return build_strategy("pedt-test")


@pytest.fixture(scope="module")
def coordination(module_data):
    return UserFactory(username="doc-coordination", role=roles.COORDINATION)


def client_for(user=None):
    client = Client()
    if user is not None:
        client.force_login(user)
    return client
