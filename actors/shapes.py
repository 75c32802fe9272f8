"""Neighbourhood contours imported from a GeoJSON FeatureCollection, checked before anything is saved.

One door for the admin upload and the demo loader: ``read_shapes`` reads a bounded file and checks it
(JSON, geometry types, WGS 84 longitudes and latitudes, every feature matched to one neighbourhood of the
territory), ``import_shapes`` saves the contours only when no error was found. Each feature is matched by
its QPV code (``code_qp`` as in the State's QPV contours, or ``CODE_QP``), else its ``slug``, else its
name (``nom``, ``name``, ``lib_qp``).

Plain ``json`` and a few checks are enough: the portal refuses a projected file rather than reprojecting
it (no pyproj), and draws the contours itself (``charts.maps``), so a geometry library would earn nothing.
"""

import json
import math
from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from actors.models import Neighbourhood
from shared.signals import content_changed

#: A file over this size is refused before it is parsed (the State's contours of one commune are far
#: smaller).
MAX_FILE_SIZE = 5 * 1024 * 1024
GEOMETRY_TYPES = ("Polygon", "MultiPolygon")
#: The names of WGS 84 longitude/latitude a ``crs`` member may give (RFC 7946 drops ``crs``: absent
#: means WGS 84).
WGS84_NAMES = {
    "urn:ogc:def:crs:OGC:1.3:CRS84",
    "urn:ogc:def:crs:OGC::CRS84",
    "urn:ogc:def:crs:EPSG::4326",
    "EPSG:4326",
    "CRS84",
}
CODE_PROPERTIES = ("code_qp", "CODE_QP", "code_qpv", "CODE_QPV")
NAME_PROPERTIES = ("nom", "name", "lib_qp", "LIB_QP", "NOM")
#: Errors listed in full before the list is cut short.
MAX_ERRORS = 20
LAMBERT_HINT = gettext_lazy(
    "Les coordonnées doivent être en longitude et latitude WGS 84 (EPSG:4326). Un fichier en Lambert-93 "
    "(EPSG:2154), comme certains contours publiés, doit d'abord être converti, par exemple avec QGIS "
    "(« Enregistrer sous », SCR EPSG:4326) ou ogr2ogr -t_srs EPSG:4326."
)


class ShapeFileError(Exception):
    """A contours file refused; ``errors`` are French sentences for the user."""

    def __init__(self, errors):
        super().__init__("\n".join(str(error) for error in errors))
        self.errors = [str(error) for error in errors]


@dataclass(frozen=True)
class CheckedShape:
    neighbourhood: Neighbourhood
    geometry: dict


