"""The strategy's open data as a Frictionless Data Package (``/strategies/<slug>/datapackage.json``):
its licence, its source, its dates and its three CSVs, each with its Table Schema (``api.schemas``).
https://specs.frictionlessdata.io/data-package/"""

from django.conf import settings
from django.db.models import Max
from django.urls import reverse

from api.schemas import DIALECT, ENCODING, TABLES
from indicators.models import Indicator
from strategy.models import Action

LICENCE = {
    "name": "etalab-2.0",
    "path": "https://www.etalab.gouv.fr/licence-ouverte-open-licence",
    "title": "Licence Ouverte / Open Licence version 2.0",
}
#: The URL names of the CSVs (``api.urls_opendata``), by table.
CSV_URLS = {
    "actions": "opendata:actions_csv",
    "beneficiaires": "opendata:beneficiaries_csv",
    "indicateurs": "opendata:indicators_csv",
}


def last_modified(strategy, user):
    """When the strategy or what the user sees of its actions and indicators last changed."""
    dates = [
        strategy.updated_at,
        Action.objects.visible_to(user).filter(strategy=strategy).aggregate(last=Max("updated_at"))["last"],
        Indicator.objects.visible_to(user)
        .filter(strategy=strategy)
        .aggregate(last=Max("updated_at"))["last"],
    ]
    return max(date for date in dates if date is not None)


def data_package(request, strategy):
    """The descriptor of the strategy's data package, with absolute URLs."""
    homepage = request.build_absolute_uri(strategy.get_absolute_url())
    return {
        "profile": "tabular-data-package",
        "name": strategy.slug,
        "title": strategy.title,
        "description": strategy.summary,
        "homepage": homepage,
        "licenses": [LICENCE],
        "sources": [
            {"title": f"{settings.CITEDU_PORTAL_NAME} — {strategy.territory.name}", "path": homepage}
        ],
        "created": strategy.created_at.isoformat(timespec="seconds"),
        "lastModified": last_modified(strategy, request.user).isoformat(timespec="seconds"),
        "resources": [
            {
                "name": table.name,
                "title": str(table.title),
                "description": str(table.description),
                "path": request.build_absolute_uri(
                    reverse(CSV_URLS[table.name], kwargs={"slug": strategy.slug})
                ),
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": ENCODING,
                "dialect": DIALECT,
                "licenses": [LICENCE],
                "schema": table.schema(),
            }
            for table in TABLES
        ],
    }
