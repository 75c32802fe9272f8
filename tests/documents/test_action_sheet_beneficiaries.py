"""The fiche action prints its beneficiaries by year; its page is looked at as a PNG."""

import io
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.documents.conftest import client_for
from tests.queue import download
from tests.strategy.beneficiary_factories import beneficiaries

pytestmark = pytest.mark.django_db

#: Where the page is written to be looked at (kept after the run).
PNG_DIR = Path(os.environ.get("CITEDU_TEST_PNG_DIR", "/tmp/citedu-pages"))


def pdftotext(pdf_bytes, tmp_path):
    source = tmp_path / "sheet.pdf"
    source.write_bytes(pdf_bytes)
    result = subprocess.run(
        ["pdftotext", "-layout", str(source), "-"], check=True, capture_output=True, text=True
    )
    return " ".join(result.stdout.replace("\u202f", " ").replace("\u00a0", " ").split())


@pytest.fixture
def sheet(pedt):
    action = pedt.actions[1]
    beneficiaries(
        action,
        year=2025,
        total=1754,
        girls=900,
        boys=850,
        sex_unknown=4,
        in_priority_area=1200,
        outside_priority_area=554,
        by_audience={"3-6": 1000, "6-11": 754},
    )
    beneficiaries(action, year=2024, total=172)
    response = download(client_for(), f"/strategies/pedt-test/actions/{action.slug}.pdf")
    assert response.status_code == 200
    return response.content


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler's pdftotext is missing")
def test_the_sheet_prints_each_year_with_its_breakdowns(sheet, tmp_path):
    text = pdftotext(sheet, tmp_path)
    assert "Bénéficiaires par année" in text
    assert "Année Total Filles Garçons Sexe non renseigné En QPV Hors QPV Par public" in text
    assert "2024 172 — — — — — —" in text
    assert (
        "2025 1 754 900 850 4 1 200 554 Maternelle (3-6 ans) : 1 000 ; Élémentaire (6-11 ans) : 754" in text
    )
    assert text.index("2024 172") < text.index("2025 1 754")  # years in order
    assert len(PdfReader(io.BytesIO(sheet)).pages) == 1


@pytest.mark.skipif(not shutil.which("pdftoppm"), reason="poppler's pdftoppm is missing")
def test_the_sheet_page_is_written_as_a_png_to_look_at(sheet, tmp_path):
    source = tmp_path / "sheet.pdf"
    source.write_bytes(sheet)
    PNG_DIR.mkdir(parents=True, exist_ok=True)
    target = PNG_DIR / "fiche-action-beneficiaires"
    subprocess.run(["pdftoppm", "-png", "-r", "80", "-singlefile", str(source), str(target)], check=True)
    assert (PNG_DIR / "fiche-action-beneficiaires.png").stat().st_size > 10_000


def test_a_draft_action_sheet_with_beneficiaries_is_a_404_for_an_anonymous_visitor(pedt):
    beneficiaries(pedt.draft, year=2025, total=12)
    assert client_for().get(f"/strategies/pedt-test/actions/{pedt.draft.slug}.pdf").status_code == 404
