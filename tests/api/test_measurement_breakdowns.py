"""Values broken down by age band and sex through the API: written by the source organisation with
the admin's rules (one value per breakdown, waiting for validation), read back with their breakdown;
the indicators say whether they are in the core."""

from decimal import Decimal

import pytest

from indicators.enums import MeasurementStatus, Sex
from indicators.models import Indicator, Measurement
from tests.api.test_measurements_write import URL, payload, token_client
from tests.strategy.factories import audience


@pytest.fixture
def caf_client(api_client, world):
    api_client.user = token_client(api_client, world.source)
    return api_client


def test_the_source_records_values_for_girls_of_6_to_11_beside_the_territory_one(caf_client, world):
    territory = caf_client.post(URL, payload(period="2024", value="300"), format="json")
    girls = caf_client.post(
        URL, payload(period="2024", value="118", audience="6-11", sex="girls"), format="json"
    )

    assert territory.status_code == 201, territory.content
    assert girls.status_code == 201, girls.content
    body = girls.json()
    assert (body["audience"], body["sex"], body["sex_label"]) == ("6-11", "girls", "Filles")
    saved = Measurement.objects.get(pk=body["id"])
    assert (saved.audience, saved.sex, saved.value) == (audience("6-11"), Sex.GIRLS, Decimal("118"))
    assert saved.status == MeasurementStatus.PENDING  # the rule of indicators.perms, unchanged
    assert not saved.is_territory_wide
    assert Measurement.objects.filter(indicator=world.indicator, period="2024").count() == 2


def test_the_same_breakdown_twice_is_a_400_in_french_and_changes_nothing(caf_client, world):
    caf_client.post(URL, payload(period="2024", value="118", sex="girls"), format="json")
    before = Measurement.objects.count()

    response = caf_client.post(URL, payload(period="2024", value="119", sex="girls"), format="json")

    assert response.status_code == 400
    assert response.json()["errors"]["non_field_errors"] == [
        "Une mesure existe déjà pour cet indicateur et cette période, avec le même quartier, "
        "le même public et le même sexe."
    ]
    assert Measurement.objects.count() == before
    assert Measurement.objects.get(period="2024", sex=Sex.GIRLS).value == Decimal("118")


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"audience": "seniors"}, "audience", "Public « seniors » inconnu : choisir parmi 0-3, 3-6"),
        ({"sex": "women"}, "sex", "n'est pas un choix valide"),
    ],
)
def test_an_unknown_audience_or_sex_is_refused(caf_client, world, changes, field, message):
    before = Measurement.objects.count()

    response = caf_client.post(URL, payload(period="2024", **changes), format="json")

    assert response.status_code == 400, response.content
    assert message in " ".join(response.json()["errors"][field])
    assert Measurement.objects.count() == before


def test_a_partial_correction_keeps_the_breakdown(caf_client, world):
    created = caf_client.post(URL, payload(period="2024", value="50", sex="boys"), format="json").json()

    response = caf_client.patch(f"{URL}{created['id']}/", {"value": "51"}, format="json")

    assert response.status_code == 200, response.content
    assert (response.json()["sex"], response.json()["value"]) == ("boys", "51.00")


def test_the_list_filters_by_audience_and_sex_and_the_indicator_says_it_is_core(api_client, world):
    Indicator.objects.filter(pk=world.indicator.pk).update(is_core=True)
    Measurement.objects.create(indicator=world.indicator, period="2002", sex=Sex.GIRLS, value=Decimal("9"))
    Measurement.objects.create(
        indicator=world.indicator, period="2002", audience=audience("3-6"), value=Decimal("4")
    )

    girls = api_client.get(URL, {"strategie": "pedt-villebelle", "sexe": "girls"}).json()["results"]
    small = api_client.get(URL, {"strategie": "pedt-villebelle", "public": "3-6"}).json()["results"]
    indicator = api_client.get(f"/api/v1/strategies/pedt-villebelle/indicateurs/{world.indicator.code}/")

    assert [(m["period"], m["value"], m["sex"]) for m in girls] == [("2002", "9.00", "girls")]
    assert [(m["audience"], m["value"]) for m in small] == [("3-6", "4.00")]
    assert indicator.status_code == 200, indicator.content
    assert indicator.json()["is_core"] is True
    # The headline stays the territory-wide value, never a breakdown entered later.
    assert indicator.json()["latest"]["value"] != "9.00"
