"""Parts of a long document rendered by WeasyPrint in a child process (``documents.assembly``).

``PartRenderer`` starts ``python -m documents.parts``, which renders the jobs it reads on its standard
input one after the other, at a lower priority than the web server, and writes back each result: the
part's PDF and what the assembly needs of its layout (each page's named page, bookmarks and anchors).
A job carries its HTML and stylesheet: nothing here needs the database. The memory WeasyPrint took
for one part is reused for the next, and given back to the system when the renderer stops.
"""

import contextlib
import os
import pickle
import resource
import subprocess
import sys
import time
import traceback
from dataclasses import dataclass, field

import pydyf
from django.conf import settings

from documents import rendering

# WeasyPrint gives the stylesheets passed to it the user's origin, below the document's own (print.css):
# what they change is marked !important.

#: In every part: the page-number box is left empty, the assembly draws it once the total is known.
NO_PAGE_NUMBER_CSS = "@page { @bottom-right { content: none !important; } }\n"

#: The page-number pages: empty pages, with only the bottom-right box of print.css.
PAGE_NUMBERS_CSS = (
    "@page { @top-left { content: none !important; } @top-right { content: none !important; }"
    " @bottom-left { content: none !important; } }\n"
    ".citedu-page { break-before: page; }\n"
)

#: 72 PDF points per inch / 96 CSS pixels per inch.
SCALE = 0.75


@dataclass
class PartJob:
    """What a child renders: one part's HTML and the stylesheet it adds."""

    html: str
    stylesheet: str = ""
    #: Anchors of other parts that this part's links point to: WeasyPrint keeps these links only if it
    #: finds the anchors, so they are given a stand-in here and their real place at assembly.
    external_targets: list = field(default_factory=list)
    #: Makes this part's table-header identifiers unique in the assembled file.
    id_prefix: str = ""
    tags: bool = True


@dataclass
class PageInfo:
    name: str
    #: (level, label, x, y, state), in PDF points from the bottom-left corner.
    bookmarks: list
    anchors: list


@dataclass
class PartResult:
    pdf: bytes
    pages: list
    #: The anchors given a stand-in: their destinations in this part's PDF are not theirs.
    stand_ins: list = field(default_factory=list)
    seconds: float = 0.0
    peak_mb: float = 0.0

    @property
    def anchor_pages(self):
        """Each anchor's page in this part (0-based), the first one when a name repeats."""
        found = {}
        for index, page in enumerate(self.pages):
            for name in page.anchors:
                found.setdefault(name, index)
        return found


def _prefix_table_headers(prefix):
    """A WeasyPrint finisher: table headers are identified by Python object ids, unique only per process."""

    def finisher(_document, pdf):
        for pdf_object in pdf.objects:
            if not isinstance(pdf_object, dict):
                continue
            role = pdf_object.get("S")
            if role == "/TH" and "ID" in pdf_object:
                pdf_object["ID"] = pydyf.String(f"{prefix}{pdf_object['ID'].string}")
            elif role == "/TD" and isinstance(pdf_object.get("A"), dict) and "Headers" in pdf_object["A"]:
                headers = pdf_object["A"]["Headers"]
                pdf_object["A"]["Headers"] = pydyf.Array(pydyf.String(f"{prefix}{h.string}") for h in headers)

    return finisher


def _page_info(page):
    height = page.height
    return PageInfo(
        name=page._page_box.page_type.name or "",
        bookmarks=[
            (level, label, x * SCALE, (height - y) * SCALE, state)
            for level, label, (x, y), state in page.bookmarks
        ],
        anchors=list(page.anchors),
    )


def _peak_rss_mb():
    """This process's peak RSS (VmHWM: unlike ``ru_maxrss``, not raised by the parent it was spawned from)."""
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def render_part(job):
    """Lays out and writes one part: its PDF and what the assembly needs of its layout."""
    from weasyprint import CSS, HTML

    started = time.perf_counter()
    options = {**rendering.PDF_OPTIONS, "pdf_tags": job.tags, "stylesheets": [CSS(string=job.stylesheet)]}
    html = HTML(
        string=job.html,
        base_url=rendering.STATIC_DIR.as_uri() + "/",
        url_fetcher=rendering.static_url_fetcher,
    )
    document = html.render(**options)
    pages = [_page_info(page) for page in document.pages]
    present = {name for page in pages for name in page.anchors}
    stand_ins = [target for target in job.external_targets if target not in present and document.pages]
    for target in stand_ins:
        document.pages[0].anchors[target] = (0, 0, 0, 0)
    finisher = _prefix_table_headers(job.id_prefix) if job.id_prefix else None
    pdf = document.write_pdf(finisher=finisher, **options)
    return PartResult(
        pdf=pdf,
        pages=pages,
        stand_ins=stand_ins,
        seconds=time.perf_counter() - started,
        peak_mb=_peak_rss_mb(),
    )


def page_numbers_job(head_html, page_names, closing_html="</body></html>"):
    """The job of the page-number pages: one empty page per page of the document, of the same named page."""
    names = sorted({name for name in page_names if name})
    stylesheet = PAGE_NUMBERS_CSS + "".join(
        f".citedu-page-{name} {{ page: {name} !important; }}\n" for name in names
    )
    body = "".join(
        f'<div class="citedu-page{f" citedu-page-{name}" if name else ""}"></div>' for name in page_names
    )
    return PartJob(html=head_html + body + closing_html, stylesheet=stylesheet, tags=False)


class RenderError(RuntimeError):
    """A part could not be rendered; the message holds the child's traceback."""


class PartRenderer:
    """A child process rendering parts, one job at a time: ``with PartRenderer() as r: r.render(job)``."""

    def __init__(self, niceness=10):
        self.niceness = niceness
        self.process = None

    def __enter__(self):
        self.process = subprocess.Popen(
            [sys.executable, "-m", "documents.parts", str(self.niceness)],
            cwd=settings.BASE_DIR,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
        )
        return self

    def render(self, job):
        # A child killed between two jobs (out of memory, say) shows as a broken pipe on the way in
        # or an empty answer on the way out: both say it stopped, with its exit code.
        try:
            pickle.dump(job, self.process.stdin, protocol=pickle.HIGHEST_PROTOCOL)
            self.process.stdin.flush()
            ok, result = pickle.load(self.process.stdout)
        except (BrokenPipeError, EOFError):
            raise RenderError(f"The part renderer stopped (exit code {self.process.wait()}).") from None
        if not ok:
            raise RenderError(result)
        return result

    def __exit__(self, *exc_info):
        with contextlib.suppress(BrokenPipeError):  # a dead child leaves the job unread in the pipe
            self.process.stdin.close()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.process.stdout.close()


def serve(niceness):
    """The child's loop: jobs in on stdin, results out on the original stdout (print() goes to stderr)."""
    results = os.fdopen(os.dup(sys.stdout.fileno()), "wb")
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())
    if niceness:
        os.nice(niceness)
    jobs = sys.stdin.buffer
    while True:
        try:
            job = pickle.load(jobs)
        except EOFError:
            return
        try:
            answer = (True, render_part(job))
        except Exception:
            answer = (False, traceback.format_exc())
        pickle.dump(answer, results, protocol=pickle.HIGHEST_PROTOCOL)
        results.flush()


if __name__ == "__main__":
    # Run as a script, this file is ``__main__``: the jobs' classes are those of ``documents.parts``.
    from documents.parts import serve as serve_jobs

    serve_jobs(int(sys.argv[1]) if len(sys.argv) > 1 else 0)
