"""The demo Cité éducative's illustrative contours, loaded through the admin's checks."""

import json

import pytest
from django.core.management import call_command

from actors.models import Neighbourhood
from demo import shapes as demo_shapes
from demo.datafile import DemoDataError

pytestmark = pytest.mark.django_db


def test_the_cite_educative_neighbourhoods_get_adjacent_illustrative_contours(client):
    call_command("loaddemo")
    hoods = Neighbourhood.objects.filter(territory__slug="territoire-exemple").order_by("name")
    assert [(n.name, n.shape["type"], n.shape_illustrative) for n in hoods] == [
        ("Centre", "Polygon", True),
        ("Quartiers sud", "Polygon", True),
    ]
    centre, south = ({tuple(p) for p in n.shape["coordinates"][0]} for n in hoods)
    assert len(centre & south) >= 4, "the two neighbourhoods share a border"
    assert not Neighbourhood.objects.filter(territory__slug="ivry-sur-seine").exclude(shape=None).exists()

    html = client.get("/strategies/cite-educative-exemple/quartiers/").content.decode()
    assert html.count('class="map__area"') == 2
    assert "Carte illustrative : les contours sont un dessin d'exemple" in html


def test_a_broken_demo_contours_file_stops_the_loading_with_the_file_named(tmp_path, monkeypatch):
    call_command("loaddemo")
    broken = {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "properties": {"nom": "Ailleurs"},
                "geometry": {"type": "Point", "coordinates": [2.3, 47.0]},
            }
        ],
    }
    (tmp_path / "quartiers-territoire-exemple.geojson").write_text(json.dumps(broken))
    monkeypatch.setattr(demo_shapes, "DATA_DIR", tmp_path)
    with pytest.raises(DemoDataError, match="quartiers-territoire-exemple.geojson : Objet 1 \\(Ailleurs\\)"):
        demo_shapes.load_shapes()
