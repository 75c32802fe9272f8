"""The login lockout behind the documented reverse proxy: per client address, not per proxy."""

import runpy
from pathlib import Path

import pytest
from django.core.cache import cache
from django.test import Client, override_settings

from tests.strategy.factories import UserFactory

pytestmark = pytest.mark.django_db

PROXY = "10.0.0.2"  # every request reaches gunicorn from the proxy
SETTINGS = Path(__file__).resolve().parents[2] / "citedu" / "settings.py"


def address_settings(monkeypatch, trusted_proxies):
    """The client-address settings that citedu/settings.py derives from CITEDU_TRUSTED_PROXIES."""
    monkeypatch.setenv("DEBUG", "1")
    if trusted_proxies is None:
        monkeypatch.delenv("CITEDU_TRUSTED_PROXIES", raising=False)
    else:
        monkeypatch.setenv("CITEDU_TRUSTED_PROXIES", str(trusted_proxies))
    values = runpy.run_path(str(SETTINGS))
    names = ("CITEDU_TRUSTED_PROXIES", "AXES_CLIENT_IP_CALLABLE", "AXES_LOCKOUT_PARAMETERS")
    return {"AXES_ENABLED": True, **{name: values[name] for name in names if name in values}}


@pytest.fixture
def coordination():
    cache.clear()
    user = UserFactory(username="coordination", is_staff=True)
    user.set_password("le-bon-mot-de-passe")
    user.save()
    return user


def login(forwarded_for, username, password):
    """A login through the proxy, which sets X-Forwarded-For to what the client sent plus its address."""
    client = Client(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=forwarded_for)
    response = client.post("/admin/login/?next=/admin/", {"username": username, "password": password})
    return response, "_auth_user_id" in client.session


def test_behind_the_proxy_one_client_is_locked_out_but_not_the_others(monkeypatch, coordination):
    with override_settings(**address_settings(monkeypatch, 1)):
        for _ in range(5):
            login("203.0.113.7", "coordination", "mauvais")
        locked, logged_in = login("203.0.113.7", "coordination", "le-bon-mot-de-passe")
        assert locked.status_code == 429 and not logged_in
        assert "Connexion temporairement bloquée" in locked.content.decode()

        # The client's own header is kept by the proxy, which appends the real address after it.
        forged, logged_in = login("198.51.100.99, 203.0.113.7", "coordination", "le-bon-mot-de-passe")
        assert forged.status_code == 429 and not logged_in

        other, logged_in = login("198.51.100.20", "coordination", "le-bon-mot-de-passe")
        assert other.status_code == 302 and logged_in


def test_one_address_trying_many_usernames_is_locked_out(monkeypatch, coordination):
    with override_settings(**address_settings(monkeypatch, 1)):
        for number in range(5):
            login("203.0.113.9", f"inconnu{number}", "mauvais")
        locked, logged_in = login("203.0.113.9", "coordination", "le-bon-mot-de-passe")
        assert locked.status_code == 429 and not logged_in

        elsewhere, logged_in = login("198.51.100.21", "coordination", "le-bon-mot-de-passe")
        assert elsewhere.status_code == 302 and logged_in


def test_without_the_setting_the_forwarded_header_is_ignored(monkeypatch, coordination):
    with override_settings(**address_settings(monkeypatch, None)):
        for _ in range(5):
            login("203.0.113.7", "coordination", "mauvais")
        # A forged header does not get a client out of its lockout: the address is the connection's.
        forged, logged_in = login("198.51.100.20", "coordination", "le-bon-mot-de-passe")
        assert forged.status_code == 429 and not logged_in
