"""The strategy document's PDF with bounded memory: one WeasyPrint pass when it is small, parts when large.

WeasyPrint keeps every page's layout (boxes, styles, Pango layouts) until it writes the file: about
1.3 MB per fiche action, 1.5 GB for 1,000 actions. Above ``CITEDU_DOCUMENT_PART_SIZE`` sheets, the
print HTML is cut into parts (``documents.splitting``), each a WeasyPrint document rendered in a child
process (``documents.parts``) that renders them one after the other, so the memory of a part is reused
by the next and given back when the document is done. Two passes give the pages their numbers:

1. every part but the first (cover, table of contents) is laid out and written: its page count, its
   anchors' pages, its headings;
2. the first part is rendered with the table of contents' page numbers now known (again if its own
   length changed), then empty pages carrying only the page-number box (« 12 / 497 »), one per page.

``documents.merging`` puts them together: one file, one structure tree, one outline, one set of named
destinations, the page numbers drawn on each page. ``finish`` runs once on the whole.
"""

import contextlib
import ctypes
import gc
import logging

from django.conf import settings

from documents import rendering
from documents.parts import NO_PAGE_NUMBER_CSS, PartJob, PartRenderer, page_numbers_job
from documents.splitting import SHEET_TAG, SplitError, Splitter, carry_css, toc_css

logger = logging.getLogger(__name__)

TEMPLATE = "documents/strategy_document.html"

#: The parts' process yields to the web server's (higher is nicer to others).
RENDER_NICENESS = 10

#: Renderings of the first part until the table of contents' page numbers hold (its length is stable).
MAX_FRONT_RENDERINGS = 4


def finish(pdf):
    """The last step, once, on an assembled file: PDF/UA-1 (``documents.pdfua``).

    A single-pass document is finished by ``rendering.html_to_pdf`` itself; parts are rendered without
    it, and the assembled file goes through it once.
    """
    from documents import pdfua

    return pdfua.finish(pdf)


def render_strategy_pdf(context):
    """The strategy document's PDF for a ``documents.content.strategy_document`` context."""
    return pdf_for_html(rendering.render_html(TEMPLATE, context))


def render_pdf(kind, html):
    """The PDF of a document of this kind (``documents.enums.DocumentKind``) from its print HTML.

    What the worker and the freezing call. Every kind goes the same way: the number of sheets decides.
    """
    return pdf_for_html(html)


def pdf_for_html(html, part_size=None):
    """The PDF of a print HTML: one WeasyPrint pass up to ``part_size`` sheets, else parts assembled.

    Either way PDF/A-3u and PDF/UA-1, with no stream a validator could misread (``stream_ends``).
    """
    # Imported here: pikepdf is for the worker, not for web processes.
    from documents import stream_ends

    return stream_ends.unambiguous(_pdf(html, part_size or settings.CITEDU_DOCUMENT_PART_SIZE))


def _pdf(html, part_size):
    if html.count(f"<{SHEET_TAG}") <= part_size:
        return rendering.html_to_pdf(html)
    try:
        splitter = Splitter(html, part_size)
        if len(splitter.parts) < 2:
            return rendering.html_to_pdf(html)
        plan = _Plan(splitter)
    except SplitError as error:
        logger.warning("Rendering in one pass: %s", error)
        return rendering.html_to_pdf(html)
    return finish(plan.render())


class _Plan:
    """The parts of one document, their jobs and their results."""

    def __init__(self, splitter):
        self.splitter = splitter
        self.parts = splitter.parts
        with_toc = [i for i, part in enumerate(self.parts) if splitter.toc_targets(part)]
        if with_toc and with_toc != [0]:
            raise SplitError("the table of contents must come before the first sheet")
        self.results = [None] * len(self.parts)

    def job(self, index, extra_css=""):
        part = self.parts[index]
        html, carried = self.splitter.part_html(part)
        return PartJob(
            html=html,
            stylesheet=NO_PAGE_NUMBER_CSS + carry_css(carried) + extra_css,
            external_targets=self.splitter.external_targets(part),
            id_prefix=f"p{index}-",
        )

    def render(self):
        with PartRenderer(RENDER_NICENESS) as renderer:
            run = renderer.render
            for index in range(1, len(self.parts)):
                self.results[index] = run(self.job(index))
            self._render_front(run)
            html = self.splitter.html
            body = self.splitter.body
            names = [page.name for result in self.results for page in result.pages]
            numbers = run(page_numbers_job(html[: body.content_start], names, html[body.content_end :]))
        return self._assemble(numbers.pdf)

    def _render_front(self, run):
        """Renders the first part until its length matches the one its page numbers assumed."""
        targets = self.splitter.toc_targets(self.parts[0])
        after_front = {}
        offset = 0
        for result in self.results[1:]:
            for name, page in result.anchor_pages.items():
                after_front.setdefault(name, offset + page)
            offset += len(result.pages)
        front_pages = 0
        for _attempt in range(MAX_FRONT_RENDERINGS):
            numbers = {t: front_pages + after_front[t] + 1 for t in targets if t in after_front}
            result = run(self.job(0, toc_css(numbers)))
            if not targets or len(result.pages) == front_pages:
                break
            front_pages = len(result.pages)
        else:
            logger.warning("The table of contents' page numbers assume %s front pages.", front_pages)
        self.results[0] = result

    def _assemble(self, numbers_pdf):
        # Imported here: pikepdf is needed by the worker for large documents only, not by web processes.
        from documents.merging import Assembler

        assembler = Assembler(self.results[0].pdf, self.results[0].stand_ins)
        for result in self.results[1:]:
            assembler.append(result.pdf, result.stand_ins)
        assembler.write_outline([page.bookmarks for result in self.results for page in result.pages])
        assembler.draw_page_numbers(numbers_pdf)
        pdf = assembler.result()
        del assembler
        _give_back_memory()
        return pdf


def _give_back_memory():
    """qpdf's objects (some 100 per action) were small allocations: give their pages back to the system.

    Before the file is opened again to be finished, which takes as much.
    """
    gc.collect()  # the pikepdf objects of the assembly hold qpdf's until their cycles are collected
    with contextlib.suppress(OSError, AttributeError):  # not glibc: the allocator keeps them
        ctypes.CDLL("libc.so.6").malloc_trim(0)
