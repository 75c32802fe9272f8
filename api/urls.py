from django.urls import path, re_path
from drf_spectacular.views import SpectacularAPIView

from api import measurements, views

app_name = "api"

LIST = {"get": "list"}
DETAIL = {"get": "retrieve"}

urlpatterns = [
    path("v1/", views.ApiRootView.as_view(), name="root"),
    path("v1/strategies/", views.StrategyViewSet.as_view(LIST), name="strategy-list"),
    path("v1/strategies/<slug:slug>/", views.StrategyViewSet.as_view(DETAIL), name="strategy-detail"),
    path("v1/strategies/<slug:slug>/axes/", views.AxisViewSet.as_view(LIST), name="axis-list"),
    path(
        "v1/strategies/<slug:slug>/axes/<int:number>/", views.AxisViewSet.as_view(DETAIL), name="axis-detail"
    ),
    path(
        "v1/strategies/<slug:slug>/orientations/",
        views.OrientationViewSet.as_view(LIST),
        name="orientation-list",
    ),
    path(
        "v1/strategies/<slug:slug>/orientations/<int:number>/",
        views.OrientationViewSet.as_view(DETAIL),
        name="orientation-detail",
    ),
    path("v1/strategies/<slug:slug>/actions/", views.ActionViewSet.as_view(LIST), name="action-list"),
    path(
        "v1/strategies/<slug:slug>/actions/<str:code>/",
        views.ActionViewSet.as_view(DETAIL),
        name="action-detail",
    ),
    path(
        "v1/strategies/<slug:slug>/indicateurs/", views.IndicatorViewSet.as_view(LIST), name="indicator-list"
    ),
    path(
        "v1/strategies/<slug:slug>/indicateurs/<str:code>/",
        views.IndicatorViewSet.as_view(DETAIL),
        name="indicator-detail",
    ),
    path("v1/organisations/", views.OrganisationViewSet.as_view(LIST), name="organisation-list"),
    path(
        "v1/organisations/<slug:slug>/", views.OrganisationViewSet.as_view(DETAIL), name="organisation-detail"
    ),
    path(
        "v1/mesures/",
        measurements.MeasurementViewSet.as_view({"get": "list", "post": "create"}),
        name="measurement-list",
    ),
    path(
        "v1/mesures/<int:pk>/",
        measurements.MeasurementViewSet.as_view(
            {"get": "retrieve", "put": "update", "patch": "partial_update"}
        ),
        name="measurement-detail",
    ),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", views.OfflineSwaggerView.as_view(), name="docs"),
    re_path(r"^(?P<unmatched>[\s\S]*)$", views.not_found, name="not_found"),
]
