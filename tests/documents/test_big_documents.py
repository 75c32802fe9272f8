"""A large strategy document rendered in parts and assembled (documents.assembly), read back by a reader.

A synthetic strategy of 30 actions with parts of 4 sheets: the axes (about 6 visible actions each) are cut,
so some parts start in the middle of an axis. Compared with the same document in one WeasyPrint pass.
"""

import datetime
import io
import re
import subprocess
import tempfile
from dataclasses import dataclass

import page as pdf_validator
import pikepdf
import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import override_settings

from demo.synthetic import load_synthetic
from documents import assembly, content, rendering
from documents.splitting import Splitter
from strategy.models import Action, Strategy

pytestmark = pytest.mark.django_db

SLUG = "grande-strategie"
PART_SIZE = 4
# The page margins of print.css (top 20 mm, bottom 18 mm), in PDF points: the running headers and the
# page numbers are drawn there, the content between.
TOP_MARGIN, BOTTOM_MARGIN, A4_HEIGHT = 20 / 25.4 * 72, 18 / 25.4 * 72, 297 / 25.4 * 72


@pytest.fixture(scope="module")
def strategy(module_data):
    load_synthetic(SLUG, 30, seed=3)
    return Strategy.objects.select_related("territory").get(slug=SLUG)


@pytest.fixture(scope="module")
def document_html(strategy):
    context = content.strategy_document(strategy, AnonymousUser(), document_date=datetime.date(2025, 3, 1))
    return context, rendering.render_html(assembly.TEMPLATE, context)


@pytest.fixture(scope="module")
def assembled(document_html):
    context, _html = document_html
    renders = rendering.render_count
    with override_settings(CITEDU_DOCUMENT_PART_SIZE=PART_SIZE):
        pdf = assembly.render_strategy_pdf(context)
    assert rendering.render_count == renders, "rendered in one pass in this process"
    return pdf


@pytest.fixture(scope="module")
def single_pass(document_html):
    """The same document as a small one is rendered: one WeasyPrint pass (default part size)."""
    context, _html = document_html
    renders = rendering.render_count
    pdf = assembly.render_strategy_pdf(context)
    assert rendering.render_count == renders + 1
    return pdf


def _visible_actions(strategy):
    return list(Action.objects.visible_to(AnonymousUser()).filter(strategy=strategy).in_code_order())


@dataclass
class Page:
    """A page's text as a reader sees it (pdftotext): running header, content, page number."""

    header: str
    body: str
    footer: str


def _region_texts(pdf, top, height):
    """Each page's text in a band of the page (PDF points from the top), in reading order."""
    with tempfile.NamedTemporaryFile(suffix=".pdf") as file:
        file.write(pdf)
        file.flush()
        region = ["-r", "72", "-x", "0", "-y", str(round(top)), "-W", "600", "-H", str(round(height))]
        text = subprocess.run(
            ["pdftotext", *region, file.name, "-"], capture_output=True, text=True, check=True
        )
    return [" ".join(page.split()) for page in text.stdout.split("\f")[:-1]]


def pages_of(pdf):
    body_height = A4_HEIGHT - TOP_MARGIN - BOTTOM_MARGIN
    regions = zip(
        _region_texts(pdf, 0, TOP_MARGIN),
        _region_texts(pdf, TOP_MARGIN, body_height),
        _region_texts(pdf, A4_HEIGHT - BOTTOM_MARGIN, BOTTOM_MARGIN),
        strict=True,
    )
    return [Page(*texts) for texts in regions]


@pytest.fixture(scope="module")
def assembled_pages(assembled):
    return pages_of(assembled)


def test_it_is_cut_into_parts_some_starting_within_an_axis(document_html):
    _context, html = document_html
    splitter = Splitter(html, PART_SIZE)
    assert len(splitter.parts) >= 3
    assert any(part.leaves[0].ancestors and not part.leaves[0].first_of for part in splitter.parts)


