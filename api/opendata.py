"""The open data as CSV: ``/strategies/<slug>/actions.csv``, ``…/beneficiaires.csv``, ``…/indicateurs.csv``,
with the columns of the import/export tables (CONTRACT.md), the pages' filters and the pages'
visibility (``visible_to``). The file is the tables' own CSV (``shared.spreadsheets.write_table``):
UTF-8 with a BOM, ``;``, formulas escaped; an export re-imported changes nothing."""

from django.http import HttpResponse
from django.utils.translation import gettext as _

from api.filters import MeasurementFilterSet
from indicators.models import Measurement
from indicators.resources import OpenDataMeasurementResource
from shared.spreadsheets import write_table
from strategy.beneficiary_resources import BeneficiariesResource
from strategy.filters import ActionFilterSet
from strategy.lookups import visible_strategy_or_404
from strategy.models import Action, ActionBeneficiaries
from strategy.page_cache import public_page
from strategy.resources import ActionResource


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
    # The filters' DISTINCT stays in a subquery, so the resource's pages of 100 rows are cheap to fetch.
    rows = Action.objects.filter(pk__in=actions.values("pk")).in_code_order()
    # The import/export resource writes the cells: an export re-imported changes nothing.
    dataset = ActionResource(strategy=strategy).export(queryset=rows)
    return csv_response(f"{strategy.slug}-actions.csv", dataset)


@public_page()
def beneficiaries_csv(request, slug):
    """The beneficiaries of the visible actions the filters keep, one row per action and year, in the
    columns of the « bénéficiaires » table (a year's counts belong with its year, not in actions.csv)."""
    strategy = _visible_strategy(request, slug)
    actions, errors = _filtered_actions(request, strategy)
    if errors is not None:
        return _invalid_filters(errors)
    rows = ActionBeneficiaries.objects.filter(action__in=actions.values("pk"))
    dataset = BeneficiariesResource(strategy=strategy).export(queryset=rows)
    return csv_response(f"{strategy.slug}-beneficiaires.csv", dataset)


@public_page()
def indicators_csv(request, slug):
    """The measurements of the visible indicators, in the columns of the « mesures » table, each
    with whether its indicator is in the core (« Socle commun »)."""
    strategy = _visible_strategy(request, slug)
    queryset = Measurement.objects.visible_to(request.user).filter(indicator__strategy=strategy)
    filterset = MeasurementFilterSet(request.GET or None, queryset=queryset)
    if filterset.is_bound and not filterset.is_valid():
        return _invalid_filters(filterset.errors)
    dataset = OpenDataMeasurementResource(strategy=strategy).export(queryset=filterset.qs)
    return csv_response(f"{strategy.slug}-indicateurs.csv", dataset)


def csv_response(filename, dataset):
    response = HttpResponse(write_table(dataset, "csv"), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
