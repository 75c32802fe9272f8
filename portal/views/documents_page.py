from django.shortcuts import render

from documents import library
from documents.enums import DocumentKind
from documents.models import StrategyVersion
from portal.views.access import get_visible_strategy
from strategy import perms


def documents(request, slug):
    """Signed versions, the current document and the yearly reports, with the data licence."""
    strategy = get_visible_strategy(request, slug)
    versions = (
        StrategyVersion.objects.visible_to(request.user)
        .filter(strategy=strategy)
        .defer("data")
        .order_by("-number")
    )
    base = f"/strategies/{strategy.slug}"
    years = list(range(strategy.start_date.year, strategy.end_date.year + 1))
    specs = [library.spec_for(DocumentKind.STRATEGY, strategy, request.user)] + [
        library.spec_for(DocumentKind.REPORT, strategy, request.user, year=year) for year in years
    ]
    document_state, *report_states = library.states(specs)
    context = {
        "strategy": strategy,
        "versions": versions,
        "signatories": strategy.signatories.select_related("organisation"),
        "base_url": base,
        "document_state": document_state,
        "reports": list(zip(years, report_states, strict=True)),
        # The State's yearly documents, for coordination and the COPIL only (the same rule as their URLs).
        "state_document_years": years if perms.may_read_state_documents(request.user) else [],
    }
    return render(request, "portal/documents.html", context)
