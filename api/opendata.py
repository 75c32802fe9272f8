"""The open data as CSV: ``/strategies/<slug>/actions.csv``, ``…/beneficiaires.csv``, ``…/indicateurs.csv``,
with the columns of the import/export tables (CONTRACT.md), the pages' filters and the pages'
visibility (``visible_to``); their data package (``datapackage.json``), their Table Schemas and the data
dictionary page (``/donnees/``), all from ``api.schemas``.

The files are the tables' own CSV (UTF-8 with a BOM, ``;``, formulas escaped; an export re-imported
changes nothing), written row by row from a few ``values_list()`` queries (``api.csv_rows``): a
strategy of any size streams in bounded memory, the same bytes as the resources' export.
"""

from django.http import Http404, HttpResponse, JsonResponse, StreamingHttpResponse
from django.shortcuts import render
from django.utils import translation
from django.utils.translation import gettext as _

from api import schemas
from api.csv_rows import action_rows, beneficiary_rows, measurement_rows
from api.datapackage import data_package
from api.filters import MeasurementFilterSet
from indicators.models import Measurement
from shared.spreadsheets import stream_csv
from strategy.filters import ActionFilterSet
from strategy.lookups import visible_strategy_or_404
from strategy.models import Action
from strategy.page_cache import public_page

JSON_OPTIONS = {"ensure_ascii": False, "indent": 2}


def _visible_strategy(request, slug):
    return visible_strategy_or_404(request.user, slug)


def _invalid_filters(errors):
    lines = [_("Filtre invalide : corrigez ou retirez-le.")]
    lines += [f"{field} : {' '.join(messages)}" for field, messages in errors.items()]
    return HttpResponse("\n".join(lines), status=400, content_type="text/plain; charset=utf-8")


def _filtered_actions(request, strategy):
    """The visible actions the page's filters keep, or None when a filter is invalid."""
    queryset = Action.objects.visible_to(request.user).filter(strategy=strategy).in_code_order()
    filterset = ActionFilterSet(request.GET or None, queryset=queryset, strategy=strategy, user=request.user)
    if filterset.is_bound and not filterset.is_valid():
        return None, filterset.errors
    return filterset.qs, None


@public_page()
def actions_csv(request, slug):
    strategy = _visible_strategy(request, slug)
    actions, errors = _filtered_actions(request, strategy)
    if errors is not None:
        return _invalid_filters(errors)
    return csv_response(f"{strategy.slug}-actions.csv", schemas.ACTIONS, lambda: action_rows(actions))


@public_page()
def beneficiaries_csv(request, slug):
    """The beneficiaries of the visible actions the filters keep, one row per action and year, in the
    columns of the « bénéficiaires » table (a year's counts belong with its year, not in actions.csv)."""
    strategy = _visible_strategy(request, slug)
    actions, errors = _filtered_actions(request, strategy)
    if errors is not None:
        return _invalid_filters(errors)
    return csv_response(
        f"{strategy.slug}-beneficiaires.csv", schemas.BENEFICIARIES, lambda: beneficiary_rows(actions)
    )


@public_page()
def indicators_csv(request, slug):
    """The measurements of the visible indicators, in the columns of the « mesures » table, each
    followed by its indicator: in the core (« Socle commun »), name, unit, direction, baseline, target."""
    strategy = _visible_strategy(request, slug)
    queryset = Measurement.objects.visible_to(request.user).filter(indicator__strategy=strategy)
    filterset = MeasurementFilterSet(request.GET or None, queryset=queryset)
    if filterset.is_bound and not filterset.is_valid():
        return _invalid_filters(filterset.errors)
    return csv_response(
        f"{strategy.slug}-indicateurs.csv", schemas.MEASUREMENTS, lambda: measurement_rows(filterset.qs)
    )


def csv_response(filename, table, rows):
    """The file streamed from ``rows()``, a function returning its rows (called as they are written)."""
    response = StreamingHttpResponse(
        stream_csv(table.headers, _in_french(rows)), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _in_french(rows):
    """The rows with their labels (status, sex, « oui »…) in French whatever the reader's language: the
    files are data, the same for everyone, and the import tables read them back."""
    with translation.override("fr"):
        yield from rows()


@public_page()
def datapackage_json(request, slug):
    """The strategy's data package: licence, dates, and each CSV with its URL and Table Schema."""
    strategy = _visible_strategy(request, slug)
    return JsonResponse(data_package(request, strategy), json_dumps_params=JSON_OPTIONS)


def table_schema_json(request, name):
    """One CSV's Table Schema, at a URL that does not depend on the strategy."""
    table = schemas.table(name)
    if table is None:
        raise Http404(_("Aucun fichier de données ouvertes ne porte ce nom."))
    return JsonResponse(table.schema(), json_dumps_params=JSON_OPTIONS)


@public_page(every_strategy=True)
def data_dictionary(request):
    """The documented data dictionary: each file, each column, its type, unit and an example."""
    return render(request, "api/data_dictionary.html", {"tables": schemas.TABLES})
