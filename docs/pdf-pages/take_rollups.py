"""Page images of the roll-up sections of the demo's yearly report and strategy document (not part of the
test suite); the same set-up as ``take.py``.

Usage, from the project's root:
    DEBUG=1 .venv/bin/python docs/pdf-pages/take_rollups.py
"""

import re
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import take


def page_of(pdf, heading):
    """The first page (1-based) whose body starts a line with ``heading``."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "document.pdf"
        path.write_bytes(pdf)
        text = subprocess.run(["pdftotext", "-layout", path, "-"], check=True, capture_output=True, text=True)
    for number, page in enumerate(text.stdout.split("\f"), start=1):
        if re.search(rf"^\s*{heading}", page, re.M):
            return number
    raise LookupError(heading)


def main():
    take.setup()
    from documents.enums import DocumentKind

    report = take.render(DocumentKind.REPORT, take.SLUG, year=2025)
    start = page_of(report, "L ?’avancement en résumé")
    take.pages(report, [(start, "avancement"), (start + 1, "avancement-suite")], "rapport-2025")
    strategy = take.render(DocumentKind.STRATEGY, take.SLUG)
    take.pages(strategy, [(page_of(strategy, "L ?’avancement des actions"), "avancement")], "strategie")


if __name__ == "__main__":
    main()
