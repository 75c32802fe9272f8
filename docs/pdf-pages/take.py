"""Page images of every document of the demo, as the worker renders them (not part of the test suite).

Usage, from the project's root (a throwaway SQLite database under var/pdf-pages/):
    DEBUG=1 .venv/bin/python docs/pdf-pages/take.py

Each document is rendered through the same code as the worker (``documents.library.Spec``), for the
public, then the chosen pages are written as PNG next to this file with ``pdftoppm``.
"""

import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
WORK = ROOT / "var" / "pdf-pages"
SLUG = "pedt-ivry-sur-seine"
CITE = "cite-educative-exemple"


def setup():
    sys.path.insert(0, str(ROOT))
    WORK.mkdir(parents=True, exist_ok=True)
    database = WORK / "pages.sqlite3"
    database.unlink(missing_ok=True)
    os.environ.update(DEBUG="1", DATABASE_URL=f"sqlite:///{database}", MEDIA_ROOT=str(WORK / "media"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "citedu.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("loaddemo", verbosity=0)


def render(kind, slug, audience=None, **params):
    from django.utils import translation

    from actors import roles
    from documents import assembly, library, rendering
    from strategy.models import Strategy

    strategy = Strategy.objects.select_related("territory").get(slug=slug)
    if "action" in params:
        params["action"] = strategy.actions.order_by("code").first()
    audience = audience or roles.PUBLIC_AUDIENCE
    spec = library.Spec(kind=kind, strategy=strategy, audience=audience, language="fr", **params)
    with translation.override("fr"):
        html = rendering.render_html(spec.template, spec.context(library.latest_change(strategy)))
        return assembly.render_pdf(kind, html)


def pages(pdf, wanted, name):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "document.pdf"
        path.write_bytes(pdf)
        for page, label in wanted:
            target = HERE / f"{name}-{label}"
            subprocess.run(
                [
                    "pdftoppm",
                    "-png",
                    "-r",
                    "60",
                    "-f",
                    str(page),
                    "-l",
                    str(page),
                    "-singlefile",
                    path,
                    target,
                ],
                check=True,
            )
            print(f"{target}.png")


def main():
    setup()
    from documents.enums import DocumentKind

    strategy = render(DocumentKind.STRATEGY, SLUG)
    pages(strategy, [(1, "01-couverture"), (2, "02-sommaire"), (12, "03-fiches-actions")], "strategie")
    pages(render(DocumentKind.STRATEGY, CITE), [(1, "couverture"), (5, "swot")], "cite-educative")
    pages(render(DocumentKind.REPORT, SLUG, year=2025), [(1, "page-1"), (5, "page-5")], "rapport-2025")
    pages(render(DocumentKind.ACTION, SLUG, action=True), [(1, "page-1")], "fiche-action")
    reviews()


def reviews():
    """The State's yearly reviews, read by the strategy's team only (coordination, COPIL)."""
    from documents.enums import DocumentKind

    inside = "inside"
    pdf = render(DocumentKind.REVIEW, SLUG, audience=inside, year=2024)
    pages(pdf, [(1, "page-1"), (2, "page-2"), (3, "page-3")], "bilan-annuel-2024")
    pdf = render(DocumentKind.REVIEW, CITE, audience=inside, year=2022)
    pages(pdf, [(1, "page-1"), (2, "page-2"), (3, "page-3")], "revue-de-projet-2022")


if __name__ == "__main__":
    main()
