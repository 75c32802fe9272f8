"""The streamed CSVs are, byte for byte, what the import/export resources write: on the demo and on
factory data, with and without the pages' filters, for every role; and they import back unchanged."""

import io

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from django.core.management import call_command
from django.test import RequestFactory

from api.filters import MeasurementFilterSet
from api.schemas import TABLES
from indicators.models import Measurement
from indicators.resources import OpenDataMeasurementResource
from shared.spreadsheets import write_table
from strategy.beneficiary_resources import BeneficiariesResource
from strategy.filters import ActionFilterSet
from strategy.models import Action, ActionBeneficiaries, Strategy
from strategy.resources import ActionResource
from tests.strategy.beneficiary_factories import beneficiaries
from tests.strategy.factories import UserFactory

DEMO = ("pedt-ivry-sur-seine", "cite-educative-exemple")
FILES = ("actions", "beneficiaires", "indicateurs")


def resource_export(slug, name, query=None, user=None):
    """The CSV as the resources wrote it before it was streamed: the reference."""
    user = user or AnonymousUser()
    strategy = Strategy.objects.get(slug=slug)
    data = RequestFactory().get("/", query or {}).GET or None
    if name == "indicateurs":
        queryset = Measurement.objects.visible_to(user).filter(indicator__strategy=strategy)
        rows = MeasurementFilterSet(data, queryset=queryset).qs
        return write_table(OpenDataMeasurementResource(strategy=strategy).export(queryset=rows), "csv")
    queryset = Action.objects.visible_to(user).filter(strategy=strategy).in_code_order()
    actions = ActionFilterSet(data, queryset=queryset, strategy=strategy, user=user).qs
    if name == "actions":
        rows = Action.objects.filter(pk__in=actions.values("pk")).in_code_order()
        return write_table(ActionResource(strategy=strategy).export(queryset=rows), "csv")
    rows = ActionBeneficiaries.objects.filter(action__in=actions.values("pk"))
    return write_table(BeneficiariesResource(strategy=strategy).export(queryset=rows), "csv")


def streamed(client, slug, name, query=None):
    cache.clear()  # written afresh, not the page cache's copy of an earlier read (strategy.page_cache)
    response = client.get(f"/strategies/{slug}/{name}.csv", query or {})
    assert response.status_code == 200
    assert response.streaming
    return response.getvalue()


@pytest.mark.parametrize("slug", DEMO)
@pytest.mark.parametrize("name", FILES)
def test_it_streams_the_demo_byte_for_byte_as_the_resource_exports(demo, db, client, slug, name):
    body = streamed(client, slug, name)

    assert body.count(b"\r\n") > 3, "the demo's file holds rows"
    assert body == resource_export(slug, name)


@pytest.mark.parametrize("name", FILES)
def test_it_streams_what_coordination_sees_byte_for_byte_too(demo, db, client, name):
    coordination = UserFactory(role="coordination")
    client.force_login(coordination)

    body = streamed(client, DEMO[0], name)

    assert body == resource_export(DEMO[0], name, user=coordination)
    assert body != resource_export(DEMO[0], name) or name == "beneficiaires", "staff see the drafts"


@pytest.mark.parametrize(
    "name, query",
    [
        ("actions", {"statut": "in_progress"}),
        ("actions", {"axe": "2", "q": "école"}),
        ("actions", {"public": "6-11"}),
        ("beneficiaires", {"secteur": "education"}),
        ("indicateurs", {"periode": "2023-2024"}),
    ],
)
def test_it_applies_the_filters_as_the_resource_did(demo, db, client, name, query):
    full = streamed(client, DEMO[0], name)
    body = streamed(client, DEMO[0], name, query)

    assert body == resource_export(DEMO[0], name, query)
    assert len(body) < len(full), "the filter keeps fewer rows"


def test_it_streams_factory_data_with_formulas_breakdowns_and_empty_cells_as_the_resources(client, world):
    action = Action.objects.get(strategy=world.strategy, code="A.1")
    Action.objects.filter(pk=action.pk).update(title="=1+1", summary="-2", start_date=None)
    beneficiaries(action, year=2025, total=172, girls=90, by_audience={"3-6": 20, "6-11": 130})
    beneficiaries(world.done, year=2024, total=3)

    for name in FILES:
        assert streamed(client, "pedt-villebelle", name) == resource_export("pedt-villebelle", name), name
    assert b"A.1;'=1+1;1;1;'-2;" in streamed(client, "pedt-villebelle", "actions")


@pytest.mark.parametrize("name", FILES)
def test_every_file_s_header_is_its_schema_s_fields(demo, db, client, name):
    table = next(table for table in TABLES if table.name == name)
    header = streamed(client, DEMO[0], name).decode("utf-8-sig").split("\r\n", 1)[0]

    assert header.split(";") == table.headers == [field["name"] for field in table.schema()["fields"]]


@pytest.mark.parametrize("slug", DEMO)
def test_the_demo_s_streamed_files_import_back_unchanged(demo, db, client, slug, tmp_path):
    for name, table in (
        ("actions", "actions"),
        ("beneficiaires", "beneficiaires"),
        ("indicateurs", "mesures"),
    ):
        path = tmp_path / f"{name}.csv"
        path.write_bytes(streamed(client, slug, name))
        output = io.StringIO()

        call_command("importtable", slug, table, str(path), "--dry-run", stdout=output)

        assert "0 ligne(s) créée(s), 0 mise(s) à jour" in output.getvalue(), (name, output.getvalue())
