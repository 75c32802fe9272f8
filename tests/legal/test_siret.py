"""The publisher's SIRET: 14 digits with a valid Luhn key, spaces allowed when typed."""

import pytest
from django.db import IntegrityError, transaction

from legal.models import LegalNotice
from legal.validators import siret_is_valid
from tests.strategy.admin.html_forms import change_form_data

URL = "/admin/legal/legalnotice/1/change/"


@pytest.mark.parametrize("siret", ["21990000100013", "73282932000074", "35600000000010"])
def test_valid_sirets_pass(siret):
    assert siret_is_valid(siret)


@pytest.mark.parametrize("siret", ["21990000100014", "2199000010001", "2199000010001A", "35600000000011"])
def test_a_wrong_key_a_missing_digit_or_a_letter_fails(siret):
    assert not siret_is_valid(siret)


def submit(client, siret):
    data = change_form_data(client.get(URL))
    data["publisher_name"] = ["Ville exemple"]
    data["publisher_siret"] = [siret]
    return client.post(URL, data)


def test_a_siret_typed_with_spaces_is_kept_as_its_14_digits(coordination_client):
    response = submit(coordination_client, "219 900 001 00013")

    assert response.status_code == 302
    assert LegalNotice.objects.get().publisher_siret == "21990000100013"


def test_a_siret_with_a_wrong_key_is_refused_in_french_and_nothing_is_saved(coordination_client):
    response = submit(coordination_client, "219 900 001 00014")

    assert response.status_code == 200
    assert (
        "n&#x27;est pas un numéro SIRET valide : sa clé de contrôle ne correspond pas"
        in response.content.decode()
    )
    assert LegalNotice.objects.get().publisher_name == ""


def test_a_siret_of_13_digits_is_refused_in_french(coordination_client):
    response = submit(coordination_client, "2199000010001")

    assert "Le numéro SIRET compte 14 chiffres" in response.content.decode()
    assert LegalNotice.objects.get().publisher_siret == ""


def test_the_database_refuses_a_siret_that_is_not_14_digits(db):
    with pytest.raises(IntegrityError), transaction.atomic():
        LegalNotice.objects.create(publisher_siret="2199 0000 1000")


def test_the_database_holds_one_legal_notice_only(db):
    LegalNotice.load_for_editing()
    with pytest.raises(IntegrityError), transaction.atomic():
        LegalNotice.objects.create(pk=2)
