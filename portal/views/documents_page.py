from django.shortcuts import render

from documents.models import StrategyVersion
from portal.views.access import get_visible_strategy


def documents(request, slug):
    """Signed versions, the current document and the yearly reports, with the data licence."""
    strategy = get_visible_strategy(request, slug)
    versions = StrategyVersion.objects.visible_to(request.user).filter(strategy=strategy).order_by("-number")
    base = f"/strategies/{strategy.slug}"
    context = {
        "strategy": strategy,
        "versions": versions,
        "signatories": strategy.signatories.select_related("organisation"),
        "base_url": base,
        "report_years": list(range(strategy.start_date.year, strategy.end_date.year + 1)),
    }
    return render(request, "portal/documents.html", context)
