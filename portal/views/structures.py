"""The suggestions of the pilot and partner filters (``static/js/combobox.js``)."""

from django.http import JsonResponse
from django.views.decorators.http import require_GET

from portal.views.access import get_visible_strategy
from strategy.models import Action
from strategy.organisation_filter import suggestions


@require_GET
def structure_suggestions(request, slug):
    """At most 20 organisations involved in the strategy's actions this user may see, whose name
    contains ``?q=``: ``{"results": [{"slug": …, "name": …, "short_name": …}]}``."""
    strategy = get_visible_strategy(request, slug)
    involved = Action.objects.visible_to(request.user).filter(strategy=strategy).organisations_involved()
    return JsonResponse({"results": suggestions(involved, request.GET.get("q", "")[:100])})
