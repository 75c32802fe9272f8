"""The demo, for the portal's browser tests (Chromium itself is ``tests.browser_fixtures``)."""

import pytest


@pytest.fixture
def demo(keep_reference_data, transactional_db):
    """The demo strategies and logins, as ``make run`` shows them."""
    from demo.load import load_demo

    load_demo(with_data=True, with_users=True)
