"""Time and peak memory of the strategy document, for strategies of 100, 360 and 1,000 actions.

    .venv/bin/python bench/bench_document_memory.py [--actions 100 360 1000] [--part-size N] [--skip-single]

Builds the demo and synthetic strategies (loadsynthetic, seed 1) in a throwaway SQLite database under
var/bench/ (or the DATABASE_URL given), then for each strategy runs, each in a fresh child process:

- ``html``: the document's context and its print HTML (the template rendering);
- ``weasyprint``: WeasyPrint alone on that HTML, in one pass (what the portal did before parts);
- ``document``: the whole document as the portal renders it now (``documents.assembly``: context,
  HTML and PDF, in parts assembled with pikepdf when the strategy is large).

For each child it prints the wall-clock and CPU time (of the child and its own children), the peak RSS
of the largest process (its VmHWM, or the largest RSS sampled) and the peak of the memory summed over
the child's process tree (PSS, sampled from /proc every 50 ms), against floors measured in the same
run: the demo strategy (a few dozen actions), and a Python interpreter with Django and WeasyPrint.
"""

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

from proctree import PeakSampler

ROOT = Path(__file__).resolve().parent.parent
BENCH_DIR = ROOT / "var" / "bench"
DEMO_SLUG = "pedt-ivry-sur-seine"


def child_env(database_url):
    env = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO")}
    env.update(
        DATABASE_URL=database_url,
        DEBUG="0",
        SECRET_KEY="bench-" + "k" * 60,
        ALLOWED_HOSTS="127.0.0.1",
        EMAIL_URL="console://",
        SECURE_SSL_REDIRECT="0",
        MEDIA_ROOT=str(BENCH_DIR / "memory-media"),
        LOG_LEVEL="WARNING",
        DJANGO_SETTINGS_MODULE="citedu.settings",
    )
    return env


def setup_django():
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


# -- The children ---------------------------------------------------------------------------------


def child_main(mode, slug, path):
    """One measure in this fresh process; prints a JSON line of figures."""
    setup_django()
    started = time.perf_counter()
    figures = {}
    if mode == "floor":
        import weasyprint  # noqa: F401 (what every rendering process loads)
    elif mode == "html":
        from django.contrib.auth.models import AnonymousUser

        from documents import content, rendering
        from strategy.models import Strategy

        strategy = Strategy.objects.select_related("territory").get(slug=slug)
        context = content.strategy_document(strategy, AnonymousUser())
        figures["context_s"] = time.perf_counter() - started
        html = rendering.render_html("documents/strategy_document.html", context)
        Path(path).write_text(html, encoding="utf-8")
        figures["html_kb"] = len(html.encode()) / 1024
    elif mode == "weasyprint":
        from documents import rendering

        pdf = rendering.html_to_pdf(Path(path).read_text(encoding="utf-8"))
        Path(path).with_suffix(".single.pdf").write_bytes(pdf)
        figures["pdf_kb"] = len(pdf) / 1024
    elif mode == "document":
        from django.contrib.auth.models import AnonymousUser

        from documents import assembly, content
        from strategy.models import Strategy

        strategy = Strategy.objects.select_related("territory").get(slug=slug)
        pdf = assembly.render_strategy_pdf(content.strategy_document(strategy, AnonymousUser()))
        Path(path).write_bytes(pdf)
        figures["pdf_kb"] = len(pdf) / 1024
    figures["seconds"] = time.perf_counter() - started
    with open("/proc/self/status", encoding="ascii") as status:
        figures["own_peak_mb"] = (
            next(int(line.split()[1]) for line in status if line.startswith("VmHWM:")) / 1024
        )
    print(json.dumps(figures))


# -- The parent -----------------------------------------------------------------------------------


