import pytest

from actors import roles
from tests.reference_data import restore_reference_data
from tests.strategy.factories import UserFactory


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
