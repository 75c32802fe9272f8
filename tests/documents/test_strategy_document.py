"""The strategy document (/strategies/<slug>/document.pdf), read back with pypdf."""

import io
import re

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.test.utils import CaptureQueriesContext
from pypdf import PdfReader

from documents import content, rendering
from tests.documents.builders import (
    CONTRIBUTION_BODY,
    DRAFT_TITLE,
    SECRET_EMAIL,
    SECRET_PHONE,
    UNPUBLISHED_INDICATOR,
    build_strategy,
)
from tests.documents.conftest import client_for, pdf_pages, pdf_text
from tests.queue import download

# Module fixtures hold the data; each test still runs in its own rolled-back transaction.
pytestmark = pytest.mark.django_db

URL = "/strategies/pedt-test/document.pdf"


@pytest.fixture(scope="module")
def anonymous_pdf(pedt):
    response = download(client_for(), URL)
    assert response.status_code == 200
    return response


@pytest.fixture(scope="module")
def staff_pdf(pedt, coordination):
    return download(client_for(coordination), URL).content


@pytest.fixture(scope="module")
def anonymous_pages(anonymous_pdf):
    return pdf_pages(anonymous_pdf.content)


@pytest.fixture(scope="module")
def anonymous_text(anonymous_pages):
    return "\n".join(anonymous_pages)


def test_it_is_an_inline_pdf_with_a_filename(anonymous_pdf):
    assert anonymous_pdf["Content-Type"] == "application/pdf"
    assert anonymous_pdf["Content-Disposition"] == 'inline; filename="pedt-test.pdf"'
    assert anonymous_pdf.content.startswith(b"%PDF-")


def test_it_holds_the_axes_orientations_and_validated_actions(pedt, anonymous_text):
    for axis in pedt.axes:
        assert axis.title in anonymous_text
    for orientation in pedt.orientations:
        assert orientation.title in anonymous_text
    for action in pedt.actions:
        assert f"{action.code} — Action" in anonymous_text
    assert "Résumé clair de l’action 1 pour les familles." in anonymous_text


def test_it_prints_every_action_it_counts(pedt, anonymous_text):
    counted = int(re.search(r"(\d+) actions", anonymous_text).group(1))
    printed = set(re.findall(r"(\d+\.\d+) — Action", anonymous_text))
    assert counted == len(printed) == len(pedt.actions)


def test_it_holds_indicator_baselines_targets_and_latest_values(anonymous_text):
    assert "Places en crèche municipale" in anonymous_text
    assert re.search(
        r"IND-1 Places en crèche municipale \(places\) 200 2021 260 2026 245 2024", anonymous_text
    )
    assert "Collégiens touchés par une action culturelle" in anonymous_text
    # The shared chart (charts.svg), with its caption.
    assert "Évolution de l’indicateur « Places en crèche municipale »" in anonymous_text


def test_it_holds_the_budget_totals_by_axis_and_overall(pedt, anonymous_text):
    # Per action 12 500 € (2024, CAF) + 7 500 € (2025, Préfecture); 8 published actions.
    assert "Sous-total axe 1 50 000 € 30 000 € 80 000 €" in anonymous_text
    assert "Total prévu 100 000 € 60 000 € 160 000 €" in anonymous_text


def test_it_ends_with_one_signature_block_per_signatory(pedt, anonymous_pages):
    last_page = anonymous_pages[-1]
    assert "Les signataires" in last_page
    for signatory in pedt.signatories:
        assert signatory.organisation.name.replace("'", "’") in last_page  # typographic apostrophes
        assert (
            f"{signatory.representative}, {signatory.representative_title.replace(chr(39), '’')}" in last_page
        )
    assert last_page.count("Fait à") == len(pedt.signatories)


