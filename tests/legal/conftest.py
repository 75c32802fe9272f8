import pytest

from actors import roles
from tests.strategy.factories import UserFactory


@pytest.fixture
def coordination_client(client, coordination_user):
    client.force_login(coordination_user)
    return client


@pytest.fixture
def pilot_user(db):
    return UserFactory(username="pilote", role=roles.PILOTE)
