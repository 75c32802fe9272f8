"""What a review of the whole change found, each kept fixed: a cached file's encoding, a contours
import seen at once, no 304 for a draft's address, no cache of filtered files, a SIRET of odd digits,
and a legal record never created by who may not edit it."""

import gzip
import io
import json

import pytest
from django.test import Client

from actors import roles
from actors.shapes import import_shapes
from legal.models import LegalNotice
from legal.validators import validate_siret
from strategy import revision
from tests.portal.conftest import build_portal
from tests.strategy.factories import UserFactory

pytestmark = pytest.mark.django_db

CSV = "/strategies/pedt-ivry/actions.csv"


def read(response):
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return gzip.decompress(body) if response.get("Content-Encoding") == "gzip" else body


def test_a_file_first_read_gzipped_is_served_plain_to_the_next_reader_and_gzipped_again():
    build_portal(action_count=3)
    first = Client().get(CSV, HTTP_ACCEPT_ENCODING="gzip")
    assert first["Content-Encoding"] == "gzip"
    expected = read(first)
    assert expected.startswith(b"\xef\xbb\xbfCode;")

    plain = Client().get(CSV)
    zipped = Client().get(CSV, HTTP_ACCEPT_ENCODING="gzip")

    assert not plain.has_header("Content-Encoding") and read(plain) == expected
    assert read(zipped) == expected


def test_a_filtered_file_is_streamed_but_never_stored():
    build_portal(action_count=3)
    for number in range(3):
        response = Client().get(CSV, {"x": number})
        assert response.streaming
        b"".join(response.streaming_content)
    # Not stored: the next read of the same filtered file is streamed again.
    assert Client().get(CSV, {"x": 0}).streaming


def test_if_none_match_star_is_no_way_to_learn_a_draft_s_address():
    build_portal(action_count=1)
    response = Client().get("/strategies/pedt-ivry/actions/nope/", HTTP_IF_NONE_MATCH="*")
    assert response.status_code == 404


def test_a_contours_import_bumps_the_revision_of_the_territory_s_strategies():
    portal = build_portal(action_count=1)
    strategy = portal["strategy"]
    neighbourhood = strategy.territory.neighbourhoods.first()
    before = revision.current(strategy)
    square = [[[2.38, 48.81], [2.39, 48.81], [2.39, 48.82], [2.38, 48.82], [2.38, 48.81]]]
    geojson = {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "properties": {"nom": neighbourhood.name},
                "geometry": {"type": "Polygon", "coordinates": square},
            }
        ],
    }

    import_shapes(io.BytesIO(json.dumps(geojson).encode()), strategy.territory, illustrative=False)

    assert revision.current(strategy) > before


def test_a_siret_of_other_digits_is_refused_in_french_not_a_500():
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError, match="14 chiffres"):
        validate_siret("2134000000001²")


def test_a_staff_member_who_may_not_edit_the_legal_notice_creates_nothing_by_opening_it():
    copil = UserFactory(username="copil-curieux", role=roles.COPIL)
    client = Client()
    client.force_login(copil)

    response = client.get("/admin/legal/legalnotice/1/change/")

    assert response.status_code in (302, 403)
    assert not LegalNotice.objects.exists()
