"""The rendered PDFs, kept under ``MEDIA_ROOT/cache/pdf/`` and named by the SHA-256 of their HTML.

The same HTML always gives the same PDF, so a document whose HTML was rendered before (for another
audience, or before an edit that was undone) is not rendered again. ``RenderedDocument`` rows name
the files that serve (the current and the previous PDF of each document); ``purge`` deletes the rest.
"""

import hashlib
import os
import tempfile
import time
from pathlib import Path

from django.conf import settings

#: A file younger than this is never purged: its row may not be committed yet.
PURGE_GRACE_SECONDS = 600


def cache_dir():
    return Path(settings.MEDIA_ROOT) / "cache" / "pdf"


def path_of(name):
    path = (cache_dir() / name).resolve()
    if path.parent != cache_dir().resolve():
        raise ValueError(f"Not a cached PDF name: {name!r}")
    return path


#: Bump when the rendering changes, so that PDFs rendered before are not served for the same HTML.
CACHE_VERSION = "3"


def name_for(html):
    """The cache name of the PDF of this HTML."""
    from documents import rendering

    payload = f"{CACHE_VERSION}\n{sorted(rendering.PDF_OPTIONS.items())}\n{html}"
    return f"{hashlib.sha256(payload.encode('utf-8')).hexdigest()}.pdf"


def store(pdf, name):
    """Writes the PDF under ``name`` (then renames, so no reader ever sees half a file)."""
    path = path_of(name)
    if path.exists():
        return name
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(dir=path.parent, suffix=".part")
    with os.fdopen(fd, "wb") as tmp:
        tmp.write(pdf)
    os.replace(tmp_name, path)
    return name


def read(name):
    """The PDF stored under ``name``, or None when there is none."""
    if not name:
        return None
    try:
        return path_of(name).read_bytes()
    except (FileNotFoundError, ValueError):
        return None


def purge(keep, now=None):
    """Deletes the cached files not in ``keep`` (names) and older than the grace period; returns
    how many were deleted."""
    now = now or time.time()
    deleted = 0
    if not cache_dir().exists():
        return 0
    for path in cache_dir().iterdir():
        if path.name in keep or now - path.stat().st_mtime < PURGE_GRACE_SECONDS:
            continue
        path.unlink(missing_ok=True)
        deleted += 1
    return deleted
