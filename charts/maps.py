"""The map of a territory's neighbourhoods, drawn on the server as SVG from their imported contours.

No tile server and no request anywhere: the contours (GeoJSON geometries in WGS 84, checked by
``actors.shapes``) are projected here, equirectangular with the longitudes scaled by the cosine of the
mean latitude, which is exact enough at a city's scale. Each neighbourhood is one link (``<a href>``
wrapping its ``<path>``, named by ``aria-label`` and ``<title>``), reachable with the Tab key; the page
lists the same links as the map's text alternative (``NeighbourhoodMap.links``). A point closer than one
unit of the 640-unit-wide picture to the previous one is dropped, which simplifies the State's detailed
contours enough for a page.
"""

import math
from dataclasses import dataclass, field
from xml.sax.saxutils import escape, quoteattr

from django.utils.translation import gettext as _

WIDTH = 640
MAX_HEIGHT = 480
PADDING = 12
#: Points closer than this to the previous one are dropped (the picture is 640 units wide).
MIN_STEP = 1.0
FILL = "#dbe6f4"
FILL_PRIORITY = "#b9cce9"
FILL_CURRENT = "#1d4f91"
STROKE = "#1d4f91"
TEXT = "#1a1a1a"
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif"


@dataclass(frozen=True)
class MapLink:
    name: str
    href: str
    is_current: bool = False


@dataclass
class NeighbourhoodMap:
    """The SVG and, as its text alternative, the same links in the same order."""

    svg: str
    title: str
    links: list = field(default_factory=list)
    illustrative: bool = False
    #: The id of the list of links the page prints below the map (``aria-describedby``).
    alternative_id: str = "carte-quartiers-liste"

    def __html__(self):
        return self.svg


def _polygons(geometry):
    coordinates = geometry["coordinates"]
    return coordinates if geometry["type"] == "MultiPolygon" else [coordinates]


class _Projection:
    """Longitude and latitude to the picture's x and y (y downwards), fitted to the contours' extent."""

    def __init__(self, geometries):
        positions = [
            position
            for geometry in geometries
            for polygon in _polygons(geometry)
            for ring in polygon
            for position in ring
        ]
        longitudes = [position[0] for position in positions]
        latitudes = [position[1] for position in positions]
        self.west, self.east = min(longitudes), max(longitudes)
        self.south, self.north = min(latitudes), max(latitudes)
        self.x_scale = math.cos(math.radians((self.south + self.north) / 2))
        span_x = max((self.east - self.west) * self.x_scale, 1e-9)
        span_y = max(self.north - self.south, 1e-9)
        self.unit = min((WIDTH - 2 * PADDING) / span_x, (MAX_HEIGHT - 2 * PADDING) / span_y)
        self.height = round(span_y * self.unit + 2 * PADDING)
        self.offset_x = (WIDTH - span_x * self.unit) / 2

    def __call__(self, position):
        x = self.offset_x + (position[0] - self.west) * self.x_scale * self.unit
        y = PADDING + (self.north - position[1]) * self.unit
        return round(x, 1), round(y, 1)


def _ring_points(ring, project):
    """The ring's points in the picture, each at least ``MIN_STEP`` from the previous one kept."""
    points = []
    for position in ring:
        point = project(position)
        if not points or math.dist(point, points[-1]) >= MIN_STEP:
            points.append(point)
    if len(points) > 1 and points[0] == points[-1]:
        points.pop()
    return points


def _area_and_centre(points):
    """The ring's area (shoelace) and centroid, for placing the name inside the largest ring."""
    area = cx = cy = 0.0
    for (x1, y1), (x2, y2) in zip(points, points[1:] + points[:1], strict=True):
        cross = x1 * y2 - x2 * y1
        area += cross
        cx += (x1 + x2) * cross
        cy += (y1 + y2) * cross
    if not area:
        xs, ys = zip(*points, strict=True)
        return 0.0, (sum(xs) / len(xs), sum(ys) / len(ys))
    return abs(area) / 2, (cx / (3 * area), cy / (3 * area))


def _path(geometry, project):
    """The ``d`` of the geometry's path (holes drawn by the even-odd rule) and where to write its name."""
    parts, best = [], (0.0, None)
    for polygon in _polygons(geometry):
        for index, ring in enumerate(polygon):
            points = _ring_points(ring, project)
            if len(points) < 3:
                continue
            parts.append("M" + " L".join(f"{x:g} {y:g}" for x, y in points) + " Z")
            if index == 0:
                best = max(best, _area_and_centre(points), key=lambda found: found[0])
    return " ".join(parts), best[1]


def neighbourhood_map(neighbourhoods, href_of, *, current=None, title=None):
    """The map of those of ``neighbourhoods`` that have a contour, each linking to ``href_of(it)``, with
    ``current`` (a neighbourhood) highlighted; None when none has a contour (the page shows lists only)."""
    drawn = [neighbourhood for neighbourhood in neighbourhoods if neighbourhood.shape]
    if not drawn:
        return None
    title = title or _("Carte des quartiers")
    project = _Projection([neighbourhood.shape for neighbourhood in drawn])
    links, shapes, labels = [], [], []
    for neighbourhood in drawn:
        is_current = current is not None and neighbourhood.pk == current.pk
        link = MapLink(neighbourhood.name, href_of(neighbourhood), is_current)
        links.append(link)
        d, centre = _path(neighbourhood.shape, project)
        fill = FILL_CURRENT if is_current else FILL_PRIORITY if neighbourhood.is_priority else FILL
        name = _("%(name)s (ce quartier)") % {"name": link.name} if is_current else link.name
        aria_current = ' aria-current="page"' if is_current else ""
        shapes.append(
            f'<a href={quoteattr(link.href)} aria-label={quoteattr(name)}{aria_current} class="map__area">'
            f"<title>{escape(name)}</title>"
            f'<path d="{d}" fill="{fill}" fill-rule="evenodd" stroke="{STROKE}" stroke-width="1.5"/></a>'
        )
        if centre:
            colour, halo = ("#ffffff", FILL_CURRENT) if is_current else (TEXT, "#ffffff")
            labels.append(
                f'<text x="{centre[0]:.1f}" y="{centre[1]:.1f}" text-anchor="middle" '
                f'dominant-baseline="middle" fill="{colour}" stroke="{halo}" stroke-width="3" '
                f'paint-order="stroke" font-weight="bold">{escape(link.name)}</text>'
            )
    result = NeighbourhoodMap(
        svg="",
        title=title,
        links=links,
        illustrative=any(neighbourhood.shape_illustrative for neighbourhood in drawn),
    )
    result.svg = (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {project.height}" width="100%" '
        f'role="group" aria-labelledby="carte-quartiers-titre" '
        f'aria-describedby="{result.alternative_id}" font-family={quoteattr(FONT)} font-size="16" '
        'class="map">'
        f'<title id="carte-quartiers-titre">{escape(title)}</title>'
        f"{''.join(shapes)}"
        # The names are drawn above every area, and left out of the links' names (aria-label has them).
        f'<g aria-hidden="true" pointer-events="none">{"".join(labels)}</g></svg>'
    )
    return result
