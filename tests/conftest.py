import pytest

from strategy import roles
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
