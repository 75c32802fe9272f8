"""Documents always ready: rendered by the real worker, never in a request, re-rendered once after edits."""

import datetime
import os
import re
import time
import uuid
from html.parser import HTMLParser

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from actors import roles
from documents import cache, freshness, rendering, tasks
from documents.models import RenderedDocument
from strategy.enums import StrategyStatus
from strategy.models import Action, Strategy
from tests.documents.builders import DRAFT_TITLE, build_strategy
from tests.documents.conftest import client_for, pdf_text
from tests.queue import download, run_worker
from tests.strategy.factories import UserFactory

pytestmark = pytest.mark.django_db

URL = "/strategies/pedt-pret/document.pdf"


@pytest.fixture
def small(db):
    # A unique title: no PDF of this HTML can already be in the cache from an earlier run.
    return build_strategy("pedt-pret", actions_per_orientation=1, prefix=f"{uuid.uuid4().hex[:8]} ")


class WaitingPage(HTMLParser):
    def __init__(self, html):
        super().__init__()
        self.refresh = None
        self.scripts = 0
        self.links = []
        self.status = ""
        self._in_status = False
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta" and attrs.get("http-equiv") == "refresh":
            self.refresh = int(attrs["content"])
        if tag == "script":
            self.scripts += 1
        if tag == "a":
            self.links.append(attrs.get("href"))
        self._in_status = attrs.get("role") == "status"

    def handle_data(self, data):
        if self._in_status:
            self.status += data


def edit(django_capture_on_commit_callbacks, instance, **fields):
    """Save as the admin does, then what its transaction's commit runs (the test's own transaction
    never commits: the hook registered by the first save of the test still waits for it)."""
    with django_capture_on_commit_callbacks(execute=True):
        for name, value in fields.items():
            setattr(instance, name, value)
        instance.save()
    freshness.flush()


def test_a_document_never_rendered_gets_a_french_page_that_refreshes_itself_without_script(small):
    renders = rendering.render_count
    started = time.perf_counter()
    response = client_for().get(URL)
    assert time.perf_counter() - started < 1
    assert response.status_code == 202
    assert rendering.render_count == renders, "no request ever waits on WeasyPrint"
    page = WaitingPage(response.content.decode())
    assert re.fullmatch(
        r"Ce document est mis en page pour la première fois : il sera prêt dans environ \d+ secondes\.",
        page.status.strip(),
    )
    assert 3 <= page.refresh <= 30 and page.scripts == 0
    assert int(response["Retry-After"]) == page.refresh
    assert "no-cache" in response["Cache-Control"]
    assert (
        "script-src" not in response.get("Content-Security-Policy", "")
        or "'unsafe-inline'" not in response["Content-Security-Policy"]
    )

    run_worker()
    assert rendering.render_count == renders + 1
    first = client_for().get(URL)
    assert first.status_code == 200 and first["Content-Type"] == "application/pdf"
    assert "Projet éducatif territorial" in pdf_text(first.content)
    again = client_for().get(URL)
    assert again.content == first.content and rendering.render_count == renders + 1


def test_ten_edits_give_one_rendering_and_the_previous_pdf_is_offered_meanwhile(
    small, django_capture_on_commit_callbacks
):
    before = download(client_for(), URL).content
    renders = rendering.render_count
    action = small.actions[0]
    for number in range(10):
        edit(django_capture_on_commit_callbacks, action, title=f"Ateliers du mercredi, version {number}")
    assert (
        DBTaskResult.objects.filter(task_path="documents.tasks.refresh_documents", status="READY").count()
        == 1
    )

    waiting = client_for().get(URL)
    assert waiting.status_code == 202
    page = WaitingPage(waiting.content.decode())
    assert page.status.strip().startswith("Le contenu a changé depuis la dernière mise en page")
    assert f"{URL}?precedent=1" in page.links
    previous = client_for().get(f"{URL}?precedent=1")
    assert previous.status_code == 200 and previous.content == before

    run_worker()
    assert rendering.render_count == renders + 1, "ten edits, one rendering"
    after = client_for().get(URL)
    assert after.status_code == 200
    assert "Ateliers du mercredi, version 9" in pdf_text(after.content)
    assert "version 8" not in pdf_text(after.content)


def test_an_edit_the_public_does_not_see_renders_nothing(small, django_capture_on_commit_callbacks):
    public = download(client_for(), URL).content
    renders = rendering.render_count
    edit(django_capture_on_commit_callbacks, small.draft, title="Brouillon réécrit, toujours confidentiel")
    run_worker()
    assert rendering.render_count == renders, "the fingerprint did not change: no WeasyPrint"
    assert client_for().get(URL).content == public


