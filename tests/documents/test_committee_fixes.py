"""What a steering committee notices in the demo's PDFs: every page says whether it is a working draft or
a frozen version, the SWOT reads in the French order, headings stay with their charts, and the French
is right (plurals, « 1er », apostrophes).

The PDFs are rendered the way the download and the freezing do (``content`` → ``render_html`` →
``html_to_pdf``) and read back with pypdf (text) and pdftotext (word positions).
"""

import datetime
import functools
import re
import subprocess
import tempfile
import xml.etree.ElementTree as ET

import pytest
from django.contrib.auth.models import AnonymousUser

from demo.load import load_demo
from documents import content, rendering
from documents.enums import VersionKind
from documents.models import StrategyVersion
from shared.formatting import long_date
from strategy.enums import SwotKind
from strategy.models import Strategy, SwotItem, Workshop
from tests.documents.conftest import pdf_pages

pytestmark = pytest.mark.django_db

FINGERPRINT = "3f0c9a51d2e47b86a1c5e9d03b7f6a2c48e1d9b5a7c3f0e2d6b8a4c1e7f9d3b5"
MONTHS = "janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre"
REPORT_SECTIONS = [
    "Les actions par axe et par statut",
    "L’avancement en résumé",
    "Ce qui a changé en 2025",
    "Les indicateurs face à leur cible",
    "Le budget 2025 : prévu et réalisé par financeur",
    "Les décisions de 2025",
]
#: The top margin (20 mm) holds the running header, the bottom one (18 mm) the footer.
TOP_MARGIN_PT = 20 / 25.4 * 72
MM = 72 / 25.4


@functools.cache
def pages_of(pdf_bytes):
    """Each page's text (pypdf is slow: read each PDF once)."""
    return tuple(pdf_pages(pdf_bytes))


def text_of(pdf_bytes):
    return "\n".join(pages_of(pdf_bytes))


def squeezed(text):
    """Text without its spaces, with typographic apostrophes: what a reader sees, wherever lines wrap."""
    return re.sub(r"\s+", "", text).replace("'", "’")


def render(template_name, context):
    return rendering.html_to_pdf(rendering.render_html(template_name, context))


@pytest.fixture(scope="module")
def demo(module_data):
    load_demo()
    return {strategy.slug: strategy for strategy in Strategy.objects.select_related("territory")}


@pytest.fixture(scope="module")
def cite_document(demo):
    context = content.strategy_document(
        demo["cite-educative-exemple"], AnonymousUser(), document_date=datetime.date(2025, 12, 1)
    )
    return render("documents/strategy_document.html", context)


@pytest.fixture(scope="module")
def report_context(demo):
    return content.yearly_report(demo["pedt-ivry-sur-seine"], 2025, AnonymousUser())


@pytest.fixture(scope="module")
def report(report_context):
    return render("documents/yearly_report.html", report_context)


@pytest.fixture(scope="module")
def action_sheet_context(demo):
    action = content.action_sheet_queryset(demo["pedt-ivry-sur-seine"], AnonymousUser()).first()
    return content.action_sheet(action, AnonymousUser())


@pytest.fixture(scope="module")
def action_sheet(action_sheet_context):
    return render("documents/action_sheet.html", action_sheet_context)


def frozen_version(strategy, fingerprint):
    # Frozen at 23:30 UTC on 30 November: already 1 December in Paris, the date the footer gives.
    frozen_at = datetime.datetime(2026, 11, 30, 23, 30, tzinfo=datetime.UTC)
    version = StrategyVersion(
        strategy=strategy,
        number=2,
        kind=VersionKind.AMENDMENT,
        frozen_at=frozen_at,
        content_sha256=fingerprint,
    )
    context = content.strategy_document(
        strategy, AnonymousUser(), document_date=frozen_at.date(), version=version
    )
    return render("documents/strategy_document.html", context)


@pytest.fixture(scope="module")
def frozen(pedt):
    return frozen_version(pedt.strategy, FINGERPRINT)


def words_by_page(pdf_bytes):
    """Each page's words with their boxes (points from the top-left corner), from pdftotext -bbox."""
    with tempfile.NamedTemporaryFile(suffix=".pdf") as pdf:
        pdf.write(pdf_bytes)
        pdf.flush()
        xhtml = subprocess.run(
            ["pdftotext", "-bbox", pdf.name, "-"], capture_output=True, text=True, check=True
        ).stdout
    namespace = {"x": "http://www.w3.org/1999/xhtml"}
    pages = []
    for page in ET.fromstring(xhtml).iterfind(".//x:page", namespace):
        pages.append(
            [
                {
                    "text": word.text or "",
                    **{key: float(word.get(key)) for key in ("xMin", "xMax", "yMin", "yMax")},
                }
                for word in page.iterfind("x:word", namespace)
            ]
        )
    return pages


