"""The Atom feed of a strategy: follow its decisions, status changes and new documents."""

from dataclasses import dataclass

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from portal.news import strategy_news
from strategy.lookups import visible_strategy_or_404


@dataclass(frozen=True)
class _Followed:
    """The strategy and the events its reader may see: the feed is shared across requests, so the
    reader travels in the object rather than on the feed."""

    strategy: object
    items: list


class StrategyFeed(Feed):
    """/strategies/<slug>/actualites.atom: the strategy's public events, newest first (a 404 when the
    reader may not see the strategy, as on its pages)."""

    feed_type = Atom1Feed
    language = "fr"

    def get_object(self, request, slug):
        strategy = visible_strategy_or_404(request.user, slug)
        return _Followed(strategy, strategy_news(strategy, request.user))

    def title(self, obj):
        return _("Actualités — %(title)s") % {"title": obj.strategy.title}

    def subtitle(self, obj):
        return _(
            "Les décisions du comité de pilotage, les changements de statut des actions et les nouveaux "
            "documents de la stratégie."
        )

    def link(self, obj):
        return reverse("portal:strategy_detail", args=[obj.strategy.slug])

    def feed_url(self, obj):
        return reverse("portal:strategy_feed", args=[obj.strategy.slug])

    def author_name(self, obj):
        return obj.strategy.territory.name

    def items(self, obj):
        return obj.items

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.description

    def item_link(self, item):
        return item.path

    def item_pubdate(self, item):
        return item.moment

    def item_updateddate(self, item):
        return item.moment

    def item_guid(self, item):
        # Stable across requests and hosts: the portal's address, the event's page and its own key.
        page = item.path.partition("#")[0]
        return f"{settings.CITEDU_SITE_URL}{page}#{item.key}"

    item_guid_is_permalink = False