def test_the_document_is_dated_by_its_contents_last_change_not_today(small):
    past = timezone.make_aware(datetime.datetime(2025, 3, 1, 10, 0))
    Strategy.objects.filter(pk=small.strategy.pk).update(updated_at=past)
    for model in (Action,):
        model.objects.filter(strategy=small.strategy).update(updated_at=past)
    for related in ("axes", "orientations"):
        getattr(small.strategy, related).update(updated_at=past)
    from indicators.models import Indicator, Measurement
    from strategy.models import BudgetLine

    Indicator.objects.filter(strategy=small.strategy).update(updated_at=past)
    Measurement.objects.filter(indicator__strategy=small.strategy).update(entered_at=past)
    BudgetLine.objects.filter(action__strategy=small.strategy).update(updated_at=past)
    text = pdf_text(download(client_for(), URL).content)
    assert "1er mars 2025" in text or "1 mars 2025" in text
    assert timezone.localdate().strftime("%Y") not in text.split("Document établi le")[1][:30]


def test_each_audience_gets_its_own_pdf(small):
    coordination = UserFactory(username="pret-coordination", role=roles.COORDINATION)
    public = pdf_text(download(client_for(), URL).content)
    inside = pdf_text(download(client_for(coordination), URL).content)
    assert DRAFT_TITLE in inside and DRAFT_TITLE not in public
    keys = set(RenderedDocument.objects.filter(strategy=small.strategy).values_list("audience", flat=True))
    assert keys == {"public", "inside"}


def test_a_failed_rendering_is_retried_then_shown_to_coordination(
    small, settings, tmp_path, coordination_user
):
    settings.MEDIA_ROOT = tmp_path
    (tmp_path / "cache").mkdir()
    # The cache folder is a file: every rendering fails when it stores its PDF.
    (tmp_path / "cache" / "pdf").write_text("pas un dossier")
    assert client_for().get(URL).status_code == 202
    run_worker()
    task = DBTaskResult.objects.get(task_path="documents.tasks.render_document")
    assert task.status == "FAILED" and len(task.worker_ids) == settings.CITEDU_TASK_ATTEMPTS
    document = RenderedDocument.objects.get(strategy=small.strategy)
    assert document.failed_at is not None and document.attempts == settings.CITEDU_TASK_ATTEMPTS

    page = client_for().get(URL)
    assert "Le document n'a pas pu être préparé" in page.content.decode()
    coordination = client_for(coordination_user)
    home = coordination.get("/admin/").content.decode()
    assert "Documents en échec" in home and "pedt-pret" in home
    listing = coordination.get("/admin/documents/rendereddocument/?echec=1").content.decode()
    assert "NotADirectoryError" in listing or "FileExistsError" in listing


def test_the_cache_keeps_what_serves_and_purges_the_rest(small):
    served = download(client_for(), URL)
    name = RenderedDocument.objects.get(strategy=small.strategy).pdf_name
    stray = cache.store(b"%PDF-1.7 orphelin", cache.name_for("<p>orphelin</p>"))
    old = time.time() - cache.PURGE_GRACE_SECONDS - 60
    for kept in (stray, name):
        os.utime(cache.path_of(kept), (old, old))
    tasks.purge()
    assert cache.read(stray) is None
    assert cache.read(name) == served.content


def test_a_document_nobody_asked_for_in_months_is_dropped(small):
    download(client_for(), "/strategies/pedt-pret/rapport-2024.pdf")
    RenderedDocument.objects.update(requested_at=timezone.now() - datetime.timedelta(days=100))
    tasks.purge()
    assert not RenderedDocument.objects.filter(kind="report").exists()


@pytest.mark.parametrize(
    "url", ["http://example.org/logo.png", "https://example.org/x.css", "file:///etc/passwd", "data:,x"]
)
def test_rendering_never_fetches_anything_outside_static(url):
    with pytest.raises(rendering.FetchRefused):
        rendering.static_url_fetcher(url)


def test_rendering_serves_the_projects_fonts_from_disk():
    font = rendering.static_url_fetcher((rendering.STATIC_DIR / "fonts" / "DejaVuSans.ttf").as_uri())
    assert font["string"][:4] == b"\x00\x01\x00\x00"


def test_a_remote_image_in_the_html_is_not_fetched():
    renders_before = rendering.render_count
    pdf = rendering.html_to_pdf('<p>Texte</p><img src="http://192.0.2.1/tracker.png" alt="">')
    assert pdf.startswith(b"%PDF-") and rendering.render_count == renders_before + 1


@pytest.fixture
def consultation(db):
    return build_strategy("pedt-concertation", status=StrategyStatus.CONSULTATION, actions_per_orientation=1)


def test_a_partner_reads_the_drafts_of_a_strategy_under_consultation(consultation):
    partner = UserFactory(username="doc-partenaire", role=roles.PARTENAIRE)
    response = download(client_for(partner), "/strategies/pedt-concertation/document.pdf")
    assert response.status_code == 200
    assert DRAFT_TITLE in pdf_text(response.content)


def test_anonymous_visitor_gets_404_for_a_strategy_under_consultation(consultation):
    assert client_for().get("/strategies/pedt-concertation/document.pdf").status_code == 404
    assert client_for().get("/strategies/pedt-concertation/rapport-2024.pdf").status_code == 404
    action = consultation.actions[0]
    assert client_for().get(f"/strategies/pedt-concertation/actions/{action.slug}.pdf").status_code == 404
    assert not RenderedDocument.objects.exists()