def run_child(env, mode, slug="", path=""):
    """Runs one child: its figures, wall and CPU time, peak of the largest process and of the tree (MB)."""
    process = subprocess.Popen(
        [sys.executable, __file__, "--child", mode, slug, str(path)],
        env=env,
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    sampler = PeakSampler(process.pid)
    sampler.start()
    started = time.perf_counter()
    # wait4: this child's CPU time, its own children's included. (Its ru_maxrss is not used: a process
    # started by vfork and exec inherits its parent's peak.)
    _pid, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    sampler.stop()
    output = process.stdout.read()
    process.stdout.close()
    if status != 0:
        sys.exit(f"{mode} {slug}: the child failed ({status})")
    figures = json.loads(output.strip().splitlines()[-1])
    figures.update(
        wall=wall,
        cpu=usage.ru_utime + usage.ru_stime,
        peak_mb=max(sampler.largest_mb, figures["own_peak_mb"]),
        tree_mb=sampler.tree_mb,
    )
    return figures


def pages_of(path):
    import pikepdf

    with pikepdf.open(path) as pdf:
        return len(pdf.pages)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--actions", type=int, nargs="+", default=[100, 360, 1000])
    parser.add_argument("--skip-single", action="store_true", help="skip WeasyPrint in one pass")
    parser.add_argument("--skip-document", action="store_true", help="skip the portal's own rendering")
    parser.add_argument("--keep-data", action="store_true", help="reuse the database of the last run")
    parser.add_argument("--part-size", type=int, help="CITEDU_DOCUMENT_PART_SIZE for the document step")
    args = parser.parse_args()

    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    database_url = os.environ.get("DATABASE_URL")
    if not database_url:
        database = BENCH_DIR / "document_memory.sqlite3"
        if not args.keep_data:
            database.unlink(missing_ok=True)
        database_url = f"sqlite:///{database}"
    env = child_env(database_url)
    if args.part_size:
        env["CITEDU_DOCUMENT_PART_SIZE"] = str(args.part_size)
    os.environ.update(env)
    setup_django()
    from django.contrib.auth.models import AnonymousUser
    from django.core.management import call_command
    from django.db import connections

    from strategy.models import Action

    slugs = [(DEMO_SLUG, None)] + [(f"bench-doc-{n}", n) for n in args.actions]
    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    if not Action.objects.filter(strategy__slug=DEMO_SLUG).exists():
        call_command("loaddemo", verbosity=0)
    for slug, count in slugs[1:]:
        if Action.objects.filter(strategy__slug=slug).count() != count:
            call_command("loadsynthetic", slug, "--actions", str(count), "--seed", "1", verbosity=0)
    connections.close_all()
    print(f"Data ready in {time.perf_counter() - started:.1f} s ({database_url.split(':')[0]})")

    floor = run_child(env, "floor")
    print(
        f"Floor: a Python process with Django and WeasyPrint loaded peaks at {floor['peak_mb']:.0f} MB "
        f"({floor['cpu']:.1f} s of CPU).\n"
        "Each step runs in a fresh process. peak MB: the largest process (VmHWM); tree MB: the PSS summed over\n"
        "the process tree (sampled every 50 ms); CPU s: of the tree. pages: of the PDF that step wrote.\n"
    )
    header = f"{'strategy':<22}{'shown':>7}{'step':>12}{'pages':>7}{'wall s':>8}{'CPU s':>8}{'peak MB':>9}{'tree MB':>9}"
    print(header)
    for slug, _count in slugs:
        actions = Action.objects.visible_to(AnonymousUser()).filter(strategy__slug=slug).count()
        connections.close_all()
        html_path = BENCH_DIR / f"{slug}.html"
        steps = [("html", html_path)]
        if not args.skip_single:
            steps.append(("weasyprint", html_path))
        if not args.skip_document:
            steps.append(("document", BENCH_DIR / f"{slug}.pdf"))
        for mode, path in steps:
            figures = run_child(env, mode, slug, path)
            written = {"weasyprint": html_path.with_suffix(".single.pdf"), "document": path}.get(mode)
            pages = pages_of(written) if written else ""
            print(
                f"{slug:<22}{actions:>7}{mode:>12}{pages:>7}{figures['wall']:>8.1f}{figures['cpu']:>8.1f}"
                f"{figures['peak_mb']:>9.0f}{figures['tree_mb']:>9.0f}",
                flush=True,
            )


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        child_main(*sys.argv[2:5])
    else:
        main()
