"""The core indicators (socle commun) open the indicators of the strategy document and the yearly
report, each marked in words; a breakdown never stands in for the territory-wide series."""

import pytest

from tests.documents.conftest import client_for, pdf_text
from tests.queue import download

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def document_text(pedt):
    response = download(client_for(), "/strategies/pedt-test/document.pdf")
    assert response.status_code == 200
    return pdf_text(response.content)


@pytest.fixture(scope="module")
def report_text(pedt):
    response = download(client_for(), "/strategies/pedt-test/rapport-2025.pdf")
    assert response.status_code == 200
    return pdf_text(response.content)


def test_the_strategy_document_lists_the_core_first_and_marks_it(document_text):
    assert "Les indicateurs du socle commun" in document_text
    part = document_text[document_text.index("Les indicateurs du socle commun") :]
    core = part.index("Collégiens touchés par une action culturelle")
    other = part.index("Places en crèche municipale")
    assert core < other
    assert "socle commun" in part[core : core + 200]
    assert "socle commun" not in part[other : other + 120]


def test_the_yearly_report_lists_the_core_first_and_marks_it(report_text):
    part = report_text.split("Les indicateurs face à leur cible")[1]
    assert "Les indicateurs du socle commun, comparables d’une année à l’autre, viennent en premier." in part
    assert part.index("IND-2 — Collégiens touchés par une action culturelle · socle commun") < part.index(
        "IND-1 — Places en crèche municipale"
    )


def test_a_later_breakdown_by_sex_is_not_the_latest_value(report_text):
    part = report_text.split("IND-2")[1][:300]
    assert "Dernière valeur (2024) : 75 %" in part
    assert "99" not in part
