"""Bodies the API cannot take get a French JSON 4xx, never a 500 nor an HTML page."""

import pytest
from django.test import Client
from rest_framework.authtoken.models import Token

from indicators.models import Measurement
from tests.actors.factories import ContactFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def token_client(partner_user):
    """A script with the partner's token, as the API documentation tells it to send it."""
    ContactFactory(user=partner_user)
    token = Token.objects.create(user=partner_user)
    return Client(headers={"Authorization": f"Token {token.key}"}, raise_request_exception=False)


def test_a_body_nested_a_thousand_deep_is_a_french_json_400(token_client):
    body = "[" * 1000 + "]" * 1000

    response = token_client.post("/api/v1/mesures/", body, content_type="application/json")

    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"detail": "Le corps de la requête est imbriqué trop profondément."}
    assert not Measurement.objects.exists()


def test_a_body_over_the_upload_limit_is_a_french_json_413(token_client, settings):
    body = '{"valeur": "' + "1" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1) + '"}'

    response = token_client.post("/api/v1/mesures/", body, content_type="application/json")

    assert response.status_code == 413
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"detail": "Le corps de la requête dépasse la taille maximale de 2,5 Mo."}
    assert not Measurement.objects.exists()


def test_a_form_body_over_the_field_limit_is_a_french_json_400(token_client, settings):
    body = "&".join(f"c{i}=1" for i in range(settings.DATA_UPLOAD_MAX_NUMBER_FIELDS + 1))

    response = token_client.post("/api/v1/mesures/", body, content_type="application/x-www-form-urlencoded")

    assert 400 <= response.status_code < 500
    assert response["Content-Type"] == "application/json"
    assert response.json()["detail"]
    assert not Measurement.objects.exists()
