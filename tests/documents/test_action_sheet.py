"""The fiche action (/strategies/<slug>/actions/<action-slug>.pdf)."""

import io

import pytest
from pypdf import PdfReader

from tests.documents.builders import SECRET_EMAIL, SECRET_PHONE
from tests.documents.conftest import client_for, pdf_text
from tests.queue import download

# Module fixtures hold the data; each test still runs in its own rolled-back transaction.
pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def first_action(pedt):
    return pedt.actions[0]


@pytest.fixture(scope="module")
def anonymous_response(first_action):
    response = download(client_for(), f"/strategies/pedt-test/actions/{first_action.slug}.pdf")
    assert response.status_code == 200
    return response


def test_it_fits_on_one_a4_page(anonymous_response):
    reader = PdfReader(io.BytesIO(anonymous_response.content))
    assert len(reader.pages) == 1
    width, height = reader.pages[0].mediabox.width, reader.pages[0].mediabox.height
    assert (round(float(width) / 72 * 25.4), round(float(height) / 72 * 25.4)) == (210, 297)


def test_it_shows_the_summary_pilot_partners_audience_neighbourhood_budget_and_indicator(
    first_action, anonymous_response
):
    text = pdf_text(anonymous_response.content)
    assert f"{first_action.code} — Action 1" in text
    assert "Résumé clair de l’action 1 pour les familles." in text
    assert "pedt-test Ville d’Ivry-sur-Seine" in text or "pedt-test Ville d'Ivry-sur-Seine" in text
    assert "pedt-test CAF du Val-de-Marne (financeur)" in text
    assert "Élémentaire" in text or "6-11" in text
    assert "pedt-test Quartier Gagarine (QPV)" in text
    assert "du 15 janvier 2024 au 30 juin 2025" in text
    assert "Total 20 000 € 5 000 €" in text
    assert "IND-1 — Places en crèche municipale 200 260 245 (2024)" in text


def test_it_never_shows_a_contact_who_did_not_consent(anonymous_response):
    text = pdf_text(anonymous_response.content)
    assert "Camille Secret" not in text
    assert SECRET_EMAIL not in text
    assert SECRET_PHONE not in text


def test_anonymous_visitor_gets_404_for_a_draft_action(pedt):
    assert client_for().get(f"/strategies/pedt-test/actions/{pedt.draft.slug}.pdf").status_code == 404


def test_coordination_gets_the_sheet_of_a_draft_action(pedt, coordination):
    response = download(client_for(coordination), f"/strategies/pedt-test/actions/{pedt.draft.slug}.pdf")
    assert response.status_code == 200
    assert "Projet brouillon confidentiel" in pdf_text(response.content)


def test_unknown_action_gives_404(pedt):
    assert client_for().get("/strategies/pedt-test/actions/inconnue.pdf").status_code == 404


def test_its_queries_are_bounded(first_action, anonymous_response, django_assert_max_num_queries):
    with django_assert_max_num_queries(12):
        download(client_for(), f"/strategies/pedt-test/actions/{first_action.slug}.pdf")
