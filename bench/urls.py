"""The portal's URLs plus a floor: a trivial view returning given bytes through the same stack."""

from django.http import HttpResponse
from django.urls import path

from citedu.urls import urlpatterns as portal_urlpatterns

FLOOR_BODIES: dict[int, tuple[bytes, str]] = {}


def floor(request, key):
    body, content_type = FLOOR_BODIES[key]
    return HttpResponse(body, content_type=content_type)


urlpatterns = [path("__floor__/<int:key>", floor), *portal_urlpatterns]