def test_every_page_is_numbered_in_sequence_against_the_real_total(assembled_pages):
    total = len(assembled_pages)
    assert not re.search(r"\d+ / \d+", assembled_pages[0].footer)  # the cover
    for number, page in enumerate(assembled_pages[1:], start=2):
        assert page.footer.endswith(f" {number} / {total}")
        assert page.footer.startswith("Document de travail — non signé — état au 1er mars 2025")


def test_the_table_of_contents_points_at_the_pages_of_its_entries(assembled_pages):
    toc = next(page for page in assembled_pages if page.body.startswith("Sommaire"))
    entries = re.findall(
        r"((?:Axe|Orientation) \d+ — .+?|Les indicateurs|Le budget|Les signataires) \.+ (\d+)", toc.body
    )
    assert len(entries) >= 5 + 15 + 3
    for title, number in entries:
        first = next(i for i, page in enumerate(assembled_pages) if title in page.body and page is not toc)
        assert first + 1 == int(number), title


def _outline(pdf):
    with pikepdf.open(io.BytesIO(pdf)) as document:
        pages = {page.obj.objgen: index for index, page in enumerate(document.pages)}
        with document.open_outline() as outline:

            def walk(items, depth):
                for item in items:
                    yield depth, item.title, pages[item.destination[0].objgen]
                    yield from walk(item.children, depth + 1)

            return list(walk(outline.root, 0))


def test_the_outline_has_every_action_at_its_page_under_its_axis(strategy, assembled, assembled_pages):
    outline = _outline(assembled)
    by_title = {title: (depth, page) for depth, title, page in outline}
    actions = _visible_actions(strategy)
    for action in actions:
        title = next(t for t in by_title if t.startswith(f"{action.code} — "))
        depth, page = by_title[title]
        assert depth == 3  # document title > axis > orientation > action
        assert title in assembled_pages[page].body
        assert f"Axe {action.axis.number} — " in assembled_pages[page].header


def test_the_outline_is_the_one_of_a_single_pass(assembled, single_pass):
    assert [title for _d, title, _p in _outline(assembled)] == [
        title for _d, title, _p in _outline(single_pass)
    ]


def test_every_page_has_the_running_headers(assembled_pages):
    for page in assembled_pages[1:]:
        assert page.header.startswith("Stratégie synthétique grande-strategie")
        assert page.header != "Stratégie synthétique grande-strategie"  # and the section


def test_it_holds_the_same_text_in_the_same_order_as_one_pass(assembled_pages, single_pass):
    def words(pages):
        # The table of contents' numbers differ where a part starts a page of its own.
        return re.sub(r"\.{4,} ?\d+", "", " ".join(page.body for page in pages)).split()

    assert words(assembled_pages) == words(pages_of(single_pass))


def _marked_content_ids(page):
    ids = []
    for operands, operator in pikepdf.parse_content_stream(page):
        properties = operands[1] if operator == pikepdf.Operator("BDC") else None
        if isinstance(properties, pikepdf.Dictionary) and "/MCID" in properties:
            ids.append(int(properties.MCID))
    return ids


