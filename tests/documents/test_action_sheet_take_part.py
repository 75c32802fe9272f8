"""The fiche action prints « Participer » when filled, and the structure's public contact, read back
with pdftotext; never a person's phone or e-mail for the public."""

import shutil

import pytest

from tests.documents.conftest import client_for
from tests.documents.test_action_sheet_beneficiaries import pdftotext
from tests.queue import download

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler's pdftotext is missing"),
]


def sheet_text(action, tmp_path):
    response = download(client_for(), f"/strategies/pedt-test/actions/{action.slug}.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    return pdftotext(response.content, tmp_path)


def test_the_public_sheet_prints_how_to_take_part_and_the_structure_s_contact(pedt, tmp_path):
    action = pedt.actions[2]
    action.who_may_come = "Les familles des quartiers sud, enfants de 3 à 6 ans."
    action.cost = "Gratuit."
    action.how_to_join = "Sur place, le samedi matin, à la médiathèque."
    action.save()
    pilot = action.pilot
    pilot.public_phone = "01 40 00 00 01"
    pilot.public_email = "accueil@structure.example.org"
    pilot.save()
    text = sheet_text(action, tmp_path)
    assert "Participer" in text
    assert "Qui peut venir ? Les familles des quartiers sud, enfants de 3 à 6 ans." in text
    assert "Combien ça coûte ? Gratuit." in text
    assert "Comment s’inscrire ? Sur place, le samedi matin, à la médiathèque." in text
    # The print typography curls apostrophes.
    assert "Contacter la structure Structure " + pilot.name.replace("'", "’") in text
    assert "Téléphone 01 40 00 00 01" in text
    assert "accueil@structure.example.org" in text
    if action.pilot_contact is not None:
        assert action.pilot_contact.phone not in text
        assert action.pilot_contact.email not in text


def test_a_sheet_with_nothing_filled_has_no_participer_section(pedt, tmp_path):
    text = sheet_text(pedt.actions[2], tmp_path)
    assert "Participer" not in text
    assert "Qui peut venir" not in text