# --- Working draft or frozen version, on every page ---------------------------------------------------


def test_every_page_of_the_live_documents_says_working_draft_with_the_content_date(
    cite_document, report, report_context, action_sheet, action_sheet_context
):
    for pdf, document_date in [
        (cite_document, datetime.date(2025, 12, 1)),
        (report, report_context["document_date"]),
        (action_sheet, action_sheet_context["document_date"]),
    ]:
        for text in pages_of(pdf):
            assert f"Document de travail — non signé — état au {long_date(document_date)}" in text
            assert "figée le" not in text and "empreinte" not in text
    assert "état au 1er décembre 2025" in pages_of(cite_document)[0]


def test_every_page_but_the_cover_gives_its_number_out_of_the_total(cite_document, report, action_sheet):
    cover, *pages = pages_of(cite_document)
    assert f"1 / {len(pages) + 1}" not in cover
    for number, text in enumerate(pages, start=2):
        assert f"{number} / {len(pages) + 1}" in text
    for pdf in (report, action_sheet):
        pages = pages_of(pdf)
        for number, text in enumerate(pages, start=1):
            assert f"{number} / {len(pages)}" in text


def test_every_page_of_a_frozen_version_gives_its_number_date_and_content_fingerprint(frozen):
    pages = pages_of(frozen)
    for text in pages:
        assert (
            "Version 2 — figée le 1er décembre 2026 — empreinte du contenu (SHA-256) : " + FINGERPRINT in text
        )
        assert "Document de travail" not in text and "non signé" not in text


def test_the_fingerprint_fits_within_the_page_in_one_piece(frozen):
    for page in words_by_page(frozen):
        fingerprint = [word for word in page if word["text"] == FINGERPRINT]
        assert len(fingerprint) == 1
        # Inside the right margin (17 mm) and below the text area: a footer, not a cut-off line.
        assert fingerprint[0]["xMax"] <= (210 - 17) * MM
        assert fingerprint[0]["yMin"] >= (297 - 18) * MM


def test_a_frozen_version_without_fingerprint_prints_no_empty_label(pedt):
    for text in pages_of(frozen_version(pedt.strategy, "")):
        assert "Version 2 — figée le 1er décembre 2026" in text
        assert "empreinte" not in text and "SHA-256" not in text


# --- The SWOT grid and the workshops ------------------------------------------------------------------


def test_each_axis_diagnosis_reads_forces_faiblesses_opportunites_menaces(cite_document):
    text = text_of(cite_document)
    start = text.index("Le diagnostic partagé")
    diagnosis = text[start : text.index("Axe 1 — Conforter le rôle de l’école", start)]
    blocks = re.split(r"Diagnostic de l’axe \d", diagnosis)[1:]
    assert len(blocks) == 3
    for block in blocks:
        assert re.findall(r"\b(Force|Faiblesse|Opportunité|Menace)\b", block) == [
            "Force",
            "Faiblesse",
            "Opportunité",
            "Menace",
        ]


def test_swot_items_come_in_reading_order_wherever_they_are_listed(demo):
    kinds = list(
        SwotItem.objects.filter(strategy=demo["cite-educative-exemple"], axis__number=1).values_list(
            "kind", flat=True
        )
    )
    assert kinds == [kind.value for kind in SwotKind]
    assert list(SwotKind) == [SwotKind.STRENGTH, SwotKind.WEAKNESS, SwotKind.OPPORTUNITY, SwotKind.THREAT]


def test_the_workshop_table_names_each_phase_once(cite_document):
    table = squeezed(text_of(cite_document))
    assert squeezed("Temps 1 — Temps 1") not in table and squeezed("Temps 2 — Temps 2") not in table
    # The row of 10 June 2021: date, workshop, axis, participants.
    assert squeezed("10 juin 2021 Temps 1 — Axe 1 : Conforter le rôle de l’école 1 29") in table
    assert squeezed("Démarche partenariale — Réunion partenariale de lancement — 18") in table


def test_a_workshop_title_gets_its_phase_unless_it_starts_with_it():
    assert Workshop(title="Atelier de l’axe 1", phase="Temps 1").full_title == "Temps 1 — Atelier de l’axe 1"
    assert Workshop(title="Temps 1 — Axe 1", phase="Temps 1").full_title == "Temps 1 — Axe 1"
    assert Workshop(title="Atelier", phase="").full_title == "Atelier"


