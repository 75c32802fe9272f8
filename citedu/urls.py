"""Root URLs: each app owns its own; this file only mounts them."""

from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path

from citedu.health import healthz

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("admin/suivi/", include("followup.urls")),
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("comptes/courriels/", include("notifications.urls")),
    path("comptes/", include("django.contrib.auth.urls")),
    path("api/", include("api.urls")),
    path("", include("documents.urls")),
    path("", include("api.urls_opendata")),
    path("", include("portal.urls")),
]

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
