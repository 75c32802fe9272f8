"""The PDF cache (keyed on the HTML), offline rendering, and who may read a strategy under consultation."""

import uuid

import pytest

from actors import roles
from documents import cache, rendering
from strategy.enums import StrategyStatus
from tests.documents.builders import DRAFT_TITLE, build_strategy
from tests.documents.conftest import client_for, pdf_text
from tests.strategy.factories import UserFactory

# Module fixtures hold the data; each test still runs in its own rolled-back transaction.
pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def fresh(module_data):
    # A unique title: no PDF of this HTML can already be in the cache from an earlier run.
    return build_strategy("pedt-cache", actions_per_orientation=1, prefix=f"{uuid.uuid4().hex[:8]} ")


def test_the_same_document_is_served_again_without_rendering(fresh):
    url = "/strategies/pedt-cache/document.pdf"
    renders = rendering.render_count
    first = client_for().get(url).content
    assert rendering.render_count == renders + 1
    second = client_for().get(url).content
    assert rendering.render_count == renders + 1
    assert second == first


def test_an_edit_to_the_strategy_gives_a_new_pdf(fresh):
    url = "/strategies/pedt-cache/document.pdf"
    before = client_for().get(url).content
    renders = rendering.render_count
    fresh.strategy.summary = "Un résumé réécrit après le comité de pilotage."
    fresh.strategy.save()
    after = client_for().get(url).content
    assert rendering.render_count == renders + 1
    assert after != before
    assert "Un résumé réécrit après le comité de pilotage." in pdf_text(after)


def test_cached_pdfs_live_under_media_root_keyed_on_the_html(fresh):
    html = "<p>Bonjour</p>"
    assert cache.cache_key(html) == cache.cache_key(html) != cache.cache_key(html + " ")
    pdf = cache.pdf_for_html(html)
    assert (cache.cache_dir() / f"{cache.cache_key(html)}.pdf").read_bytes() == pdf


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


@pytest.fixture(scope="module")
def consultation(module_data):
    return build_strategy("pedt-concertation", status=StrategyStatus.CONSULTATION, actions_per_orientation=1)


def test_a_partner_reads_the_drafts_of_a_strategy_under_consultation(consultation):
    partner = UserFactory(username="doc-partenaire", role=roles.PARTENAIRE)
    response = client_for(partner).get("/strategies/pedt-concertation/document.pdf")
    assert response.status_code == 200
    assert DRAFT_TITLE in pdf_text(response.content)


def test_anonymous_visitor_gets_404_for_a_strategy_under_consultation(consultation):
    assert client_for().get("/strategies/pedt-concertation/document.pdf").status_code == 404
    assert client_for().get("/strategies/pedt-concertation/rapport-2024.pdf").status_code == 404
    action = consultation.actions[0]
    assert client_for().get(f"/strategies/pedt-concertation/actions/{action.slug}.pdf").status_code == 404