# --- Headers, headings and charts ---------------------------------------------------------------------


def test_each_chart_is_on_the_page_of_its_heading(report, report_context):
    pages = pages_of(report)
    captioned = [
        ("Le budget 2025 : prévu et réalisé par financeur", "Financements prévus et réalisés par année")
    ]
    captioned += [
        (f"{indicator.code} — {indicator.name}", f"Évolution de l’indicateur « {indicator.name} »")
        for indicator in report_context["indicators"]
    ]
    assert len(captioned) > 10
    for heading, caption in captioned:
        # Compared without spaces: a caption or a heading may wrap at a hyphen (« Tut-tut »).
        holding_caption = [text for text in pages if squeezed(caption) in squeezed(text)]
        assert len(holding_caption) == 1, caption
        assert squeezed(heading) in squeezed(holding_caption[0]), f"{caption!r} is not under {heading!r}"


def running_header(page):
    """The section the running header names ("" if none) and its distance to the title, in points."""
    words = sorted((word for word in page if word["yMax"] < TOP_MARGIN_PT), key=lambda word: word["xMin"])
    edges, right = [], 0.0
    for index, word in enumerate(words):
        if index:
            edges.append((word["xMin"] - right, index))
        right = max(right, word["xMax"])
    # The section sits right of the title: the header's widest gap between words separates them.
    gap, split = max(edges)
    reading = sorted(words[split:], key=lambda word: (round(word["yMin"]), word["xMin"]))
    section = " ".join(word["text"] for word in reading)
    return (section, gap) if section in REPORT_SECTIONS else ("", None)


def test_the_running_header_title_and_section_never_touch(report):
    headers = [running_header(page) for page in words_by_page(report)]
    assert len([section for section, _gap in headers if section]) >= 4
    for section, gap in headers:
        if section:
            assert gap >= 4 * MM, f"{section!r} is {gap / MM:.1f} mm from the document title"


def test_the_running_header_names_the_section_in_force_at_the_top_of_the_page(report):
    in_force = ""
    for page in words_by_page(report):
        body = sorted(
            (word for word in page if TOP_MARGIN_PT < word["yMin"] < (297 - 18) * MM),
            key=lambda word: (word["yMin"], word["xMin"]),
        )
        first_line = " ".join(word["text"] for word in body if abs(word["yMin"] - body[0]["yMin"]) < 1)
        in_force = next((section for section in REPORT_SECTIONS if first_line.startswith(section)), in_force)
        assert running_header(page)[0] == in_force
        # The page's last section heading is the one in force at the top of the next page.
        text = " ".join(word["text"] for word in body)
        in_force = max(
            (section for section in REPORT_SECTIONS if section in text), key=text.index, default=in_force
        )


def test_a_qualitative_chart_names_the_ratings_on_its_axis(report, report_context):
    qualitative = [
        indicator for indicator in report_context["indicators"] if indicator.code.startswith("QUAL")
    ]
    assert qualitative
    for indicator in qualitative:
        tick_labels = re.findall(r'text-anchor="end"[^>]*>([^<]*)</text>', indicator.chart.svg)
        assert tick_labels == ["", "Très insuffisant", "Insuffisant", "Satisfaisant", "Très satisfaisant"]
    page = next(text for text in pages_of(report) if qualitative[0].code in text)
    for label in ("Très insuffisant", "Insuffisant", "Satisfaisant", "Très satisfaisant"):
        assert label in page


# --- French ---------------------------------------------------------------------------------------------


def test_one_funder_is_written_in_the_singular(demo):
    text = text_of(
        render(
            "documents/yearly_report.html",
            content.yearly_report(demo["pedt-ivry-sur-seine"], 2024, AnonymousUser()),
        )
    )
    assert "1 financeur." in text
    assert "1 financeurs" not in text


def test_the_first_of_the_month_is_1er(report, cite_document, frozen):
    assert "début le 1er septembre" in text_of(report)
    assert "Du 1er septembre 2021 au 31 août 2024" in text_of(cite_document)
    for pdf in (report, cite_document, frozen):
        assert not re.search(rf"\b1 ({MONTHS})\b", text_of(pdf))


def test_no_straight_apostrophe_in_the_documents_text(cite_document, report, action_sheet, frozen):
    for pdf in (cite_document, report, action_sheet, frozen):
        text = text_of(pdf)
        assert "’" in text
        assert "'" not in text, re.findall(r"\S*'\S*", text)[:5]
