from django.urls import path

from portal.views import (
    actions,
    actors,
    concertation,
    contributions,
    documents_page,
    feeds,
    home,
    indicators,
    language,
    neighbourhoods,
    pages,
    strategies,
    structures,
)
from strategy.page_cache import public_page

app_name = "portal"

urlpatterns = [
    path("", home.home, name="home"),
    path("theme.css", pages.theme_css, name="theme_css"),
    path("langue/<str:language>/", language.switch_language, name="switch_language"),
    path("robots.txt", pages.robots_txt, name="robots_txt"),
    path("favicon.ico", pages.favicon, name="favicon"),
    path("accessibilite/", pages.accessibility, name="accessibility"),
    path("mentions-legales/", pages.legal_notice, name="legal_notice"),
    path("donnees-personnelles/", pages.personal_data, name="personal_data"),
    path("strategies/<slug:slug>/", strategies.strategy_detail, name="strategy_detail"),
    path("strategies/<slug:slug>/actualites.atom", public_page()(feeds.StrategyFeed()), name="strategy_feed"),
    path("strategies/<slug:slug>/actions/", actions.action_list, name="action_list"),
    path(
        "strategies/<slug:slug>/structures.json",
        structures.structure_suggestions,
        name="structure_suggestions",
    ),
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
    path("strategies/<slug:slug>/quartiers/", neighbourhoods.neighbourhood_list, name="neighbourhood_list"),
    path(
        "strategies/<slug:slug>/quartiers/<slug:neighbourhood_slug>/",
        neighbourhoods.neighbourhood_detail,
        name="neighbourhood_detail",
    ),
    path("strategies/<slug:slug>/concertation/", concertation.concertation, name="concertation"),
    path("strategies/<slug:slug>/documents/", documents_page.documents, name="documents"),
]
