"""The demo territories' neighbourhood contours: GeoJSON files of ``demo/data/``, marked illustrative,
loaded through the same checks as the admin's import (``actors.shapes``)."""

from pathlib import Path

from actors.models import Territory
from actors.shapes import ShapeFileError, import_shapes
from demo.datafile import DemoDataError

DATA_DIR = Path(__file__).resolve().parent / "data"
#: Territory slug -> its contours file. Fictional drawings, not the State's official contours.
SHAPE_FILES = {"territoire-exemple": "quartiers-territoire-exemple.geojson"}


def load_shapes():
    """Gives the demo neighbourhoods their illustrative contours; returns how many have one."""
    count = 0
    for slug, name in SHAPE_FILES.items():
        territory = Territory.objects.get(slug=slug)
        try:
            with (DATA_DIR / name).open("rb") as stream:
                count += len(import_shapes(stream, territory, illustrative=True))
        except ShapeFileError as error:
            raise DemoDataError(f"{name} : {error}") from error
    return count
