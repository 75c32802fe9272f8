from django.urls import path

from portal.views import (
    actions,
    actors,
    concertation,
    contributions,
    documents_page,
    home,
    indicators,
    pages,
    strategies,
)

app_name = "portal"

urlpatterns = [
    path("", home.home, name="home"),
    path("theme.css", pages.theme_css, name="theme_css"),
    path("robots.txt", pages.robots_txt, name="robots_txt"),
    path("favicon.ico", pages.favicon, name="favicon"),
    path("accessibilite/", pages.accessibility, name="accessibility"),
    path("mentions-legales/", pages.legal_notice, name="legal_notice"),
    path("donnees-personnelles/", pages.personal_data, name="personal_data"),
    path("strategies/<slug:slug>/", strategies.strategy_detail, name="strategy_detail"),
    path("strategies/<slug:slug>/actions/", actions.action_list, name="action_list"),
    path("strategies/<slug:slug>/actions/<slug:action_slug>/", actions.action_detail, name="action_detail"),
    path(
        "strategies/<slug:slug>/actions/<slug:action_slug>/contribuer/",
        contributions.contribute_to_action,
        name="contribute_to_action",
    ),
    path(
        "strategies/<slug:slug>/orientations/<int:number>/contribuer/",
        contributions.contribute_to_orientation,
        name="contribute_to_orientation",
    ),
    path("strategies/<slug:slug>/indicateurs/", indicators.indicator_list, name="indicator_list"),
    path(
        "strategies/<slug:slug>/indicateurs/<slug:indicator_slug>/",
        indicators.indicator_detail,
        name="indicator_detail",
    ),
    path("strategies/<slug:slug>/acteurs/", actors.actor_list, name="actor_list"),
    path("strategies/<slug:slug>/concertation/", concertation.concertation, name="concertation"),
    path("strategies/<slug:slug>/documents/", documents_page.documents, name="documents"),
]
