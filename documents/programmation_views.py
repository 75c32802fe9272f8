"""The programmation's doors: the xlsx, made in the request (a few hundred rows, no rendering), and
the PDF, rendered by the worker like every document."""

from django.http import HttpResponse

from documents import library, programmation, programmation_xlsx, views
from documents.enums import DocumentKind
from strategy.lookups import visible_strategy_or_404

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def programmation_xlsx_view(request, slug, year):
    strategy = visible_strategy_or_404(request.user, slug)
    programmation.readable_year_or_404(request.user, strategy, year)
    content = programmation_xlsx.workbook_bytes(programmation.programme(strategy, year))
    response = HttpResponse(content, content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{strategy.slug}-programmation-{year}.xlsx"'
    return response


def programmation_pdf_view(request, slug, year):
    strategy = visible_strategy_or_404(request.user, slug)
    programmation.readable_year_or_404(request.user, strategy, year)
    spec = library.spec_for(DocumentKind.PROGRAMMATION, strategy, request.user, year=year)
    return views.serve(request, spec)
