from django.urls import path

from strategy.views import public

app_name = "strategy"

urlpatterns = [
    path("", public.home, name="home"),
    path("strategies/<slug:slug>/", public.strategy_detail, name="strategy_detail"),
    path("strategies/<slug:slug>/actions/<slug:action_slug>/", public.action_detail, name="action_detail"),
    path(
        "strategies/<slug:slug>/indicateurs/<slug:indicator_slug>/",
        public.indicator_detail,
        name="indicator_detail",
    ),
]
