"""An entity's neighbourhood in the knowledge graph, for a picture: the entity, its zones,
minerals and regions, and the clauses that set requirements for it (the best ranked few).

Built from the region, mineral and zone answers of kb.graph.views, so a picture shows exactly
what the page lists. Shape: {"center": node, "nodes": [node …], "edges": [{source, target}]},
a node being {"id", "kind" (region / mineral / zone / zone_type / clause), "label", "key"}.
"""

from __future__ import annotations

from typing import Any

MAX_REQUIREMENTS = 8  # the best ranked requirement clauses drawn (the page lists them all)


class Neighbourhood:
    """Nodes and edges gathered once each, in the order they are added."""

    def __init__(self, kind: str, label: str, key: str):
        self.center = _node(kind, label, key)
        self.nodes: dict[str, dict[str, Any]] = {}
        self.edges: list[dict[str, str]] = []

    def add(self, kind: str, label: str, key: str, source: str | None = None) -> str:
        node = _node(kind, label, key)
        if node["id"] != self.center["id"]:
            self.nodes.setdefault(node["id"], node)
            edge = {"source": source or self.center["id"], "target": node["id"]}
            if edge not in self.edges:
                self.edges.append(edge)
        return node["id"]

    def requirements(self, rows: list[dict[str, Any]]) -> None:
        for row in rows[:MAX_REQUIREMENTS]:
            label = (row.get("title") or row["id"].split("/", 1)[-1]).rstrip("。")
            self.add("clause", label, row["id"])

    def as_dict(self) -> dict[str, Any]:
        return {"center": self.center, "nodes": list(self.nodes.values()), "edges": self.edges}


def _node(kind: str, label: str, key: str) -> dict[str, Any]:
    return {"id": f"{kind}:{key}", "kind": kind, "label": label, "key": key}


def _zones(net: Neighbourhood, zones: list[dict[str, Any]], also: str | None = None) -> None:
    """Each zone, with its minerals (or, `also="region"`, its regions) as its own neighbours."""
    for zone in zones:
        zid = net.add("zone", zone["name"], zone["id"])
        if also == "mineral":
            for m in zone["minerals"]:
                net.add("mineral", m, m, source=zid)
        elif also == "region":
            for r in zone["regions"]:
                net.add("region", r, r, source=zid)


def of_region(answer: dict[str, Any]) -> dict[str, Any]:
    region = answer["region"]
    net = Neighbourhood("region", region["name"], region["name"])
    if region["parent"]:
        net.add("region", region["parent"], region["parent"])
    _zones(net, answer["zones"], also="mineral")
    net.requirements(answer["requirements"])
    return net.as_dict()


def of_mineral(answer: dict[str, Any]) -> dict[str, Any]:
    mineral = answer["mineral"]
    net = Neighbourhood("mineral", mineral["name"], mineral["name"])
    _zones(net, answer["zones"], also="region")
    net.requirements(answer["requirements"])
    return net.as_dict()


def of_zone(answer: dict[str, Any]) -> dict[str, Any]:
    zone = answer["zone"]
    net = Neighbourhood("zone", zone["name"], zone["id"])
    net.add("zone_type", zone["type"], zone["type"])
    for m in zone["minerals"]:
        net.add("mineral", m, m)
    for r in dict.fromkeys(zone["regions"] + zone["counties"]):
        net.add("region", r, r)
    net.requirements(answer["requirements"])
    return net.as_dict()
