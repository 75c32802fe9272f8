from django.shortcuts import render

from documents import library
from documents.enums import DocumentKind
from documents.models import StrategyVersion
from followup.models import review_title
from followup.perms import reads_annual_reviews
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
    # The yearly review for the State (bilan annuel for a PEDT): the coordination's and the COPIL's.
    review_years = years if reads_annual_reviews(request.user) else []
    specs += [
        library.spec_for(DocumentKind.REVIEW, strategy, request.user, year=year) for year in review_years
    ]
    document_state, *states = library.states(specs)
    report_states, review_states = states[: len(years)], states[len(years) :]
    context = {
        "strategy": strategy,
        "versions": versions,
        "signatories": strategy.signatories.select_related("organisation"),
        "base_url": base,
        "document_state": document_state,
        "reports": list(zip(years, report_states, strict=True)),
        "reviews": [
            (year, review_title(strategy, year), state)
            for year, state in zip(review_years, review_states, strict=True)
        ],
        # The State's yearly documents, for coordination and the COPIL only (the same rule as their URLs).
        "state_document_years": years if perms.may_read_state_documents(request.user) else [],
    }
    return render(request, "portal/documents.html", context)