def test_the_structure_tree_is_whole(assembled):
    with pikepdf.open(io.BytesIO(assembled)) as document:
        root = document.Root.StructTreeRoot
        assert len(root.K) == 1 and root.K[0].S == "/Document"
        roots = [
            o
            for o in document.objects
            if isinstance(o, pikepdf.Dictionary) and o.get("/Type") == "/StructTreeRoot"
        ]
        assert len(roots) == 1
        reachable, stack = set(), [root.K[0]]
        while stack:
            element = stack.pop()
            if isinstance(element, pikepdf.Dictionary) and element.objgen not in reachable:
                reachable.add(element.objgen)
                kids = element.get("/K")
                stack.extend(kids if isinstance(kids, pikepdf.Array) else [kids] if kids is not None else [])
        nums = root.ParentTree.Nums
        parent_tree = {int(nums[i]): nums[i + 1] for i in range(0, len(nums), 2)}
        assert len(parent_tree) == len(nums) // 2  # no key twice
        for index, page in enumerate(document.pages):
            assert int(page.obj.StructParents) == index
            elements = parent_tree[index]
            mcids = _marked_content_ids(page)
            assert mcids and max(mcids) < len(elements)
            # Every piece of marked content on the page belongs to an element of the one tree (the page
            # margins are pagination artifacts: no marked content of theirs is left).
            for mcid in mcids:
                assert elements[mcid].objgen in reachable
                assert elements[mcid].Pg.objgen == page.obj.objgen
        for page in document.pages:
            for annotation in page.obj.get("/Annots", []):
                link = parent_tree[int(annotation.StructParent)]
                assert link.objgen in reachable and link.S == "/Link"
        assert int(root.ParentTreeNextKey) == max(parent_tree) + 1


def _table_of(element):
    while element.S != "/Table":
        element = element.P
    return element.objgen


def test_each_table_cell_names_headers_of_its_own_table(assembled):
    """WeasyPrint names table headers by object ids, unique per process only: the parts' must not meet."""
    with pikepdf.open(io.BytesIO(assembled)) as document:
        elements = [
            o
            for o in document.objects
            if isinstance(o, pikepdf.Dictionary) and o.get("/Type") == "/StructElem"
        ]
        headers = {}
        for element in elements:
            if element.S == "/TH" and "/ID" in element:
                assert str(element.ID) not in headers
                headers[str(element.ID)] = _table_of(element)
        assert len(headers) > 100
        cells = [e for e in elements if e.S == "/TD" and "/A" in e and len(e.A.get("/Headers", []))]
        assert cells
        for cell in cells:
            assert {headers[str(h)] for h in cell.A.Headers} == {_table_of(cell)}


def test_it_stays_pdf_a_with_one_set_of_metadata(assembled, strategy):
    with pikepdf.open(io.BytesIO(assembled)) as document:
        metadata = document.open_metadata()
        assert metadata["pdfaid:part"] == "3" and metadata["pdfaid:conformance"] == "U"
        assert metadata["dc:title"] == strategy.title
        assert document.Root.MarkInfo.Marked
        assert str(document.Root.Lang) == "fr"
        assert document.Root.OutputIntents[0].S == "/GTS_PDFA1"
        fonts = [
            obj
            for obj in document.objects
            if isinstance(obj, pikepdf.Dictionary) and obj.get("/Type") == "/FontDescriptor"
        ]
        assert fonts and all(
            "/FontFile2" in font or "/FontFile3" in font or "/FontFile" in font for font in fonts
        )


def test_the_table_of_contents_links_lead_to_their_entries(assembled, assembled_pages):
    with pikepdf.open(io.BytesIO(assembled)) as document:
        names = document.Root.Names.Dests.Names
        destinations = {str(names[i]): names[i + 1] for i in range(0, len(names), 2)}
        pages = {page.obj.objgen: index for index, page in enumerate(document.pages)}
        toc_index = next(i for i, page in enumerate(assembled_pages) if page.body.startswith("Sommaire"))
        links = [a for a in document.pages[toc_index].obj.get("/Annots", []) if a.Subtype == "/Link"]
        assert len(links) >= 5 + 15 + 3
        for link in links:
            target = pages[destinations[str(link.Dest)][0].objgen]
            assert target > toc_index


@pytest.mark.parametrize("profile", ["ua1", "3u"])
def test_an_offline_validator_finds_the_assembled_file_conformant(assembled, profile):
    """page (Rust, veraPDF's test corpus passes) checks PDF/UA-1 and PDF/A-3u, as for a single pass."""
    report = pdf_validator.validate_pdf_bytes(assembled, profile=profile)
    assert report.is_compliant, [f"{failure.rule_id}: {failure.message}" for failure in report.failures]
