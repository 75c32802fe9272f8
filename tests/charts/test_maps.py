"""The neighbourhoods' SVG map: one named link per neighbourhood, the same links as its alternative."""

import xml.etree.ElementTree as ET

from actors.models import Neighbourhood
from charts.maps import neighbourhood_map

SVG = "{http://www.w3.org/2000/svg}"
WEST = [[2.30, 48.80], [2.32, 48.80], [2.32, 48.82], [2.30, 48.82], [2.30, 48.80]]
EAST = [[2.32, 48.80], [2.34, 48.80], [2.34, 48.82], [2.32, 48.82], [2.32, 48.80]]
HOLE = [[2.325, 48.805], [2.335, 48.805], [2.335, 48.815], [2.325, 48.805]]


def hood(pk, name, rings, **fields):
    return Neighbourhood(
        pk=pk, name=name, slug=name.lower(), shape={"type": "Polygon", "coordinates": rings}, **fields
    )


def draw(neighbourhoods, **kwargs):
    return neighbourhood_map(neighbourhoods, lambda n: f"/quartiers/{n.slug}/", **kwargs)


def test_each_neighbourhood_is_one_named_link_around_its_path():
    picture = draw([hood(1, "Ouest", [WEST]), hood(2, "Est", [EAST, HOLE])])
    root = ET.fromstring(picture.svg)
    links = root.findall(f"{SVG}a")
    assert [(a.get("href"), a.get("aria-label"), a.find(f"{SVG}title").text) for a in links] == [
        ("/quartiers/ouest/", "Ouest", "Ouest"),
        ("/quartiers/est/", "Est", "Est"),
    ]
    assert all(len(a.findall(f"{SVG}path")) == 1 for a in links)
    # The hole is a second sub-path, cut out by the even-odd rule.
    assert links[1].find(f"{SVG}path").get("d").count("M") == 2
    assert [(link.name, link.href) for link in picture.links] == [
        ("Ouest", "/quartiers/ouest/"),
        ("Est", "/quartiers/est/"),
    ]
    assert root.get("aria-describedby") == picture.alternative_id


def test_the_projection_keeps_the_contours_proportions_and_west_on_the_left():
    picture = draw([hood(1, "Ouest", [WEST]), hood(2, "Est", [EAST])])
    root = ET.fromstring(picture.svg)
    xs, ys = [], []
    for a in root.findall(f"{SVG}a"):
        for point in a.find(f"{SVG}path").get("d").replace("M", "").replace("Z", "").split("L"):
            x, y = point.split()
            xs.append(float(x))
            ys.append(float(y))
    # 0.04° of longitude × cos(48.81°) against 0.02° of latitude: about 1.32 times wider than high.
    assert root.get("viewBox").startswith("0 0 640 ")
    assert abs((max(xs) - min(xs)) / (max(ys) - min(ys)) - 1.317) < 0.01
    west, east = (a.find(f"{SVG}path").get("d") for a in root.findall(f"{SVG}a"))
    assert float(west.split()[0][1:]) < float(east.split()[0][1:])


def test_the_current_neighbourhood_is_marked_for_everyone():
    west, east = hood(1, "Ouest", [WEST]), hood(2, "Est", [EAST])
    root = ET.fromstring(draw([west, east], current=east).svg)
    current = [a for a in root.findall(f"{SVG}a") if a.get("aria-current") == "page"]
    assert [a.get("aria-label") for a in current] == ["Est (ce quartier)"]


def test_neighbourhoods_without_contour_are_left_out_and_none_gives_no_map():
    picture = draw([hood(1, "Ouest", [WEST]), Neighbourhood(pk=2, name="Sans contour", slug="sans")])
    assert [link.name for link in picture.links] == ["Ouest"]
    assert draw([Neighbourhood(pk=2, name="Sans contour", slug="sans")]) is None


def test_an_illustrative_contour_makes_the_map_illustrative():
    assert draw([hood(1, "Ouest", [WEST])]).illustrative is False
    assert draw([hood(1, "Ouest", [WEST], shape_illustrative=True)]).illustrative is True


def test_names_are_escaped_and_the_svg_has_no_style_nor_script():
    picture = draw([hood(1, "<Nord & Sud>", [WEST])])
    assert "<Nord" not in picture.svg and "&lt;Nord &amp; Sud&gt;" in picture.svg
    assert "style=" not in picture.svg and "<script" not in picture.svg
    ET.fromstring(picture.svg)


def test_points_closer_than_the_drawing_unit_are_merged():
    dense = [[2.30 + i * 1e-7, 48.80] for i in range(1000)] + [
        [2.32, 48.80],
        [2.32, 48.82],
        [2.30, 48.82],
        [2.30, 48.80],
    ]
    d = ET.fromstring(draw([hood(1, "Dense", [dense])]).svg).find(f"{SVG}a/{SVG}path").get("d")
    assert d.count("L") < 10
