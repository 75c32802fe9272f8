"""Production settings, security headers, login lockout and CSRF."""

import pytest
from django.test import Client, override_settings

from tests.citedu.processes import PRODUCTION_ENV, run_manage, run_python
from tests.strategy.factories import UserFactory


def test_production_settings_pass_check_deploy_without_a_warning():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_serve_without_a_secret_key():
    env = {**PRODUCTION_ENV, "SECRET_KEY": ""}
    deploy = run_manage("check", "--deploy", "--fail-level", "WARNING", env=env)
    assert deploy.returncode != 0
    assert "SECRET_KEY" in deploy.stderr
    serving = run_python("import citedu.wsgi", env=env)
    assert serving.returncode != 0
    assert "SECRET_KEY must be set when DEBUG is off" in serving.stderr


def test_a_bare_checkout_can_check_its_migrations_without_any_setting():
    result = run_manage("makemigrations", "--check", "--dry-run", env={})
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No changes detected" in result.stdout


def test_a_malformed_boolean_stops_the_start_loudly():
    result = run_manage("check", env={**PRODUCTION_ENV, "DEBUG": "peut-être"})
    assert result.returncode != 0
    assert "is not a boolean" in result.stderr


@pytest.mark.django_db
def test_pages_carry_the_security_headers(client):
    response = client.get("/healthz")
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert "frame-ancestors 'none'" in csp
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"


@pytest.mark.django_db
@override_settings(SECURE_HSTS_SECONDS=31536000, SECURE_HSTS_INCLUDE_SUBDOMAINS=True)
def test_https_answers_carry_hsts(client):
    response = client.get("/healthz", secure=True)
    assert response["Strict-Transport-Security"].startswith("max-age=31536000")


@pytest.mark.django_db
@override_settings(AXES_ENABLED=True, AXES_FAILURE_LIMIT=5)
def test_login_is_locked_after_five_failures_even_with_the_right_password():
    UserFactory(username="coordination", is_staff=True)
    client = Client()
    for _ in range(5):
        client.post("/admin/login/?next=/admin/", {"username": "coordination", "password": "mauvais"})
    response = client.post("/admin/login/?next=/admin/", {"username": "coordination", "password": "demo"})
    assert response.status_code == 429
    assert "Connexion temporairement bloquée" in response.content.decode()
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_a_login_without_csrf_token_is_refused():
    UserFactory(username="coordination", is_staff=True)
    client = Client(enforce_csrf_checks=True)
    response = client.post("/admin/login/", {"username": "coordination", "password": "demo"})
    assert response.status_code == 403
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_a_contribution_without_csrf_token_is_refused_and_not_stored():
    from strategy.models import Contribution
    from tests.strategy.factories import ActionFactory

    action = ActionFactory(strategy__status="consultation", status="proposed")
    partner = UserFactory(role="partenaire")
    client = Client(enforce_csrf_checks=True)
    client.force_login(partner)
    url = f"/strategies/{action.strategy.slug}/actions/{action.slug}/contribuer/"
    response = client.post(url, {"body": "Penser aux familles."})
    assert response.status_code == 403
    assert not Contribution.objects.exists()


@pytest.mark.django_db
def test_every_public_form_carries_a_csrf_token(client):
    from tests.strategy.factories import StrategyFactory

    StrategyFactory()
    for url in ("/", "/comptes/login/"):
        page = client.get(url).content.decode()
        assert page.count("<form") == page.count('name="csrfmiddlewaretoken"') + page.count('method="get"'), (
            url
        )