def test_the_table_of_contents_gives_the_pages_where_the_headings_are(anonymous_pages):
    pages = anonymous_pages
    toc = pages[1]
    assert "Sommaire" in toc
    entries = re.findall(
        r"((?:Axe|Orientation) \d+ — [^.]+?|Les [a-z]+|Présentation et gouvernance)\s*\.{3,}\s*(\d+)", toc
    )
    assert len(entries) >= 8
    previous = 3
    for heading, page_number in entries:
        # Entries come in document order: the heading is on the first page showing it from the
        # previous entry's page on (a transversal orientation appears under several axes).
        first = next(
            number
            for number, text in enumerate(pages, start=1)
            if number >= previous and heading.strip() in text
        )
        assert first == int(page_number), f"{heading!r}: announced on page {page_number}, found on {first}"
        previous = first
    axis_pages = [int(n) for heading, n in entries if heading.startswith("Axe")]
    assert axis_pages == sorted(axis_pages) and len(set(axis_pages)) == 2


def test_every_page_after_the_cover_shows_its_number_out_of_the_total(anonymous_pages):
    pages = anonymous_pages
    total = len(pages)
    assert f"1 / {total}" not in pages[0]
    for number, text in enumerate(pages[1:], start=2):
        assert f"{number} / {total}" in text
        assert "Projet éducatif territorial d’Ivry-sur-Seine" in text  # the running header


def test_anonymous_visitor_never_sees_drafts_unpublished_indicators_or_personal_data(anonymous_text):
    assert DRAFT_TITLE not in anonymous_text
    assert UNPUBLISHED_INDICATOR not in anonymous_text
    assert SECRET_EMAIL not in anonymous_text
    assert "dominique.publique@example.org" not in anonymous_text
    assert SECRET_PHONE not in anonymous_text
    assert "01 11 22 33 44" not in anonymous_text
    assert "Camille Secret" not in anonymous_text  # no public consent: not even the name
    assert "Dominique Publique, Coordinatrice PEDT" in anonymous_text  # consented: name and title
    assert CONTRIBUTION_BODY not in anonymous_text
    assert "99 000" not in anonymous_text  # the draft's budget is not in the totals


def test_coordination_reads_drafts_and_contact_details(staff_pdf):
    text = pdf_text(staff_pdf)
    assert DRAFT_TITLE in text
    assert UNPUBLISHED_INDICATOR in text
    assert SECRET_EMAIL in text


def test_it_is_a_tagged_pdf_a_with_the_projects_fonts_embedded(anonymous_pdf):
    reader = PdfReader(io.BytesIO(anonymous_pdf.content))
    root = reader.trailer["/Root"]
    assert bool(root["/MarkInfo"]["/Marked"])
    assert "/StructTreeRoot" in root
    metadata = root["/Metadata"].get_object().get_data()
    assert b'pdfaid:part="3" pdfaid:conformance="U"' in metadata
    fonts = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descendant = font["/DescendantFonts"][0].get_object()
            assert "/FontFile2" in descendant["/FontDescriptor"]
            fonts.add(str(font["/BaseFont"]).split("+")[-1])
    # Charts included: every font is one of the project's (static/fonts), none from the system.
    assert {"Citedu-Sans", "Citedu-Sans-Bold"} <= fonts
    assert all(name.startswith("Citedu-Sans") for name in fonts), fonts


def test_unknown_strategy_gives_404():
    assert client_for().get("/strategies/nope/document.pdf").status_code == 404


def test_its_queries_are_bounded(pedt, anonymous_pdf, django_assert_max_num_queries):
    with django_assert_max_num_queries(18):
        assert download(client_for(), URL).status_code == 200


def _document_queries(strategy):
    with CaptureQueriesContext(connection) as queries:
        rendering.render_html(
            "documents/strategy_document.html", content.strategy_document(strategy, AnonymousUser())
        )
    return len(queries)


def test_its_queries_do_not_grow_with_ten_times_more_actions(pedt):
    large = build_strategy("pedt-large", actions_per_orientation=20, prefix="Grand ")
    assert len(large.actions) == 10 * len(pedt.actions)
    assert _document_queries(large.strategy) == _document_queries(pedt.strategy)
