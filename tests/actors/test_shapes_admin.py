"""The contours upload on a territory's admin page, submitted as the page renders it."""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from actors import roles
from actors.models import Neighbourhood
from tests.actors.factories import NeighbourhoodFactory
from tests.actors.test_shapes import RING, collection, feature
from tests.strategy.admin.html_forms import submitted_data
from tests.strategy.factories import TerritoryFactory, UserFactory, pilot_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def territory():
    territory = TerritoryFactory(name="Territoire exemple")
    NeighbourhoodFactory(territory=territory, name="Quartiers sud", slug="quartiers-sud", qpv_code="QN99901X")
    return territory


def url(territory):
    return f"/admin/actors/territory/{territory.pk}/contours/"


def upload(client, territory, document, **fields):
    page = client.get(url(territory))
    assert page.status_code == 200
    data = {
        key: values[0] for key, values in submitted_data(page.content.decode(), "citedu-shapes-form").items()
    }
    data.update(fields)
    data["shapes_file"] = SimpleUploadedFile(
        "qpv.geojson", json.dumps(document).encode(), "application/geo+json"
    )
    return client.post(url(territory), data, follow=True)


def test_the_territory_page_links_to_the_contours_import(client, territory):
    client.force_login(UserFactory(role=roles.COORDINATION))
    html = client.get(f"/admin/actors/territory/{territory.pk}/change/").content.decode()
    assert f'href="{url(territory)}"' in html
    assert "Importer les contours des quartiers" in html


def test_coordination_imports_the_contours_and_sees_which_neighbourhoods_got_one(client, territory):
    client.force_login(UserFactory(role=roles.COORDINATION))
    response = upload(client, territory, collection(feature({"code_qp": "QN99901X"})), illustrative="on")
    assert "Contours importés pour : Quartiers sud." in response.content.decode()
    neighbourhood = Neighbourhood.objects.get(slug="quartiers-sud")
    assert neighbourhood.shape == {"type": "Polygon", "coordinates": [RING]}
    assert neighbourhood.shape_illustrative is True


def test_a_refused_file_lists_its_errors_in_french_and_saves_nothing(client, territory):
    client.force_login(UserFactory(role=roles.COORDINATION))
    lambert = {"type": "name", "properties": {"name": "EPSG:2154"}}
    response = upload(client, territory, collection(feature({"code_qp": "QN99901X"}), crs=lambert))
    html = response.content.decode()
    assert "Fichier refusé : aucun contour n'a été enregistré." in html
    assert "Système de coordonnées refusé : « EPSG:2154 »." in html
    assert Neighbourhood.objects.get(slug="quartiers-sud").shape is None


def test_a_pilot_may_not_import_contours(client, territory):
    client.force_login(pilot_user())
    assert client.get(url(territory)).status_code == 403


def test_an_unknown_territory_is_a_404(client, territory):
    client.force_login(UserFactory(role=roles.COORDINATION))
    assert client.get("/admin/actors/territory/999999/contours/").status_code == 404
