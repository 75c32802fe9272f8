"""Request rates of the API: generous for people and scripts, a wall for runaway loops.

The rates live on the classes (``rate``), so the API needs no ``DEFAULT_THROTTLE_RATES`` setting;
``CITEDU_API_ANON_RATE`` / ``CITEDU_API_USER_RATE`` may override them (read at each request).
"""

from django.conf import settings
from rest_framework.throttling import AnonRateThrottle, UserRateThrottle


class AnonymousThrottle(AnonRateThrottle):
    scope = "citedu_anon"
    default_rate = "120/min"

    def get_rate(self):
        return getattr(settings, "CITEDU_API_ANON_RATE", self.default_rate)


class AuthenticatedThrottle(UserRateThrottle):
    scope = "citedu_user"
    default_rate = "600/min"

    def get_rate(self):
        return getattr(settings, "CITEDU_API_USER_RATE", self.default_rate)
