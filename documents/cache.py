"""PDFs already rendered, kept under ``MEDIA_ROOT/cache/pdf/`` and keyed on their HTML.

Building the HTML is cheap and WeasyPrint is not: the same HTML always gives the same document,
so its SHA-256 is the cache key and any edit that shows in the document gives a new one.
"""

import hashlib
import os
import tempfile
from pathlib import Path

from django.conf import settings

from documents import rendering

#: Bump when the rendering options change, so old PDFs are not served for the same HTML.
CACHE_VERSION = "1"


def cache_dir():
    return Path(settings.MEDIA_ROOT) / "cache" / "pdf"


def cache_key(html):
    payload = f"{CACHE_VERSION}\n{sorted(rendering.PDF_OPTIONS.items())}\n{html}"
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def pdf_for_html(html):
    """The PDF of this HTML: from the cache when it is there, else rendered and stored."""
    path = cache_dir() / f"{cache_key(html)}.pdf"
    try:
        return path.read_bytes()
    except FileNotFoundError:
        pass
    pdf = rendering.html_to_pdf(html)
    path.parent.mkdir(parents=True, exist_ok=True)
    # Write then rename, so a concurrent request never reads half a file.
    fd, tmp_name = tempfile.mkstemp(dir=path.parent, suffix=".part")
    with os.fdopen(fd, "wb") as tmp:
        tmp.write(pdf)
    os.replace(tmp_name, path)
    return pdf
