"""The map of Liaoning's 14 cities, drawn on the server: outlines projected and simplified once
from web/data/liaoning_cities.geojson, then each city shaded by a count (zones per city).

`city_map(cities, title)` returns what the `_map.html` macro draws: the SVG's size, each city's
path, label point, count and shade, and the legend (shade, range, number of cities).
"""

from __future__ import annotations

import json
import math
from functools import lru_cache
from itertools import pairwise
from pathlib import Path
from typing import Any

GEOJSON = Path(__file__).parent / "data" / "liaoning_cities.geojson"
WIDTH = 640  # px of the drawing; the height follows from the outline
LEGEND = 190  # px right of the drawing for the legend
TOLERANCE = 1.0  # px: points closer than this to the simplified line are dropped
ZERO_FILL = "#f2efe9"
FILLS = ("#f7d9cb", "#efb197", "#df7f62", "#bf4c33", "#84200f")  # light to dark
DARK = FILLS[3:]  # shades that carry white labels

Point = tuple[float, float]


@lru_cache(maxsize=1)
def outlines() -> dict[str, Any]:
    """{"width", "height", "cities": {name: {"code", "d", "label"}}}, in the file's order."""
    features = json.loads(GEOJSON.read_text(encoding="utf-8"))["features"]
    rings = [ring for f in features for poly in _polygons(f["geometry"]) for ring in poly]
    lons = [x for ring in rings for x, _ in ring]
    lats = [y for ring in rings for _, y in ring]
    north, west = max(lats), min(lons)
    kx = math.cos(math.radians((max(lats) + min(lats)) / 2))
    scale = WIDTH / ((max(lons) - west) * kx)

    def project(lon: float, lat: float) -> Point:
        return ((lon - west) * kx * scale, (north - lat) * scale)

    cities = {}
    for f in features:
        props = f["properties"]
        paths = [
            _path([project(*p) for p in ring]) for poly in _polygons(f["geometry"]) for ring in poly
        ]
        cities[props["name"]] = {
            "code": props["code"],
            "d": "".join(p for p in paths if p),
            "label": tuple(round(v, 1) for v in project(*props["label_point"])),
        }
    height = math.ceil((north - min(lats)) * scale)
    return {"width": WIDTH, "height": height, "cities": cities}


def _polygons(geometry: dict[str, Any]) -> list[list[list[Point]]]:
    coords = geometry["coordinates"]
    return coords if geometry["type"] == "MultiPolygon" else [coords]


def _path(points: list[Point]) -> str:
    """An SVG path of the simplified ring ("" for a ring that shrinks to a speck)."""
    kept = simplify(points, TOLERANCE)
    if len(kept) < 4 or abs(_area(kept)) < 2:
        return ""
    head, *rest = (f"{x:.1f} {y:.1f}" for x, y in kept[:-1])
    return f"M{head}L{' '.join(rest)}Z"


def _area(points: list[Point]) -> float:
    return sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in pairwise(points)) / 2


def simplify(points: list[Point], tolerance: float) -> list[Point]:
    """Douglas–Peucker: the points that keep the line within `tolerance` of the original."""
    keep = {0, len(points) - 1}
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        far, distance = first, 0.0
        for i in range(first + 1, last):
            d = _distance(points[i], points[first], points[last])
            if d > distance:
                far, distance = i, d
        if distance > tolerance:
            keep.add(far)
            stack += [(first, far), (far, last)]
    return [points[i] for i in sorted(keep)]


def _distance(p: Point, a: Point, b: Point) -> float:
    """Distance of `p` from the segment a–b."""
    (px, py), (ax, ay), (bx, by) = p, a, b
    dx, dy = bx - ax, by - ay
    if dx == dy == 0:
        return math.hypot(px - ax, py - ay)
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
    return math.hypot(px - ax - t * dx, py - ay - t * dy)


def bins(largest: int) -> list[tuple[int, int]]:
    """Count ranges, one per shade: 0 alone, then up to five ranges up to `largest`."""
    if largest <= 0:
        return [(0, 0)]
    step = math.ceil(largest / len(FILLS))
    return [(0, 0)] + [(lo, min(lo + step - 1, largest)) for lo in range(1, largest + 1, step)]


def _shades(n: int) -> list[str]:
    """`n` shades spread over FILLS, light to dark."""
    if n <= 1:
        return list(FILLS[2:3])[:n]
    return [FILLS[round(i * (len(FILLS) - 1) / (n - 1))] for i in range(n)]


def city_map(cities: list[dict[str, Any]], title: str) -> dict[str, Any]:
    """What the page draws: each city (name, count, path, shade) and the legend."""
    shapes = outlines()
    ranges = bins(max((c["zones"] for c in cities), default=0))
    fills = [ZERO_FILL, *_shades(len(ranges) - 1)]
    drawn, legend = (
        [],
        [{"range": r, "fill": f, "cities": 0} for r, f in zip(ranges, fills, strict=True)],
    )
    for city in cities:
        shade = next(i for i, (lo, hi) in enumerate(ranges) if lo <= city["zones"] <= hi)
        legend[shade]["cities"] += 1
        fill = fills[shade]
        drawn.append({**city, **shapes["cities"][city["name"]], "fill": fill, "dark": fill in DARK})
    return {
        "title": title,
        "width": shapes["width"] + LEGEND,
        "legend_x": shapes["width"] + 20,
        "height": shapes["height"],
        "cities": drawn,
        "legend": legend,
    }
