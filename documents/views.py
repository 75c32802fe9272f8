"""The PDF documents: fetch through the visibility QuerySets, serve the last rendered PDF at once.

No request ever waits on WeasyPrint: a document never rendered, or whose content changed since its
last rendering, gets a French page that says when it will be ready and refreshes itself (a
``<meta http-equiv="refresh">``, no script: the CSP stays strict), offering the previous PDF.
"""

from datetime import timedelta

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.views.decorators.cache import never_cache

from documents import cache, library
from documents.enums import DocumentKind
from documents.models import StrategyVersion
from documents.tasks import queue_rendering
from strategy.lookups import visible_strategy_or_404
from strategy.models import Action

#: ``?precedent=1`` asks for the PDF rendered before the update under way.
PREVIOUS = "precedent"
#: A download older than this is recorded again (which documents still serve someone).
REQUESTED_EVERY = timedelta(hours=1)


def pdf_response(pdf, filename):
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


@never_cache
def serve(request, spec):
    """The document's last rendered PDF, or the waiting page while it is (re)rendered."""
    document = library.document_for(spec)
    now = timezone.now()
    if document.requested_at is None or document.requested_at < now - REQUESTED_EVERY:
        type(document).objects.filter(pk=document.pk).update(requested_at=now)
    pdf = cache.read(document.pdf_name)
    if pdf is not None and (document.stale_since is None or request.GET.get(PREVIOUS)):
        return pdf_response(pdf, spec.filename)
    if pdf is None and not document.queued and not document.has_failed:
        queue_rendering(document, requested=True)
        document.refresh_from_db()
    seconds = library.estimated_seconds(document)
    response = render(
        request,
        "documents/waiting.html",
        {
            "strategy": spec.strategy,
            "document": document,
            "spec": spec,
            "seconds": seconds,
            "refresh_seconds": min(max(seconds, 3), 30),
            "has_previous": pdf is not None,
            "previous_url": f"{request.path}?{PREVIOUS}=1",
        },
        status=202,
    )
    response["Retry-After"] = str(min(max(seconds, 3), 30))
    return response


def _strategy(request, slug):
    return visible_strategy_or_404(request.user, slug)


def strategy_document_pdf(request, slug):
    strategy = _strategy(request, slug)
    return serve(request, library.spec_for(DocumentKind.STRATEGY, strategy, request.user))


def report_pdf(request, slug, year):
    strategy = _strategy(request, slug)
    if not strategy.start_date.year <= year <= strategy.end_date.year:
        raise Http404("Aucun rapport pour cette année.")
    return serve(request, library.spec_for(DocumentKind.REPORT, strategy, request.user, year=year))


def action_pdf(request, slug, action_slug):
    strategy = _strategy(request, slug)
    action = get_object_or_404(
        Action.objects.visible_to(request.user).filter(strategy=strategy).only("id", "slug", "strategy_id"),
        slug=action_slug,
    )
    return serve(request, library.spec_for(DocumentKind.ACTION, strategy, request.user, action=action))


def amendment_pdf(request, slug, old, new):
    """The annex an amendment carries: what changed from version ``old`` to version ``new``."""
    strategy = _strategy(request, slug)
    numbers = set(
        StrategyVersion.objects.visible_to(request.user)
        .filter(strategy=strategy, number__in=(old, new))
        .values_list("number", flat=True)
    )
    if numbers != {old, new} or old == new:
        raise Http404("Version inconnue.")
    return serve(
        request, library.spec_for(DocumentKind.AMENDMENT, strategy, request.user, extra=f"{old}-{new}")
    )


def version_pdf(request, slug, number):
    """Frozen version n, served byte for byte as stored."""
    version = get_object_or_404(
        StrategyVersion.objects.visible_to(request.user)
        .select_related("strategy")
        .defer("data", "signatures"),
        strategy__slug=slug,
        number=number,
    )
    try:
        with version.pdf.open("rb") as stored:
            pdf = stored.read()
    except FileNotFoundError:
        raise Http404("Le fichier de cette version est introuvable.") from None
    return pdf_response(pdf, f"{slug}-version-{number}.pdf")
