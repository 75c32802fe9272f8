"""HTML to PDF with WeasyPrint, offline: fonts and stylesheets come from ``static/`` on disk only."""

import base64
import mimetypes
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.template.loader import render_to_string

from documents import typography

#: The directory the print templates' relative URLs resolve against (``base_url``).
STATIC_DIR = Path(settings.BASE_DIR) / "static"

#: PDF/A-3u (archivable, text extractable) and tagged for screen readers; :func:`documents.pdfua.finish`
#: then makes it PDF/UA-1 as well, which WeasyPrint cannot declare beside PDF/A.
PDF_OPTIONS = {"pdf_variant": "pdf/a-3u", "pdf_tags": True}

#: How many times WeasyPrint has been asked for a PDF in this process (tests and the benchmark read it).
render_count = 0


class FetchRefused(ValueError):
    """Raised for any URL outside ``static/``: rendering never touches the network."""


#: The one kind of data URI the print templates write: a chart's SVG as an image (see ``chart_image``).
SVG_DATA_URI = "data:image/svg+xml;base64,"


def static_url_fetcher(url, *args, **kwargs):
    """A WeasyPrint ``url_fetcher`` that serves files under ``static/`` from disk and refuses the rest.

    A chart's SVG comes inline as a base64 data URI: decoded here, it fetches nothing either.
    """
    if url.startswith(SVG_DATA_URI):
        return {
            "string": base64.b64decode(url[len(SVG_DATA_URI) :], validate=True),
            "mime_type": "image/svg+xml",
        }
    parts = urlsplit(url)
    if parts.scheme != "file":
        raise FetchRefused(f"Refusing to fetch {url!r} while rendering a PDF.")
    path = Path(unquote(parts.path)).resolve()
    if not path.is_relative_to(STATIC_DIR.resolve()) or not path.is_file():
        raise FetchRefused(f"Refusing to fetch {url!r}: not a file under static/.")
    mime_type, _encoding = mimetypes.guess_type(path.name)
    return {"string": path.read_bytes(), "mime_type": mime_type, "redirected_url": url}


def render_html(template_name, context):
    """The print HTML of a document (cheap: the PDF cache keys on it), with French apostrophes."""
    return typography.curly_apostrophes_in_html(render_to_string(template_name, context))


def html_to_pdf(html):
    """Render print HTML to PDF bytes with WeasyPrint, offline: PDF/A-3u and PDF/UA-1."""
    global render_count
    # Imported here: WeasyPrint loads Pango and fonts, pikepdf qpdf, which web workers need only for PDFs.
    from weasyprint import HTML

    from documents import pdfua

    render_count += 1
    document = HTML(string=html, base_url=STATIC_DIR.as_uri() + "/", url_fetcher=static_url_fetcher)
    return pdfua.finish(document.write_pdf(**PDF_OPTIONS))
