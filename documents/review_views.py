"""The year's revue de projet (bilan annuel for a PEDT): the PDF through the documents' queue, the
editable xlsx built at once (no WeasyPrint: a workbook is quick). The coordination's and the COPIL's
only (``followup.perms.reads_annual_reviews``): anyone else, and a year outside the strategy's
span, finds nothing (404)."""

from django.http import Http404, HttpResponse

from actors import roles
from documents import library, views
from documents.content_review import annual_review_context
from documents.enums import DocumentKind
from documents.review_workbook import review_workbook
from followup.perms import reads_annual_reviews
from strategy.lookups import visible_strategy_or_404

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _strategy_and_year(request, slug, year):
    if not reads_annual_reviews(request.user):
        raise Http404("Aucune revue de projet ici.")
    strategy = visible_strategy_or_404(request.user, slug)
    if not strategy.start_date.year <= year <= strategy.end_date.year:
        raise Http404("Aucune revue de projet pour cette année.")
    return strategy


def review_pdf(request, slug, year):
    strategy = _strategy_and_year(request, slug, year)
    return views.serve(request, library.spec_for(DocumentKind.REVIEW, strategy, request.user, year=year))


def review_xlsx(request, slug, year):
    strategy = _strategy_and_year(request, slug, year)
    # Read as the PDF is: as the strategy's team reads it.
    reader = roles.AudienceReader(roles.audience_of(request.user))
    response = HttpResponse(review_workbook(annual_review_context(strategy, year, reader)), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{strategy.slug}-revue-de-projet-{year}.xlsx"'
    return response