def read_bounded(stream, limit=MAX_FILE_SIZE):
    """The bytes of ``stream``, reading at most one byte past ``limit`` before refusing."""
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise ShapeFileError(
            [
                _("Fichier refusé : il dépasse %(limit)s Mo. Ne garder que les quartiers du territoire.")
                % {"limit": limit // (1024 * 1024)}
            ]
        )
    return data


def _parse(data):
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ShapeFileError([_("Fichier refusé : il n'est pas écrit en UTF-8.")]) from error
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise ShapeFileError(
            [
                _("Fichier refusé : ce n'est pas du JSON valide (ligne %(line)s, colonne %(column)s).")
                % {"line": error.lineno, "column": error.colno}
            ]
        ) from error


def _check_crs(document):
    crs = document.get("crs")
    if crs is None:
        return
    name = crs.get("properties", {}).get("name") if isinstance(crs, dict) else None
    if name not in WGS84_NAMES:
        raise ShapeFileError(
            [_("Système de coordonnées refusé : « %(name)s ».") % {"name": name or crs}, LAMBERT_HINT]
        )


def _is_number(value):
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


class OutOfRange(str):
    """An error about a position outside WGS 84's bounds: the file is probably projected."""


def _ring_error(ring):
    """Why ``ring`` is not a closed ring of WGS 84 positions, or None."""
    if not isinstance(ring, list) or len(ring) < 4:
        return _("un contour doit avoir au moins quatre points")
    for position in ring:
        if not (isinstance(position, list) and len(position) >= 2 and all(map(_is_number, position[:2]))):
            return _("un point n'est pas une paire de nombres [longitude, latitude]")
        longitude, latitude = position[:2]
        if not (-180 <= longitude <= 180 and -90 <= latitude <= 90):
            return OutOfRange(
                _(
                    "le point [%(x)s, %(y)s] n'est pas une longitude et une latitude WGS 84 "
                    "(longitude entre −180 et 180, latitude entre −90 et 90)"
                )
                % {"x": longitude, "y": latitude}
            )
    if ring[0][:2] != ring[-1][:2]:
        return _("un contour n'est pas fermé (son dernier point doit être le premier)")
    return None


def geometry_error(geometry):
    """Why ``geometry`` is not a GeoJSON Polygon or MultiPolygon in WGS 84, or None."""
    if not isinstance(geometry, dict):
        return _("la géométrie est absente")
    kind = geometry.get("type")
    if kind not in GEOMETRY_TYPES:
        return _("géométrie « %(kind)s » refusée : seuls Polygon et MultiPolygon décrivent un quartier") % {
            "kind": kind
        }
    coordinates = geometry.get("coordinates")
    polygons = coordinates if kind == "MultiPolygon" else [coordinates]
    if not isinstance(polygons, list) or not polygons:
        return _("les coordonnées sont absentes")
    for polygon in polygons:
        if not isinstance(polygon, list) or not polygon:
            return _("un polygone n'a aucun contour")
        for ring in polygon:
            error = _ring_error(ring)
            if error:
                return error
    return None


def _feature_label(index, properties):
    name = next((properties[key] for key in (*NAME_PROPERTIES, "slug") if properties.get(key)), None)
    code = next((properties[key] for key in CODE_PROPERTIES if properties.get(key)), None)
    label = " · ".join(str(part) for part in (code, name) if part)
    return (
        _("Objet %(number)s (%(label)s)") % {"number": index + 1, "label": label}
        if label
        else _("Objet %(number)s") % {"number": index + 1}
    )


def _match(properties, neighbourhoods):
    for key in CODE_PROPERTIES:
        code = str(properties.get(key) or "").strip().upper()
        if code:
            found = [n for n in neighbourhoods if n.qpv_code == code]
            if found:
                return found[0]
    slug = str(properties.get("slug") or "").strip()
    if slug:
        found = [n for n in neighbourhoods if n.slug == slug]
        if found:
            return found[0]
    names = {str(properties[key]).strip().casefold() for key in NAME_PROPERTIES if properties.get(key)}
    found = [n for n in neighbourhoods if n.name.casefold() in names]
    return found[0] if found else None


def check_shapes(document, territory):
    """The checked ``CheckedShape`` of each feature of ``document`` (parsed GeoJSON), or ``ShapeFileError``
    listing every problem: wrong structure, geometry or coordinate system, unknown or repeated
    neighbourhood."""
    if not isinstance(document, dict) or document.get("type") != "FeatureCollection":
        raise ShapeFileError(
            [_("Fichier refusé : il doit contenir une FeatureCollection GeoJSON (un objet par quartier).")]
        )
    _check_crs(document)
    features = document.get("features")
    if not isinstance(features, list) or not features:
        raise ShapeFileError([_("Fichier refusé : la FeatureCollection ne contient aucun quartier.")])
    neighbourhoods = list(Neighbourhood.objects.filter(territory=territory))
    errors, checked, seen = [], [], {}
    projected = False
    for index, feature in enumerate(features):
        if not isinstance(feature, dict) or feature.get("type") != "Feature":
            errors.append(_("Objet %(number)s : ce n'est pas une Feature GeoJSON.") % {"number": index + 1})
            continue
        properties = feature.get("properties") if isinstance(feature.get("properties"), dict) else {}
        label = _feature_label(index, properties)
        problem = geometry_error(feature.get("geometry"))
        if problem:
            projected |= isinstance(problem, OutOfRange)
            errors.append(f"{label} : {problem}.")
            continue
        neighbourhood = _match(properties, neighbourhoods)
        if neighbourhood is None:
            errors.append(
                _(
                    "%(label)s : aucun quartier de « %(territory)s » ne porte ce code QPV, "
                    "cet identifiant ou ce nom."
                )
                % {"label": label, "territory": territory.name}
            )
        elif neighbourhood.pk in seen:
            errors.append(
                _("%(label)s : le quartier « %(name)s » a déjà un contour dans ce fichier (objet %(first)s).")
                % {"label": label, "name": neighbourhood.name, "first": seen[neighbourhood.pk]}
            )
        else:
            seen[neighbourhood.pk] = index + 1
            checked.append(CheckedShape(neighbourhood, feature["geometry"]))
    if errors:
        errors = _cut(errors)
        raise ShapeFileError([*errors, LAMBERT_HINT] if projected else errors)
    return checked


def _cut(errors):
    if len(errors) <= MAX_ERRORS:
        return errors
    rest = len(errors) - MAX_ERRORS
    more = ngettext("… et %(count)s autre erreur.", "… et %(count)s autres erreurs.", rest) % {"count": rest}
    return [*errors[:MAX_ERRORS], more]


def read_shapes(stream, territory):
    """``check_shapes`` of a file-like object, read bounded to ``MAX_FILE_SIZE``."""
    return check_shapes(_parse(read_bounded(stream)), territory)


def import_shapes(stream, territory, *, illustrative):
    """Reads, checks and saves the contours of ``stream`` for the neighbourhoods of ``territory``; saves
    nothing when any check fails (``ShapeFileError``). Returns the neighbourhoods given a contour, by
    name; those whose contour was already this one are left unwritten."""
    checked = read_shapes(stream, territory)
    changed = []
    for shape in checked:
        geometry = {"type": shape.geometry["type"], "coordinates": shape.geometry["coordinates"]}
        neighbourhood = shape.neighbourhood
        if neighbourhood.shape != geometry or neighbourhood.shape_illustrative != illustrative:
            neighbourhood.shape, neighbourhood.shape_illustrative = geometry, illustrative
            changed.append(neighbourhood)
    if changed:
        # One statement, in its own transaction: all the contours or none.
        Neighbourhood.objects.bulk_update(changed, ["shape", "shape_illustrative"])
        # bulk_update sends no post_save: the pages that draw these contours must know (their cache).
        content_changed.send(sender=Neighbourhood, instances=changed)
    return sorted((shape.neighbourhood for shape in checked), key=lambda n: n.name)
