"""The portal's Chromium fixtures (one browser per session, a French-locale page)."""

from tests.portal.browser.conftest import browser, keep_reference_data, page  # noqa: F401
