"""The public pages and CSVs an anonymous visitor reads are cached (strategy.page_cache): no cookie,
no ``Vary: Cookie``, an ETag answered by a 304 before any rendering, gzip; logged-in readers get
their own answer, never cached, and never the public one."""

import gzip

import pytest
from django.http import StreamingHttpResponse
from django.test import Client

from strategy import page_cache
from strategy.models import Action
from strategy.page_cache import public_page

PUBLIC_PAGES = [
    "/",
    "/strategies/pedt-ivry/",
    "/strategies/pedt-ivry/actions/",
    "/strategies/pedt-ivry/actions/?quartier=ivry-port&q=th%C3%A9%C3%A2tre",
    "/strategies/pedt-ivry/actions/21-parcours-theatre-a-lecole/",
    "/strategies/pedt-ivry/indicateurs/",
    "/strategies/pedt-ivry/indicateurs/places-creche/",
    "/strategies/pedt-ivry/acteurs/",
    "/strategies/pedt-ivry/concertation/",
    "/strategies/pedt-ivry/actions.csv",
    "/strategies/pedt-ivry/beneficiaires.csv",
    "/strategies/pedt-ivry/indicateurs.csv",
    "/accessibilite/",
    "/mentions-legales/",
    "/donnees-personnelles/",
]
#: Public but not cached: the state of the documents follows the worker's rendering, not the content.
UNCACHED_PUBLIC_PAGES = ["/strategies/pedt-ivry/documents/"]


def vary(response):
    return {value.strip().lower() for value in response.get("Vary", "").split(",") if value.strip()}


@pytest.mark.parametrize("url", PUBLIC_PAGES + UNCACHED_PUBLIC_PAGES)
def test_an_anonymous_page_sets_no_cookie_and_does_not_vary_on_cookies(portal, url):
    visitor = Client()
    for _ in range(2):  # rendered, then from the cache
        response = visitor.get(url)
        assert response.status_code == 200
        assert not response.cookies, response.cookies
        if url not in UNCACHED_PUBLIC_PAGES:
            assert "cookie" not in vary(response)
            assert "accept-language" in vary(response)
            assert response["Cache-Control"] == "public, max-age=0, must-revalidate"


@pytest.mark.parametrize("url", PUBLIC_PAGES)
def test_a_cached_page_costs_one_query_and_its_etag_a_304_with_one_query(
    portal, url, django_assert_num_queries
):
    visitor = Client()
    first = visitor.get(url)
    # A streamed CSV is stored once it has been read to its end, as a browser reads it.
    first_body = b"".join(first.streaming_content) if first.streaming else first.content
    etag = first["ETag"]
    assert etag.startswith('W/"')
    with django_assert_num_queries(1):  # the revision(s)
        again = visitor.get(url)
    assert again.content == first_body
    with django_assert_num_queries(1):
        not_modified = visitor.get(url, HTTP_IF_NONE_MATCH=etag)
    assert not_modified.status_code == 304
    assert not_modified.content == b""
    assert not_modified["ETag"] == etag


def test_another_etag_gets_the_whole_page(portal):
    response = Client().get("/strategies/pedt-ivry/", HTTP_IF_NONE_MATCH='W/"autre"')
    assert response.status_code == 200
    assert "PEDT d&#x27;Ivry-sur-Seine" in response.content.decode()


def test_the_page_is_gzipped_for_a_browser_that_accepts_it_and_the_same_once_unzipped(portal):
    url = "/strategies/pedt-ivry/actions/"
    plain = Client().get(url)
    for _ in range(2):  # compressed from the page just cached, then the compressed copy itself
        zipped = Client().get(url, HTTP_ACCEPT_ENCODING="gzip, deflate, br")
        assert zipped["Content-Encoding"] == "gzip"
        assert "accept-encoding" in vary(zipped)
        assert int(zipped["Content-Length"]) < len(plain.content) / 2
        assert gzip.decompress(zipped.content) == plain.content
        assert zipped["ETag"] == plain["ETag"]


def test_a_page_with_a_csrf_token_is_not_compressed(db):
    response = Client().get("/comptes/login/", HTTP_ACCEPT_ENCODING="gzip")
    assert response.status_code == 200
    assert "csrfmiddlewaretoken" in response.content.decode()
    assert not response.has_header("Content-Encoding")


def test_a_logged_in_page_is_private_and_never_cached(portal, partner):
    reader = Client()
    reader.force_login(partner)
    url = "/strategies/pedt-ivry/"
    Client().get(url)  # an anonymous visitor's copy is cached
    response = reader.get(url)
    assert "Connecté·e : partenaire" in response.content.decode()
    assert "private" in response["Cache-Control"]
    assert "public" not in response["Cache-Control"]
    assert not response.has_header("ETag")
    assert "cookie" in vary(response)
    # Its ETag is no key to the public copy either.
    anonymous_etag = Client().get(url)["ETag"]
    assert reader.get(url, HTTP_IF_NONE_MATCH=anonymous_etag).status_code == 200


