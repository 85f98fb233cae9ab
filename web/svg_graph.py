"""An entity's neighbourhood (kb.graph.neighbourhood) laid out for an SVG drawn on the server:
the entity in the middle, its neighbours on an oval grouped by kind; when there are many, on two
or three ovals in turn, so that neighbouring labels (20–50 of them) stay apart and readable."""

from __future__ import annotations

import math
from typing import Any

from kb.vocabulary import NEIGHBOUR_KINDS

WIDTH, HEIGHT = 1200, 800
RX, RY = 330, 250  # px: radii of the innermost oval
GAP = 55  # px between ovals
CROWDED = (16, 30)  # neighbours from which two, then three ovals are used
LABEL = 9  # characters of a label shown; the whole name is in the node's tooltip
COLOURS = {
    "zone": "#9b1c1c",
    "mineral": "#1f6f8b",
    "region": "#3c7d3a",
    "zone_type": "#7a5c99",
    "clause": "#8a6d1c",
}


def layout(net: dict[str, Any]) -> dict[str, Any]:
    """Positions of the centre, the neighbours (grouped by kind), labels and edges."""
    cx, cy = WIDTH / 2, HEIGHT / 2
    order = list(COLOURS)
    nodes = sorted(net["nodes"], key=lambda n: order.index(n["kind"]))
    placed = {net["center"]["id"]: {**net["center"], "x": cx, "y": cy, **_label(net["center"])}}
    for i, node in enumerate(nodes):
        angle = -math.pi / 2 + 2 * math.pi * i / max(len(nodes), 1)
        ring = i % (1 + sum(len(nodes) >= n for n in CROWDED))
        placed[node["id"]] = _place(node, angle, ring * GAP, cx, cy)
    edges = [
        {
            "x1": placed[e["source"]]["x"],
            "y1": placed[e["source"]]["y"],
            "x2": placed[e["target"]]["x"],
            "y2": placed[e["target"]]["y"],
            "spoke": e["source"] == net["center"]["id"],
        }
        for e in net["edges"]
    ]
    kinds = [k for k in order if any(n["kind"] == k for n in nodes)]
    return {
        "width": WIDTH,
        "height": HEIGHT,
        "center": placed[net["center"]["id"]],
        "nodes": [placed[n["id"]] for n in nodes],
        "edges": edges,
        "legend": [{"kind": k, "label": NEIGHBOUR_KINDS[k], "colour": COLOURS[k]} for k in kinds],
        "colours": COLOURS,
    }


def _place(node: dict[str, Any], angle: float, out: float, cx: float, cy: float) -> dict:
    """A neighbour on its oval (`out` px outside the innermost), its label outside it: to the
    right on the right half, to the left on the left half, above or below at top and bottom."""
    cos, sin = math.cos(angle), math.sin(angle)
    x, y = cx + (RX + out) * cos, cy + (RY + out) * sin
    anchor = "start" if cos > 0.1 else "end" if cos < -0.1 else "middle"
    lx = x + 12 * cos if anchor != "middle" else x
    ly = y + 5 if anchor != "middle" else (y - 14 if sin < 0 else y + 22)
    return {
        **node,
        "x": round(x, 1),
        "y": round(y, 1),
        "lx": round(lx, 1),
        "ly": round(ly, 1),
        "anchor": anchor,
        **_label(node),
    }


def _label(node: dict[str, Any]) -> dict[str, str]:
    text = node["label"]
    return {"short": text if len(text) <= LABEL else text[: LABEL - 1] + "…"}
