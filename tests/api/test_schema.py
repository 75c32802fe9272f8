"""The OpenAPI schema, its offline docs page, and schemathesis checking every endpoint against it."""

import re
from contextlib import contextmanager

import pytest
import schemathesis
from django.contrib.staticfiles import finders
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from django.test import modify_settings
from hypothesis import HealthCheck, Phase, given
from hypothesis import settings as hypothesis_settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from strategy.enums import ActionStatus
from tests.actors.factories import NeighbourhoodFactory, OrganisationFactory
from tests.api.conftest import add_actions
from tests.indicators.factories import IndicatorFactory
from tests.strategy.beneficiary_factories import beneficiaries
from tests.strategy.factories import ActionFactory, AxisFactory, OrientationFactory, StrategyFactory


def test_schema_is_openapi_3_with_french_descriptions_and_examples(client, db):
    response = client.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")

    assert response.status_code == 200
    schema = response.json()
    assert schema["openapi"].startswith("3.")
    assert "/api/v1/strategies/{slug}/actions/" in schema["paths"]
    create = schema["paths"]["/api/v1/mesures/"]["post"]
    assert create["summary"] == "Saisir une mesure"
    assert "organisation source" in create["description"]
    examples = create["requestBody"]["content"]["application/json"]["examples"]
    assert any(example["value"].get("period") == "2025-2026" for example in examples.values())
    assert set(create["responses"]) >= {"201", "400", "401", "403", "429"}
    assert {} not in create["security"]  # writing needs a token
    assert {} in schema["paths"]["/api/v1/mesures/"]["get"]["security"]  # reading does not
    assert schema["paths"]["/api/v1/strategies/"]["get"]["responses"]["404"]["description"] == (
        "Ressource introuvable."
    )


def test_docs_page_uses_only_local_static_files(client, db):
    response = client.get("/api/docs/")

    assert response.status_code == 200
    html = response.content.decode()
    urls = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert urls, html
    for url in urls:
        assert url == "/" or url.startswith(("/static/", "/api/docs/")), url  # "/": back to the portal
        if url.startswith("/static/"):
            assert finders.find(url.removeprefix("/static/")), url
    assert "cdn" not in html.lower()
    assert "<style" not in html
    assert "<script>" not in html  # the init script is a separate file (CSP)


@modify_settings(INSTALLED_APPS={"append": "drf_spectacular_sidecar"})
def test_swagger_ui_assets_are_found_by_staticfiles_once_the_sidecar_app_is_installed():
    # Until the settings list "drf_spectacular_sidecar" (requested), the test installs it itself.
    finders.get_finder.cache_clear()
    try:
        assert finders.find("drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js")
    finally:
        finders.get_finder.cache_clear()


def test_docs_init_script_points_at_the_local_schema(client, db):
    response = client.get("/api/docs/", {"script": ""})

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/javascript")
    script = response.content.decode()
    assert "/api/schema/" in script
    assert '"validatorUrl": null' in script  # no call to validator.swagger.io


@contextmanager
def connections_kept_open():
    """Like Django's test client: a request must not close the test's transaction-wrapped connection."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


@pytest.fixture
def demo_like_data(world):
    """Rows under the schema's example values (pedt-ivry-sur-seine, action 1.1, indicator IND-01, the
    filters' pilot, partner and neighbourhood)."""
    strategy = StrategyFactory(slug="pedt-ivry-sur-seine")
    axis = AxisFactory(strategy=strategy, number=1)
    add_actions(
        strategy,
        2,
        axis=axis,
        orientation=OrientationFactory(strategy=strategy, axis=axis, number=1),
        neighbourhood=NeighbourhoodFactory(territory=strategy.territory, slug="plateau-monmousseau"),
        indicator=IndicatorFactory(strategy=strategy, code="IND-01", source=OrganisationFactory()),
        funder=OrganisationFactory(slug="caf-val-de-marne"),
        prefix="1",
    )
    # The example pilot of the actions list's filters is one of the strategy's structures.
    ActionFactory(
        strategy=strategy,
        axis=axis,
        code="1.8",
        pilot=OrganisationFactory(slug="ivry-direction-enfance-education"),
    )
    ActionFactory(strategy=strategy, axis=axis, code="1.9", status=ActionStatus.PROPOSED)
    # The example action's beneficiaries: breakdowns known and unknown (null), audiences listed.
    example = strategy.actions.get(code="1.1")
    beneficiaries(example, year=2025, total=172, girls=90, boys=80, by_audience={"6-11": 150})
    beneficiaries(example, year=2024, total=40)
    return strategy


CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]


def exercise(schema, operation):
    """The schema's examples, then a few deterministic generated cases; the status codes answered."""
    seen = set()
    strategies = [(strategy, 2) for strategy in schema.get_strategies_from_examples(operation)]
    strategies.append((operation.as_strategy(), 12))
    for strategy, max_examples in strategies:

        @hypothesis_settings(
            max_examples=max_examples,
            derandomize=True,
            database=None,
            deadline=None,
            phases=[Phase.generate],
            suppress_health_check=list(HealthCheck),
        )
        @given(case=strategy)
        def check(case):
            seen.add(case.call_and_validate(checks=CHECKS).status_code)

        check()
    return seen


def test_every_endpoint_answers_within_its_schema(demo_like_data, settings):
    settings.CITEDU_API_ANON_RATE = "100000/min"
    statuses = {}
    with connections_kept_open():
        schema = schemathesis.openapi.from_wsgi("/api/schema/", get_wsgi_application())
        operations = [result.ok() for result in schema.get_all_operations()]
        for operation in operations:
            statuses[operation.label] = exercise(schema, operation)

    assert {f"{op.method.upper()} {op.path}" for op in operations} >= {
        "GET /api/v1/strategies/{slug}/actions/",
        "POST /api/v1/mesures/",
        "PATCH /api/v1/mesures/{id}/",
    }

    assert 200 in statuses["GET /api/v1/strategies/{slug}/"]
    assert 200 in statuses["GET /api/v1/strategies/{slug}/actions/"]
    assert 200 in statuses["GET /api/v1/strategies/{slug}/actions/{code}/"]
    assert 200 in statuses["GET /api/v1/strategies/{slug}/indicateurs/{code}/"]
    assert statuses["POST /api/v1/mesures/"] <= {400, 401, 415}
