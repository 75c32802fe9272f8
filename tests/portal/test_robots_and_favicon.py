"""robots.txt keeps crawlers out of the back office and the logins; every page has a favicon."""

import re
from urllib.robotparser import RobotFileParser

from django.contrib.staticfiles import finders
from django.urls import resolve


def test_it_lets_crawlers_read_the_public_pages_but_not_the_back_office_nor_the_logins(client, db):
    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    robots = RobotFileParser()
    robots.parse(response.content.decode().splitlines())
    for public in ("/", "/strategies/pedt-ivry-sur-seine/actions/", "/accessibilite/", "/api/docs/"):
        assert robots.can_fetch("AnyBot", f"http://testserver{public}"), public
    for private in ("/admin/", "/admin/strategy/action/", "/comptes/login/", "/api/v1/strategies/"):
        assert not robots.can_fetch("AnyBot", f"http://testserver{private}"), private
    assert robots.site_maps() is None  # there is no sitemap to point at


def test_every_page_links_the_svg_favicon_that_exists(client, db):
    for url in ("/", "/api/docs/"):
        html = client.get(url).content.decode()
        icon = re.search(r'<link rel="icon" href="/static/([^"]+)" type="image/svg\+xml">', html)
        assert icon, url
        assert finders.find(icon[1]).endswith("logo.svg")


def test_favicon_ico_leads_to_the_svg_favicon_rather_than_a_404(client, db):
    response = client.get("/favicon.ico")

    assert response.status_code == 301
    assert response["Location"] == "/static/img/logo.svg"
    assert resolve("/favicon.ico").url_name == "favicon"
    assert finders.find("img/logo.svg")
