"""Benchmark of the strategy document: the demo strategy, then a synthetic one ten times larger.

    DEBUG=1 .venv/bin/python bench/bench_pdf.py [--keep-pdfs]

Uses a throwaway SQLite database under var/bench/ (or the DATABASE_URL given) and its own
MEDIA_ROOT there, so the PDF cache starts empty. For each strategy it prints the total time of the
worker's rendering (HTML and PDF, cache empty) after the request that asked for it (which
answers at once), the time of WeasyPrint alone on the same HTML, the HTML-building
time, the page count and the peak memory of the process that rendered it (each measure runs in a
forked child process, so peaks do not add up).
"""

import argparse
import io
import multiprocessing
import os
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH_DIR = ROOT / "var" / "bench"
DEMO_SLUG = "pedt-ivry-sur-seine"
LARGE_SLUG = "bench-x10"


def setup_django():
    sys.path.insert(0, str(ROOT))
    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("DEBUG", "1")
    if "DATABASE_URL" not in os.environ:
        database = BENCH_DIR / "bench_pdf.sqlite3"
        database.unlink(missing_ok=True)
        os.environ["DATABASE_URL"] = f"sqlite:///{database}"
    os.environ["MEDIA_ROOT"] = str(BENCH_DIR / "pdf-media")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "citedu.settings")
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    import django

    django.setup()


def measure(slug, keep_pdfs, queue):
    """Runs in a child process: one strategy document, timed piece by piece."""
    try:
        queue.put(_measure(slug, keep_pdfs))
    except BaseException as error:
        queue.put({"error": repr(error)})
        raise


def _measure(slug, keep_pdfs):
    import shutil

    from django.contrib.auth.models import AnonymousUser
    from django.db import connection, reset_queries
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from pypdf import PdfReader
    from weasyprint import HTML

    from documents import cache, content, rendering
    from strategy.models import Strategy

    shutil.rmtree(cache.cache_dir(), ignore_errors=True)
    url = f"/strategies/{slug}/document.pdf"
    from django.core.management import call_command

    # The request answers at once (202, the waiting page); the worker renders; then the PDF is served.
    started = time.perf_counter()
    waiting = Client().get(url, HTTP_HOST="localhost")
    request_time = time.perf_counter() - started
    assert waiting.status_code == 202, waiting.status_code
    started, cpu_started = time.perf_counter(), time.process_time()
    call_command("runworker", "--once", verbosity=0)
    total, total_cpu = time.perf_counter() - started, time.process_time() - cpu_started
    response = Client().get(url, HTTP_HOST="localhost")
    assert response.status_code == 200, response.status_code

    strategy = Strategy.objects.select_related("territory").get(slug=slug)
    # DEBUG keeps the last 9,000 queries: the data loading filled that log, empty it first.
    reset_queries()
    started = time.perf_counter()
    with CaptureQueriesContext(connection) as queries:
        html = rendering.render_html(
            "documents/strategy_document.html", content.strategy_document(strategy, AnonymousUser())
        )
    html_time = time.perf_counter() - started

    started, cpu_started = time.perf_counter(), time.process_time()
    pdf = HTML(
        string=html, base_url=rendering.STATIC_DIR.as_uri() + "/", url_fetcher=rendering.static_url_fetcher
    ).write_pdf(**rendering.PDF_OPTIONS)
    weasy_time, weasy_cpu = time.perf_counter() - started, time.process_time() - cpu_started

    started = time.perf_counter()
    cached = Client().get(url, HTTP_HOST="localhost")
    cached_time = time.perf_counter() - started
    cache_hit = cached.content == response.content

    if keep_pdfs:
        (BENCH_DIR / f"{slug}.pdf").write_bytes(response.content)
    return {
        "slug": slug,
        "request": request_time,
        "actions": strategy.actions.count(),
        "queries": len(queries),
        "total": total,
        "total_cpu": total_cpu,
        "weasyprint_cpu": weasy_cpu,
        "html": html_time,
        "weasyprint": weasy_time,
        "cached": cached_time,
        "cache_hit": cache_hit,
        "pages": len(PdfReader(io.BytesIO(pdf)).pages),
        "html_kb": len(html.encode()) / 1024,
        "pdf_kb": len(response.content) / 1024,
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep-pdfs", action="store_true", help="write the PDFs under var/bench/")
    args = parser.parse_args()
    setup_django()
    from django.core.management import call_command
    from django.db import connections

    from strategy.enums import ActionStatus
    from strategy.models import Action

    started = time.perf_counter()
    print("Loading the demo and the synthetic strategy…", flush=True)
    call_command("migrate", verbosity=0)
    call_command("loaddemo", verbosity=0)
    demo_actions = Action.objects.filter(strategy__slug=DEMO_SLUG).count()
    public_demo_actions = (
        Action.objects.filter(strategy__slug=DEMO_SLUG).exclude(status=ActionStatus.PROPOSED).count()
    )
    call_command("loadsynthetic", LARGE_SLUG, "--actions", str(10 * demo_actions), verbosity=0)
    print(
        f"Data ready in {time.perf_counter() - started:.1f} s: {DEMO_SLUG} has {demo_actions} actions "
        f"({public_demo_actions} public), {LARGE_SLUG} {10 * demo_actions}."
    )
    connections.close_all()  # each child opens its own connection

    context = multiprocessing.get_context("fork")
    header = (
        f"{'strategy':<22}{'actions':>8}{'pages':>7}{'queries':>8}{'request s':>10}{'worker s':>9}{'(cpu)':>7}"
        f"{'weasy s':>9}{'(cpu)':>7}{'html s':>8}{'cached s':>9}{'HTML kB':>9}{'PDF kB':>8}{'peak MB':>9}"
    )
    print(header)
    print("(wall-clock seconds; cpu: seconds of CPU of the process, steadier on a busy machine)")
    for slug in (DEMO_SLUG, LARGE_SLUG):
        queue = context.Queue()
        child = context.Process(target=measure, args=(slug, args.keep_pdfs, queue))
        child.start()
        result = queue.get()
        child.join()
        if "error" in result:
            sys.exit(f"{slug}: {result['error']}")
        print(
            f"{result['slug']:<22}{result['actions']:>8}{result['pages']:>7}{result['queries']:>8}"
            f"{result['request']:>10.3f}{result['total']:>9.2f}{result['total_cpu']:>7.1f}{result['weasyprint']:>9.2f}"
            f"{result['weasyprint_cpu']:>7.1f}{result['html']:>8.2f}"
            f"{result['cached']:>8.2f}{'*' if not result['cache_hit'] else ' '}{result['html_kb']:>9.0f}{result['pdf_kb']:>8.0f}{result['peak_mb']:>9.0f}"
        )


if __name__ == "__main__":
    main()
