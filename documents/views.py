"""The PDF documents: fetch through the visibility QuerySets, build the HTML, serve the (cached) PDF."""

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404

from documents import cache, content, rendering
from documents.models import StrategyVersion
from strategy.lookups import visible_strategy_or_404


def pdf_response(pdf, filename):
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def _strategy(request, slug):
    return visible_strategy_or_404(request.user, slug)


def strategy_document_pdf(request, slug):
    strategy = _strategy(request, slug)
    html = rendering.render_html(
        "documents/strategy_document.html", content.strategy_document(strategy, request.user)
    )
    return pdf_response(cache.pdf_for_html(html), f"{strategy.slug}.pdf")


def report_pdf(request, slug, year):
    strategy = _strategy(request, slug)
    if not strategy.start_date.year <= year <= strategy.end_date.year:
        raise Http404("Aucun rapport pour cette année.")
    html = rendering.render_html(
        "documents/yearly_report.html", content.yearly_report(strategy, year, request.user)
    )
    return pdf_response(cache.pdf_for_html(html), f"{strategy.slug}-rapport-{year}.pdf")


def action_pdf(request, slug, action_slug):
    strategy = _strategy(request, slug)
    action = get_object_or_404(
        content.action_sheet_queryset(strategy, request.user).select_related("strategy__territory"),
        slug=action_slug,
    )
    html = rendering.render_html("documents/action_sheet.html", content.action_sheet(action, request.user))
    return pdf_response(cache.pdf_for_html(html), f"{strategy.slug}-action-{action.slug}.pdf")


def version_pdf(request, slug, number):
    """Frozen version n, served byte for byte as stored."""
    version = get_object_or_404(
        StrategyVersion.objects.visible_to(request.user).select_related("strategy"),
        strategy__slug=slug,
        number=number,
    )
    try:
        with version.pdf.open("rb") as stored:
            pdf = stored.read()
    except FileNotFoundError:
        raise Http404("Le fichier de cette version est introuvable.") from None
    return pdf_response(pdf, f"{slug}-version-{number}.pdf")