def test_a_draft_under_consultation_a_partner_read_is_never_served_to_an_anonymous_visitor(portal, partner):
    reader = Client()
    reader.force_login(partner)
    url = "/strategies/pedt-2027/actions/"
    assert "Café des parents" in reader.get(url).content.decode()
    assert Client().get(url).status_code == 404
    assert Client().get("/strategies/pedt-2027/").status_code == 404
    assert "PEDT 2027" not in Client().get("/").content.decode()


def test_the_anonymous_copy_never_reaches_a_partner_after_it(portal, partner):
    url = "/strategies/pedt-ivry/actions/"
    assert "Espace partenaires" in Client().get(url).content.decode()
    reader = Client()
    reader.force_login(partner)
    page = reader.get(url).content.decode()
    assert "Connecté·e : partenaire" in page
    assert "Espace partenaires" not in page
    assert "PEDT 2027" in reader.get("/").content.decode()


def test_french_and_english_are_cached_apart(portal):
    url = "/strategies/pedt-ivry/actions/"
    french = Client().get(url)
    english_reader = Client()
    english_reader.cookies["django_language"] = "en"
    english = english_reader.get(url)
    assert '<html lang="fr">' in french.content.decode()
    assert '<html lang="en">' in english.content.decode()
    assert english["ETag"] != french["ETag"]
    assert '<html lang="fr">' in Client().get(url).content.decode()
    by_header = Client().get(url, HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.8")
    assert '<html lang="en">' in by_header.content.decode()


def test_the_language_links_set_the_cookie_only_when_followed_and_return_to_the_page(portal):
    visitor = Client()
    page = visitor.get("/strategies/pedt-ivry/").content.decode()
    link = "/langue/en/?next=/strategies/pedt-ivry/"
    assert f'href="{link}" lang="en" hreflang="en"' in page
    response = visitor.get(link)
    assert response.status_code == 302
    assert response["Location"] == "/strategies/pedt-ivry/"
    assert response.cookies["django_language"].value == "en"
    assert '<html lang="en">' in visitor.get("/strategies/pedt-ivry/").content.decode()


@pytest.mark.parametrize(
    "unsafe", ["https://evil.example.org/", "//evil.example.org/", "javascript:alert(1)"]
)
def test_the_language_link_never_sends_the_visitor_away(db, unsafe):
    response = Client().get("/langue/en/", {"next": unsafe})
    assert response.status_code == 302
    assert response["Location"] == "/"


def test_an_unknown_language_is_a_404(db):
    response = Client().get("/langue/xx/", {"next": "/"})
    assert response.status_code == 404
    assert not response.cookies


def test_a_head_request_is_answered_from_the_cache(portal, django_assert_num_queries):
    url = "/strategies/pedt-ivry/"
    Client().get(url)
    with django_assert_num_queries(1):
        assert Client().head(url).status_code == 200


def test_a_visitor_with_a_message_waiting_gets_an_uncached_page(portal, django_assert_max_num_queries):
    url = "/strategies/pedt-ivry/"
    Client().get(url)
    visitor = Client()
    visitor.cookies["messages"] = "x"
    response = visitor.get(url)
    assert response.status_code == 200
    assert not response.has_header("ETag")


def test_an_invalid_filter_is_not_cached(portal):
    url = "/strategies/pedt-ivry/actions.csv?statut=inconnu"
    assert Client().get(url).status_code == 400
    response = Client().get(url)
    assert response.status_code == 400
    assert not response.has_header("ETag")


def test_a_renamed_action_slug_never_serves_the_old_page(portal):
    url = "/strategies/pedt-ivry/actions/21-parcours-theatre-a-lecole/"
    assert Client().get(url).status_code == 200
    Action.objects.filter(code="2.1", strategy__slug="pedt-ivry").get().delete()
    assert Client().get(url).status_code == 404


def _streamed(request, slug):
    """A view streaming its body, as the open data's CSVs may (chunks counted as they are produced)."""
    _streamed.produced += 1
    return StreamingHttpResponse(f"ligne {number};{slug}\n".encode() for number in range(1000))


def test_a_streamed_answer_is_streamed_then_served_whole_from_the_cache(portal, rf):
    view = public_page()(_streamed)
    _streamed.produced = 0
    first = view(rf.get("/flux.csv"), slug="pedt-ivry")
    assert first.streaming
    body = b"".join(first.streaming_content)
    again = view(rf.get("/flux.csv"), slug="pedt-ivry")
    assert not again.streaming
    assert again.content == body
    assert _streamed.produced == 1
    assert again["ETag"] == first["ETag"]


def test_a_streamed_answer_too_long_to_keep_is_streamed_each_time(portal, rf, monkeypatch):
    monkeypatch.setattr(page_cache, "MAX_STORED_BYTES", 100)
    view = public_page()(_streamed)
    _streamed.produced = 0
    for _ in range(2):
        response = view(rf.get("/flux.csv"), slug="pedt-ivry")
        assert response.streaming
        assert b"".join(response.streaming_content).count(b"\n") == 1000
    assert _streamed.produced == 2
