"""The GeoJSON contours checks: each refusal in French, and nothing saved on any error."""

import io
import json

import pytest

from actors.models import Neighbourhood
from actors.shapes import MAX_FILE_SIZE, ShapeFileError, import_shapes
from tests.actors.factories import NeighbourhoodFactory
from tests.strategy.factories import TerritoryFactory

pytestmark = pytest.mark.django_db

RING = [[2.38, 48.82], [2.40, 48.82], [2.40, 48.83], [2.38, 48.83], [2.38, 48.82]]


def feature(properties, geometry=None):
    return {
        "type": "Feature",
        "properties": properties,
        "geometry": geometry or {"type": "Polygon", "coordinates": [RING]},
    }


def collection(*features, **extra):
    return {"type": "FeatureCollection", "features": list(features), **extra}


def as_file(document):
    return io.BytesIO(json.dumps(document).encode())


@pytest.fixture
def territory():
    territory = TerritoryFactory(name="Ivry-sur-Seine")
    NeighbourhoodFactory(territory=territory, name="Ivry-Port", slug="ivry-port", qpv_code="QN09401M")
    NeighbourhoodFactory(territory=territory, name="Petit-Ivry", slug="petit-ivry")
    return territory


def refusal(document_or_file, territory):
    stream = document_or_file if isinstance(document_or_file, io.BytesIO) else as_file(document_or_file)
    with pytest.raises(ShapeFileError) as caught:
        import_shapes(stream, territory, illustrative=False)
    assert not Neighbourhood.objects.exclude(shape=None).exists(), "a refused file saved a contour"
    return caught.value.errors


def test_it_matches_features_by_qpv_code_slug_or_name_and_saves_them(territory):
    document = collection(
        feature({"code_qp": "QN09401M", "lib_qp": "Ivry Port (nom officiel)"}),
        feature({"nom": "petit-ivry"}, {"type": "MultiPolygon", "coordinates": [[RING]]}),
    )
    updated = import_shapes(as_file(document), territory, illustrative=True)
    assert [n.name for n in updated] == ["Ivry-Port", "Petit-Ivry"]
    port = Neighbourhood.objects.get(slug="ivry-port")
    assert port.shape == {"type": "Polygon", "coordinates": [RING]}
    assert port.shape_illustrative is True
    assert Neighbourhood.objects.get(slug="petit-ivry").shape["type"] == "MultiPolygon"


def test_a_file_over_the_size_bound_is_refused_before_parsing(territory):
    errors = refusal(io.BytesIO(b" " * (MAX_FILE_SIZE + 1)), territory)
    assert errors == ["Fichier refusé : il dépasse 5 Mo. Ne garder que les quartiers du territoire."]


def test_invalid_json_is_refused_with_its_line(territory):
    errors = refusal(io.BytesIO(b'{"type": "FeatureCollection",\n "features": [}'), territory)
    assert errors == ["Fichier refusé : ce n'est pas du JSON valide (ligne 2, colonne 15)."]


def test_a_file_that_is_not_utf8_is_refused(territory):
    assert refusal(io.BytesIO('{"nom": "Créteil"}'.encode("cp1252")), territory) == [
        "Fichier refusé : il n'est pas écrit en UTF-8."
    ]


def test_a_single_geometry_is_refused_for_a_feature_collection(territory):
    errors = refusal({"type": "Polygon", "coordinates": [RING]}, territory)
    assert "FeatureCollection" in errors[0]


def test_points_and_lines_are_refused(territory):
    errors = refusal(
        collection(
            feature({"slug": "ivry-port"}, {"type": "Point", "coordinates": [2.39, 48.82]}),
            feature({"slug": "petit-ivry"}, {"type": "LineString", "coordinates": RING}),
        ),
        territory,
    )
    only = "seuls Polygon et MultiPolygon décrivent un quartier."
    assert errors == [
        f"Objet 1 (ivry-port) : géométrie « Point » refusée : {only}",
        f"Objet 2 (petit-ivry) : géométrie « LineString » refusée : {only}",
    ]


def test_a_lambert_93_crs_is_refused_with_how_to_convert(territory):
    lambert = {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::2154"}}
    errors = refusal(collection(feature({"slug": "ivry-port"}), crs=lambert), territory)
    assert errors[0] == "Système de coordonnées refusé : « urn:ogc:def:crs:EPSG::2154 »."
    assert "Lambert-93 (EPSG:2154)" in errors[1] and "EPSG:4326" in errors[1]


def test_projected_coordinates_without_crs_are_refused_with_the_same_hint(territory):
    projected = [[655000, 6858000], [656000, 6858000], [656000, 6859000], [655000, 6858000]]
    errors = refusal(
        collection(feature({"slug": "ivry-port"}, {"type": "Polygon", "coordinates": [projected]})), territory
    )
    assert errors[0].startswith("Objet 1 (ivry-port) : le point [655000, 6858000] n'est pas une longitude")
    assert "Lambert-93" in errors[-1]


def test_an_open_ring_is_refused(territory):
    errors = refusal(
        collection(
            feature({"slug": "ivry-port"}, {"type": "Polygon", "coordinates": [RING[:-1] + [[2.39, 48.83]]]})
        ),
        territory,
    )
    assert errors == [
        "Objet 1 (ivry-port) : un contour n'est pas fermé (son dernier point doit être le premier)."
    ]


def test_unknown_neighbourhoods_are_listed_and_nothing_is_saved(territory):
    errors = refusal(
        collection(
            feature({"slug": "ivry-port"}),
            feature({"code_qp": "QN09499Z", "lib_qp": "Quartier de Vitry"}),
            feature({"nom": "Nulle part"}),
        ),
        territory,
    )
    assert errors == [
        "Objet 2 (QN09499Z · Quartier de Vitry) : aucun quartier de « Ivry-sur-Seine » ne porte ce code QPV, "
        "cet identifiant ou ce nom.",
        "Objet 3 (Nulle part) : aucun quartier de « Ivry-sur-Seine » ne porte ce code QPV, "
        "cet identifiant ou ce nom.",
    ]


def test_a_neighbourhood_of_another_territory_is_unknown_here(territory):
    NeighbourhoodFactory(territory=TerritoryFactory(name="Vitry"), name="Vitry Centre", qpv_code="QN09499Z")
    errors = refusal(collection(feature({"code_qp": "QN09499Z"})), territory)
    assert "aucun quartier de « Ivry-sur-Seine »" in errors[0]


def test_two_contours_for_one_neighbourhood_are_refused(territory):
    errors = refusal(collection(feature({"slug": "ivry-port"}), feature({"code_qp": "QN09401M"})), territory)
    assert errors == [
        "Objet 2 (QN09401M) : le quartier « Ivry-Port » a déjà un contour dans ce fichier (objet 1)."
    ]


def test_an_empty_collection_is_refused(territory):
    assert refusal(collection(), territory) == [
        "Fichier refusé : la FeatureCollection ne contient aucun quartier."
    ]


def test_importing_the_same_file_twice_writes_nothing_the_second_time(territory, django_assert_num_queries):
    document = collection(feature({"slug": "ivry-port"}))
    import_shapes(as_file(document), territory, illustrative=False)
    with django_assert_num_queries(1):  # the territory's neighbourhoods, to match the features
        import_shapes(as_file(document), territory, illustrative=False)
