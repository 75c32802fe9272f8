"""PDF/UA-1 beside PDF/A-3u: the three documents read back with pikepdf as a screen reader walks them.

Rendered directly (HTML, then WeasyPrint and ``documents.pdfua.finish``), not through the downloads.
"""

import io
import re
from collections import Counter

import page
import pikepdf
import pytest
from django.contrib.auth.models import AnonymousUser

from actors.roles import INSIDE_AUDIENCE, AudienceReader
from documents import content, content_review, pdfua, rendering
from tests.documents import pdf_structure
from tests.documents.rounds import build_rounds

# Module fixtures hold the data; each test still runs in its own rolled-back transaction.
pytestmark = pytest.mark.django_db

YEAR = 2024
#: The documents drawn without a chart.
NO_CHARTS = ("action", "review")


def _render(template, context):
    html = rendering.render_html(template, context)
    return html, rendering.html_to_pdf(html)


@pytest.fixture(scope="module")
def documents(pedt):
    """Each document's HTML and PDF, rendered once for the module; the report prints its year's
    reporting round (answers, no answer, beneficiaries), whose tables are checked with the rest."""
    build_rounds(pedt)
    user = AnonymousUser()
    action = (
        content.action_sheet_queryset(pedt.strategy, user)
        .select_related("strategy__territory")
        .get(pk=pedt.actions[0].pk)
    )
    return {
        "strategy": _render(
            "documents/strategy_document.html", content.strategy_document(pedt.strategy, user)
        ),
        "report": _render("documents/yearly_report.html", content.yearly_report(pedt.strategy, YEAR, user)),
        "action": _render("documents/action_sheet.html", content.action_sheet(action, user)),
        # The State's yearly review is read by the strategy's team only: rendered as they read it.
        "review": _render(
            "documents/annual_review.html",
            content_review.annual_review_context(pedt.strategy, YEAR, AudienceReader(INSIDE_AUDIENCE)),
        ),
    }


@pytest.fixture(params=["strategy", "report", "action", "review"])
def document(request, documents):
    """(name, html, pdf bytes, structure read back) for each of the three documents."""
    html, pdf = documents[request.param]
    return request.param, html, pdf, pdf_structure.read(pdf)


def _xmp(pdf):
    with pikepdf.open(io.BytesIO(pdf)) as opened:
        metadata = opened.Root.Metadata
        return metadata.read_bytes().decode(), "/Filter" in metadata


def test_it_declares_pdf_ua_1_and_stays_pdf_a_3u(document):
    _name, _html, pdf, _structure = document
    xmp, filtered = _xmp(pdf)
    assert re.search(r'pdfuaid:part="1"', xmp)
    assert re.search(r'pdfaid:part="3"', xmp) and re.search(r'pdfaid:conformance="U"', xmp)
    # PDF/A accepts pdfuaid only with its extension schema, in an uncompressed stream.
    assert "<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>" in xmp
    assert not filtered


def test_it_is_marked_titled_and_in_french(document):
    _name, html, _pdf, structure = document
    root = structure.pdf.Root
    assert root.MarkInfo.Marked is True
    assert root.ViewerPreferences.DisplayDocTitle is True
    assert str(root.Lang) == "fr"
    title = re.search(r"<title>(.*?)</title>", html, re.S).group(1).strip()
    assert title and str(structure.pdf.docinfo.Title) == title.replace("&#x27;", "'")
    assert "<dc:title>" in _xmp(_pdf)[0]


@pytest.mark.parametrize("profile", ["ua1", "3u"])
def test_an_offline_validator_finds_it_conformant(document, profile):
    """page (Rust, veraPDF's test corpus passes) checks PDF/UA-1 and PDF/A-3u."""
    _name, _html, pdf, _structure = document
    report = page.validate_pdf_bytes(pdf, profile=profile)
    assert report.is_compliant, [f"{failure.rule_id}: {failure.message}" for failure in report.failures]


def test_every_table_header_has_a_scope(document):
    name, html, _pdf, structure = document
    headers = structure.elements("TH")
    assert headers, name
    assert all(str(header.attributes.get("Scope")) in ("/Row", "/Column") for header in headers)
    # The HTML says it too: every th of the templates has its scope.
    assert re.findall(r"<th\b(?![^>]*\bscope=)[^>]*>", html) == []


def test_every_figure_has_a_text_alternative(document):
    name, html, _pdf, structure = document
    figures = structure.elements("Figure")
    assert len(figures) == html.count('<img class="chart-image"')
    if name not in NO_CHARTS:
        assert figures
    assert all(figure.alt and figure.alt.strip() for figure in figures)


def test_a_charts_alternative_names_it_and_its_caption_is_heard_once(document):
    name, _html, _pdf, structure = document
    for figure in structure.elements("Figure"):
        assert figure.alt.startswith("Graphique : ")
        # The caption follows with the description: the alternative does not say it a second time.
        assert pdf_structure.normalise(figure.alt).removeprefix("Graphique : ") in structure.spoken()
        assert structure.spoken().count(pdf_structure.normalise(figure.alt)) == 1


