import re

import pytest

from actors import roles
from notifications.models import MailPreference
from tests.mail import smtp  # noqa: F401  (the fixture)
from tests.strategy.factories import UserFactory


def link_of(message):
    """The mail's direct link (the first portal address of its text), as a path for the test client."""
    text = message.get_body(preferencelist=("plain",)).get_content()
    found = re.search(r"http://testserver(/\S*)", text)
    assert found, text
    return found.group(1)


def unsubscribe_path(message):
    header = "".join(str(message["List-Unsubscribe"]).split())
    return re.fullmatch(r"<http://testserver(/\S+)>", header).group(1)


@pytest.fixture
def coordinators(db):
    """Two coordination accounts with addresses, one without."""
    return [
        UserFactory(username="coord-a", email="coord-a@ville.example.fr", role=roles.COORDINATION),
        UserFactory(username="coord-b", email="coord-b@ville.example.fr", role=roles.COORDINATION),
        UserFactory(username="coord-sans", email="", role=roles.COORDINATION),
    ]


def prefer(user, **values):
    MailPreference.objects.update_or_create(user=user, defaults=values)
