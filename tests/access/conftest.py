"""The attacks on visibility and permissions reuse the portal's world (fixtures ``portal``, ``partner``)."""

from tests.portal.conftest import partner, portal  # noqa: F401
