"""Writing measurements through the API: only the indicator's source organisation, with a token,
and with exactly the admin's validation. A refusal changes nothing in the database."""

from decimal import Decimal

import pytest
from rest_framework.authtoken.models import Token

from actors import roles
from indicators.models import Measurement
from tests.actors.factories import ContactFactory, OrganisationFactory
from tests.strategy.factories import UserFactory

URL = "/api/v1/mesures/"


def token_client(api_client, organisation):
    user = UserFactory(role=roles.PARTENAIRE)
    if organisation is not None:
        ContactFactory(organisation=organisation, user=user)
    api_client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=user).key}")
    return user


@pytest.fixture
def caf_client(api_client, world):
    api_client.user = token_client(api_client, world.source)
    return api_client


def payload(**changes):
    return {
        "strategy": "pedt-villebelle",
        "indicator": "I1",
        "period": "2023-2024",
        "value": "240.5",
        **changes,
    }


def test_the_source_organisation_records_a_measurement_with_its_token(caf_client, world):
    response = caf_client.post(URL, payload(source_note="Rapport d'activité"), format="json")

    assert response.status_code == 201, response.content
    measurement = Measurement.objects.get(indicator=world.indicator, period="2023-2024")
    assert measurement.value == Decimal("240.50")
    assert measurement.entered_by == caf_client.user
    assert response.json()["id"] == measurement.pk
    assert response.json()["value"] == "240.50"


def test_a_qualitative_measurement_is_recorded_with_a_rating(caf_client, world):
    response = caf_client.post(
        URL, payload(indicator="Q1", value=None, rating="3", neighbourhood="quartiers-sud"), format="json"
    )

    assert response.status_code == 201, response.content
    assert Measurement.objects.get(indicator=world.qualitative).neighbourhood == world.neighbourhood


def test_the_source_organisation_may_feed_its_unpublished_indicator(caf_client, world):
    response = caf_client.post(URL, payload(indicator="SECRET", period="2024"), format="json")

    assert response.status_code == 201, response.content


def test_another_organisation_is_refused_with_403_and_nothing_changes(api_client, world):
    token_client(api_client, OrganisationFactory())
    before = Measurement.objects.count()

    response = api_client.post(URL, payload(), format="json")

    assert response.status_code == 403
    assert "n'est pas la source" in response.json()["detail"]
    assert Measurement.objects.count() == before


def test_an_account_without_organisation_is_refused(api_client, world):
    token_client(api_client, None)
    before = Measurement.objects.count()

    response = api_client.post(URL, payload(), format="json")

    assert response.status_code == 403
    assert Measurement.objects.count() == before


def test_an_anonymous_client_gets_a_401_in_french(api_client, world):
    before = Measurement.objects.count()

    response = api_client.post(URL, payload(), format="json")

    assert response.status_code == 401
    assert response.json()["detail"].startswith("Authentification requise")
    assert response["WWW-Authenticate"] == "Token"
    assert Measurement.objects.count() == before


def test_a_wrong_token_gets_a_401(api_client, world):
    api_client.credentials(HTTP_AUTHORIZATION="Token 0000000000000000000000000000000000000000")

    response = api_client.post(URL, payload(), format="json")

    assert response.status_code == 401
    assert response.json()["detail"] == "Jeton d'authentification invalide ou compte désactivé."


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"period": "2023-2025"}, "period", "Année scolaire « 2023-2025 » invalide"),
        ({"period": "mai 2023"}, "period", "Période « mai 2023 » invalide"),
        ({"value": "beaucoup"}, "value", "Un nombre valide est requis."),
        ({"value": None}, "value", "Un indicateur quantitatif demande une valeur chiffrée."),
        ({"indicator": "Q1", "value": None}, "rating", "Un indicateur qualitatif demande une appréciation"),
        ({"indicator": "NOPE"}, "indicator", "Indicateur « NOPE » introuvable"),
        ({"indicator": "H1"}, "indicator", "introuvable"),
        ({"neighbourhood": "atlantide"}, "neighbourhood", "Quartier « atlantide » inconnu"),
        ({"rating": "9"}, "rating", "n'est pas un choix valide"),
    ],
)
def test_invalid_data_is_a_400_with_a_french_message_and_nothing_changes(
    caf_client, world, changes, field, message
):
    before = Measurement.objects.count()

    response = caf_client.post(URL, payload(**changes), format="json")

    assert response.status_code == 400, response.content
    body = response.json()
    assert body["detail"] == "Les données envoyées sont invalides."
    assert message in " ".join(body["errors"][field])
    assert Measurement.objects.count() == before


def test_a_duplicate_measurement_is_a_400_not_a_server_error(caf_client, world):
    before = Measurement.objects.count()

    response = caf_client.post(URL, payload(period="2001", value="3"), format="json")

    assert response.status_code == 400
    assert response.json()["errors"]["non_field_errors"] == [
        "Une mesure existe déjà pour cet indicateur et cette période, avec le même quartier, "
        "le même public et le même sexe."
    ]
    assert Measurement.objects.count() == before
    assert Measurement.objects.get(indicator=world.indicator, period="2001").value == Decimal("1")


def test_the_source_organisation_corrects_its_measurement(caf_client, world):
    measurement = Measurement.objects.get(indicator=world.indicator, period="2001")

    response = caf_client.patch(f"{URL}{measurement.pk}/", {"value": "12.25"}, format="json")

    assert response.status_code == 200, response.content
    measurement.refresh_from_db()
    assert measurement.value == Decimal("12.25")
    assert measurement.entered_by == caf_client.user


def test_a_put_replaces_the_measurement_with_the_same_validation(caf_client, world):
    measurement = Measurement.objects.get(indicator=world.indicator, period="2001")

    refused = caf_client.put(f"{URL}{measurement.pk}/", payload(period="2002"), format="json")  # taken
    accepted = caf_client.put(f"{URL}{measurement.pk}/", payload(period="2010", value="7"), format="json")

    assert refused.status_code == 400
    assert accepted.status_code == 200, accepted.content
    measurement.refresh_from_db()
    assert (measurement.period, measurement.value) == ("2010", Decimal("7"))


def test_another_organisation_cannot_correct_a_measurement(api_client, world):
    token_client(api_client, OrganisationFactory())
    measurement = Measurement.objects.get(indicator=world.indicator, period="2001")

    response = api_client.patch(f"{URL}{measurement.pk}/", {"value": "99"}, format="json")

    assert response.status_code == 403
    measurement.refresh_from_db()
    assert measurement.value == Decimal("1")


def test_moving_a_measurement_to_another_organisations_indicator_is_refused(caf_client, world):
    other = OrganisationFactory()
    world.qualitative.source = other
    world.qualitative.save()
    measurement = Measurement.objects.get(indicator=world.indicator, period="2001")

    response = caf_client.patch(f"{URL}{measurement.pk}/", {"indicator": "Q1", "rating": "2"}, format="json")

    assert response.status_code == 403
    measurement.refresh_from_db()
    assert measurement.indicator == world.indicator
