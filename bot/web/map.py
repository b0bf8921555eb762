"""The overview's map: commune (or province) centroids from the vietnamadminunits data, drawn as inline SVG.

The package ships each July-2025 ward's and province's latitude and longitude (no outlines), read from its
SQLite file without importing its code (see the Makefile). Map tiles are not reachable, so the points are
drawn on a plain equirectangular projection, sized by declarations and coloured by the chosen measure.
"""

from __future__ import annotations

import importlib.util
import math
import sqlite3
from dataclasses import dataclass
from functools import cache
from pathlib import Path

WIDTH = 640
MAX_HEIGHT = 720
PAD = 16
SHADES = ("#fde0dd", "#fa9fb5", "#f768a1", "#c51b8a", "#7a0177")  # light to dark


@dataclass(frozen=True)
class Point:
    """One area on the map."""

    code: str
    x: float
    y: float
    r: float
    fill: str
    title: str
    href: str


def _dataset() -> Path | None:
    spec = importlib.util.find_spec("vietnamadminunits")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / "data" / "dataset.db"
    return path if path.exists() else None


@cache
def centroids() -> dict[str, tuple[float, float]]:
    """(latitude, longitude) by commune code and by province code; empty when the data package is missing."""
    path = _dataset()
    if path is None:
        return {}
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as connection:
        rows = connection.execute("SELECT provinceCode, provinceLat, provinceLon, wardCode, wardLat, wardLon "
                                  "FROM admin_units").fetchall()
    found: dict[str, tuple[float, float]] = {}
    for province, plat, plon, ward, wlat, wlon in rows:
        if province and plat is not None:
            found.setdefault(str(province).zfill(2), (plat, plon))
        if ward and wlat is not None:
            found[str(ward).zfill(5)] = (wlat, wlon)
    return found


def shade(value: float, top: float) -> str:
    """The colour of a value on a scale from 0 to ``top``."""
    if top <= 0 or value <= 0:
        return SHADES[0]
    return SHADES[min(len(SHADES) - 1, 1 + int((len(SHADES) - 1) * value / top * 0.999))]


def layout(values: dict[str, tuple[float, int, str, str]]) -> tuple[list[Point], float]:
    """Points for areas given as code -> (measure, declarations, title, link); and the drawing's height.

    Areas without a known centroid are left out (they remain in the table).
    """
    known = {code: centroids()[code] for code in values if code in centroids()}
    if not known:
        return [], 0.0
    lats = [lat for lat, _ in known.values()]
    lons = [lon for _, lon in known.values()]
    squeeze = math.cos(math.radians(sum(lats) / len(lats)))
    span_x = max((max(lons) - min(lons)) * squeeze, 1e-3)
    span_y = max(max(lats) - min(lats), 1e-3)
    scale = min((WIDTH - 2 * PAD) / span_x, (MAX_HEIGHT - 2 * PAD) / span_y)
    height = span_y * scale + 2 * PAD
    top_measure = max(value[0] for value in values.values())
    top_count = max(value[1] for value in values.values()) or 1
    points = []
    for code, (lat, lon) in sorted(known.items()):
        measure, count, title, href = values[code]
        radius = 3 + 9 * math.sqrt(count / top_count)
        points.append(Point(code, PAD + (lon - min(lons)) * squeeze * scale, PAD + (max(lats) - lat) * scale,
                            round(radius, 1), shade(measure, top_measure), title, href))
    return points, round(height, 1)