def test_a_screen_reader_reads_each_charts_alternative_not_its_tick_labels(document):
    name, _html, _pdf, structure = document
    if name in NO_CHARTS:
        pytest.skip("a fiche action and the yearly review have no chart")
    owners = {
        kid: element for element in structure.root.walk() for kid in element.kids if isinstance(kid, tuple)
    }
    labels = {key: texts for key, (tag, texts) in structure.marked_parts.items() if tag == "Figure" and texts}
    assert sum(len(texts) for texts in labels.values()) > 10  # the charts draw their labels as text
    spoken = structure.spoken()
    for key, texts in labels.items():
        figure = owners[key]
        assert figure.tag == "Figure" and figure.alt, texts[:5]
        assert pdf_structure.normalise(figure.alt) in spoken
        # « 0 75 150 225 300 », the y axis read aloud, never.
        assert " ".join(texts[:4]) not in spoken
    assert all(text == "" for text in structure.untagged_text)


def test_running_titles_and_page_numbers_are_artifacts(document):
    name, _html, _pdf, structure = document
    pages = len(structure.pdf.pages)
    assert f"1 / {pages}" in structure.artifact_text[0] or name == "strategy"  # no number on the cover
    assert f"{pages} / {pages}" in structure.artifact_text[-1]
    assert f"{pages} / {pages}" not in structure.spoken()
    # Every marked-content sequence is either an artifact or content reachable in the tree.
    reachable = {kid for element in structure.root.walk() for kid in element.kids if isinstance(kid, tuple)}
    assert set(structure.marked_text) - reachable == set()


def test_heading_levels_start_at_one_and_never_skip(document):
    name, _html, _pdf, structure = document
    levels = structure.heading_levels()
    assert levels[0] == 1
    skips = [(before, after) for before, after in zip(levels, levels[1:], strict=False) if after > before + 1]
    assert skips == [], name
    assert 2 in levels


def _grid_widths(table):
    rows = []
    for kid in table.children("TR", "THead", "TBody", "TFoot"):
        rows.extend([kid] if kid.tag == "TR" else kid.children("TR"))
    widths, carried = [], Counter()
    for index, row in enumerate(rows):
        width = carried.pop(index, 0)
        for cell in row.children("TH", "TD"):
            span = int(cell.attributes.get("ColSpan", 1))
            width += span
            for below in range(1, int(cell.attributes.get("RowSpan", 1))):
                carried[index + below] += span
        widths.append(width)
    return widths


def test_every_row_of_a_table_has_as_many_cells_counting_spans(document):
    name, _html, _pdf, structure = document
    tables = structure.elements("Table")
    assert tables, name
    for table in tables:
        widths = _grid_widths(table)
        assert len(set(widths)) == 1, (name, widths, structure.text_of(table)[:120])


def _cell_headers(structure):
    """Each data cell's text and the texts of the headers it points at."""
    by_id = {bytes(element.obj.ID): element for element in structure.elements("TH")}
    return [
        (
            structure.text_of(cell),
            [structure.text_of(by_id[bytes(key)]) for key in cell.attributes.get("Headers", [])],
        )
        for cell in structure.elements("TD")
    ]


def test_a_budget_cell_is_announced_with_its_axis_funder_year_and_total_headers(documents, pedt):
    structure = pdf_structure.read(documents["strategy"][1])
    ids = structure.pdf.Root.StructTreeRoot.IDTree.Names
    assert len(ids) // 2 == len(structure.elements("TH"))  # every header findable by its ID
    cells = _cell_headers(structure)
    axis = pedt.axes[0]
    subtotal = next(headers for text, headers in cells if f"Sous-total axe {axis.number}" in headers)
    assert subtotal[0] in ("2023", "2024", "2025", "2026") and subtotal[-1] == f"Sous-total axe {axis.number}"
    assert any(h.startswith(f"Axe {axis.number} —") for h in subtotal)  # its row group
    grand_total = [headers for _text, headers in cells if "Total prévu" in headers]
    assert grand_total and not any(h.startswith("Axe ") for headers in grand_total for h in headers)


def test_the_action_sheets_total_row_points_at_the_planned_and_executed_columns(documents):
    structure = pdf_structure.read(documents["action"][1])
    # The budget table's total row (its row header is « Total »; the beneficiaries' table has a
    # « Total » column, whose cells are headed by their year).
    totals = [headers for _text, headers in _cell_headers(structure) if headers and headers[-1] == "Total"]
    assert [headers[0] for headers in totals if headers[0] != "Financeur"] == ["Prévu", "Réalisé"]


def test_finishing_twice_declares_pdf_ua_once(documents):
    pdf = documents["action"][1]
    again = pdfua.finish(pdf)
    xmp, _filtered = _xmp(again)
    assert xmp.count("pdfuaid:part") == 1
    assert xmp.count("<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>") == 1
    assert page.validate_pdf_bytes(again, profile="ua1").is_compliant
