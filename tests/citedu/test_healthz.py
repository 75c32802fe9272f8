import pytest
from django.db import connection


@pytest.mark.django_db
def test_it_answers_200_with_json_when_the_database_answers(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    body = response.json()
    assert (body["status"], body["database"]) == ("ok", "ok")
    assert body["queue"]["waiting"] == 0 and body["queue"]["oldest_waiting_seconds"] is None
    assert response["Cache-Control"].startswith("max-age=0")


@pytest.mark.django_db
def test_it_answers_503_when_the_database_fails(client, monkeypatch):
    from django.db import OperationalError

    def broken_cursor(*args, **kwargs):
        raise OperationalError("connection refused")

    monkeypatch.setattr(connection, "cursor", broken_cursor)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["database"] == "unavailable"


@pytest.mark.django_db
def test_a_page_answers_503_not_500_while_the_database_is_unreachable(client, monkeypatch):
    from django.db import OperationalError

    from strategy.models import Strategy

    def unreachable(*args, **kwargs):
        raise OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr(Strategy.objects, "visible_to", unreachable)
    response = client.get("/")
    assert response.status_code == 503
    assert "momentanément indisponible" in response.content.decode()
    assert response["Retry-After"] == "5"
