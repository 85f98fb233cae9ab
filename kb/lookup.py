"""Lookups over the knowledge graph: a region, a mineral, zones, one zone with its requirements.

Every answer is a JSON-ready dict in the shapes of the API contract, every row with its citation.
Names resolve through the lexicon's aliases (丹东 → 丹东市, 硼 → 硼矿); a city's lookup includes
the zones its table rows name and the zones named after its counties (岫岩西沟-小荒沟 is in
鞍山市); a county's lookup finds the zones named after it and the clauses that name it, and rolls
up to its city's clauses below its own.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from typing import Any

import networkx as nx

from kb.documents import Library
from kb.errors import BadQuery, NotFound
from kb.graph import node
from kb.lexicon import Lexicon
from kb.requirements import Requirements, render

PROVINCE = "province"
MAX_NAME = 64
MAX_ID = 200


WHAT_ZH = {"region": "地区", "mineral": "矿种", "zone type": "分区类型", "zone": "分区"}


def checked(text: str | None, what: str, limit: int = MAX_NAME) -> str:
    """`text` stripped; BadQuery when it is empty or too long to be a name."""
    value = (text or "").strip()
    zh = WHAT_ZH[what]
    if not value:
        raise BadQuery(f"请输入{zh}名称，例如 丹东 或 菱镁矿。Give a {what} name.")
    if len(value) > limit:
        raise BadQuery(
            f"{zh}名称最多 {limit} 个字（收到 {len(value)} 个）。"
            f"A {what} name has at most {limit} characters."
        )
    return value


class Lookup:
    """Queries over one KB's graph, with the library for clause texts and citations."""

    def __init__(self, graph: nx.MultiDiGraph, library: Library, lexicon: Lexicon):
        self.g = graph
        self.library = library
        self.lexicon = lexicon
        self.order = {n: d["order"] for n, d in graph.nodes(data=True) if d["kind"] == "clause"}
        types = self.lexicon.names("zone_type")
        self.zone_ids = sorted(
            (n for n, d in graph.nodes(data=True) if d["kind"] == "zone"),
            key=lambda z: (
                types.index(graph.nodes[z]["type"]),
                graph.nodes[z]["doc"],
                graph.nodes[z]["number"],
            ),
        )

    # -- graph helpers -------------------------------------------------------------------------

    def targets(self, source: str, rel: str) -> list[tuple[str, dict[str, Any]]]:
        """(target, edge data) of the `rel` edges leaving `source`."""
        return [(v, d) for _, v, d in self.g.out_edges(source, data=True) if d["rel"] == rel]

    def sources(self, target: str, rel: str) -> list[tuple[str, dict[str, Any]]]:
        """(source, edge data) of the `rel` edges reaching `target`."""
        return [(u, d) for u, _, d in self.g.in_edges(target, data=True) if d["rel"] == rel]

    def clause(self, clause_id: str) -> dict[str, Any]:
        return self.library.clause_dict(*self.library.get(clause_id))

    def record(self, record_id: str) -> dict[str, Any]:
        """A stored record (zone, indicator, project …) with the citation of its clause."""
        data = {k: v for k, v in self.g.nodes[record_id].items() if k != "kind"}
        return {"id": record_id, **data, "citation": self.clause(data["clause_id"])["citation"]}

    def normative(self, clause_id: str) -> bool:
        return bool(self.g.nodes[clause_id].get("normative"))

    def mentioning(self, target: str, normative_only: bool = True) -> list[str]:
        """Clauses that mention `target`, in reading order."""
        found = {c for c, _ in self.sources(target, "mentions")}
        return sorted(
            (c for c in found if self.normative(c) or not normative_only),
            key=self.order.__getitem__,
        )

    def names(self, clause_id: str, target: str) -> bool:
        """Whether the clause names `target` other than to leave it out (除…外)."""
        return any(not d["negated"] for v, d in self.targets(clause_id, "mentions") if v == target)

    def drop_exclusions(self, req: Requirements, regions: list[str]) -> None:
        """Drop the clauses that name one of `regions` only to leave it out (除…外)."""
        targets = {node("region", r) for r in regions}
        req.drop(
            c
            for c in req.entries
            for v, d in self.targets(c, "mentions")
            if v in targets and d["negated"]
        )

    def spans(self, clause_id: str, targets: Iterable[str]) -> list[tuple[int, int, str]]:
        """(start, end, target) of each mention of one of `targets` in the clause."""
        wanted = set(targets)
        return [
            (s, e, v)
            for v, d in self.targets(clause_id, "mentions")
            if v in wanted
            for s, e in d["spans"]
        ]

    def mentions(self, target: str) -> list[dict[str, Any]]:
        """Every clause that names `target` (tables and background included), with the words."""
        out = []
        for clause_id in self.mentioning(target, normative_only=False):
            clause = self.clause(clause_id)
            words = [clause["text"][s:e] for s, e, _ in self.spans(clause_id, [target])]
            out.append(
                {
                    "id": clause_id,
                    "kind": clause["kind"],
                    "title": clause["title"],
                    "words": list(dict.fromkeys(words)),
                    "excluded": not self.names(clause_id, target),
                    "citation": clause["citation"],
                }
            )
        return out

    def rendered(self, req: Requirements) -> list[dict[str, Any]]:
        return [
            render(e, self.clause(e.clause), self.spans(e.clause, e.targets)) for e in req.ranked()
        ]

    # -- zones ---------------------------------------------------------------------------------

    def covers(self, zone: dict[str, Any], region: str) -> bool:
        """Whether `zone` lies in or is named after `region` (see the module docstring)."""
        entry = self.lexicon.entry("region", region)
        if entry["level"] == PROVINCE:
            return True
        if entry["level"] == "area":
            return any(self.covers(zone, member) for member in entry["members"])
        if region in zone["regions"] or region in zone["counties"]:
            return True
        if entry["level"] == "prefecture":
            return any(self.lexicon.city_of(r) == region for r in zone["counties"])
        return (
            zone["coverage"] == "whole"
            and entry["parent"] in zone["regions"]
            and region not in zone["excludes"]
        )

    def zone_list(
        self, zone_type: str | None = None, region: str | None = None, mineral: str | None = None
    ) -> list[dict[str, Any]]:
        """Zones of a type, in a region, of a mineral (canonical names; None = any)."""
        out = []
        for zone_id in self.zone_ids:
            zone = self.g.nodes[zone_id]
            if zone_type and zone["type"] != zone_type:
                continue
            if mineral and mineral not in zone["minerals"]:
                continue
            if region and not self.covers(zone, region):
                continue
            out.append(self.record(zone_id))
        return out

    def zones(
        self,
        zone_type: str | None = None,
        region: str | None = None,
        mineral: str | None = None,
    ) -> dict[str, Any]:
        """Zones filtered by type (name, alias or slug), region and mineral (names or aliases)."""
        lex = self.lexicon
        filters = {
            "type": lex.zone_type(checked(zone_type, "zone type"))["name"] if zone_type else None,
            "region": lex.canonical(checked(region, "region"), "region") if region else None,
            "mineral": lex.canonical(checked(mineral, "mineral"), "mineral") if mineral else None,
        }
        zones = self.zone_list(filters["type"], filters["region"], filters["mineral"])
        return {
            "filters": filters,
            "types": self.lexicon.names("zone_type"),
            "total": len(zones),
            "counts": counts(zones),
            "zones": zones,
        }

    def zone_id(self, text: str) -> str:
        """The id of a zone given by id or by name (辽宁岫岩西沟-小荒沟, 岫岩西沟-小荒沟)."""
        text = checked(text, "zone", MAX_ID)
        if text in self.g and self.g.nodes[text]["kind"] == "zone":
            return text
        names = {self.g.nodes[z]["name"]: z for z in self.zone_ids}
        for zone_id in self.zone_ids:
            name = self.g.nodes[zone_id]["name"]
            if text in (name, name.removeprefix("辽宁"), name.removesuffix("（国家级）")):
                return zone_id
        close = difflib.get_close_matches(text, [*names, *self.zone_ids], n=5, cutoff=0.4)
        close = close or [n for n in names if set(n) & set(text)][:5] or list(names)[:5]
        message = f"没有这个分区：{text}。No zone with id or name {text!r}."
        raise NotFound(message, list(dict.fromkeys(names.get(c, c) for c in close)))

    def zone(self, zone_id: str) -> dict[str, Any]:
        """One zone with every requirement that applies to it, ranked, each with its citation."""
        zone = self.record(self.zone_id(zone_id))
        req = Requirements(self.order)
        self.zone_own(req, zone)
        type_node = node("zone_type", zone["type"])
        for clause_id, d in self.targets(type_node, "governed_by"):
            req.add(clause_id, f"type_{d['rule']}", zone["type"], (type_node,))
        places = self.places(zone)
        for mineral in zone["minerals"]:
            self.mineral_requirements(req, mineral, places)
        for region, level in places.items():
            self.region_requirements(req, region, level)
        self.drop_exclusions(req, [r for r, level in places.items() if level == "county"])
        return {
            "zone": zone,
            "requirements": self.rendered(req),
            "mentions": self.mentions(zone["id"]),
        }

    def zone_own(self, req: Requirements, zone: dict[str, Any]) -> None:
        if self.normative(zone["clause_id"]):
            req.add(zone["clause_id"], "zone_paragraph", zone["name"], (zone["id"],))
        for clause_id in self.mentioning(zone["id"]):
            req.add(clause_id, "zone_named", zone["name"], (zone["id"],))

    def places(self, zone: dict[str, Any]) -> dict[str, str]:
        """The zone's regions as {name: "county" | "city"}: named counties first, then cities."""
        out = {r: "county" for r in zone["counties"]}
        for region in zone["regions"]:
            city = self.lexicon.city_of(region)
            out.setdefault(region, "county" if city and city != region else "city")
        for county in zone["counties"]:
            city = self.lexicon.city_of(county)
            if city:
                out.setdefault(city, "city")
        return out

    # -- regions and minerals ------------------------------------------------------------------

    def region(self, name: str) -> dict[str, Any]:
        """Everything the plans say about a region: zones, stances, projects, requirements."""
        region = self.lexicon.canonical(checked(name, "region"), "region")
        entry = self.lexicon.entry("region", region)
        nearby = self.related_regions(region)
        zones = self.zone_list(region=region)
        return {
            "query": name,
            "region": {
                **{k: entry[k] for k in ("name", "level", "code", "parent", "aliases")},
                "ancestors": self.lexicon.ancestors(region),
                "children": self.lexicon.children(region),
                "areas": self.lexicon.areas_of(region),
                "members": entry.get("members", []),
            },
            "zones": zones,
            "counts": counts(zones),
            "stances": [s for s in self.all_stances() if set(s["regions"]) & set(nearby)],
            "projects": self.records_concerning("project", [node("region", r) for r in nearby]),
            "requirements": self.rendered(self.region_clauses(region, entry)),
            "mentions": self.mentions(node("region", region)),
        }

    def related_regions(self, region: str) -> list[str]:
        """The region with what it contains: a city's counties, an area's members."""
        entry = self.lexicon.entry("region", region)
        if entry["level"] == PROVINCE:
            return [region]
        return [region, *self.lexicon.children(region), *entry.get("members", [])]

    def region_clauses(self, region: str, entry: dict[str, Any]) -> Requirements:
        """Clauses naming the region, then its counties (a city) or its area and city (a county)."""
        req = Requirements(self.order)
        if entry["level"] == PROVINCE:
            return req
        self.region_requirements(req, region, "region")
        for child in [*self.lexicon.children(region), *entry.get("members", [])]:
            self.region_requirements(req, child, "county")
        if entry["level"] == "county":
            for area in self.lexicon.areas_of(region):
                self.region_requirements(req, area, "area")
            self.region_requirements(req, entry["parent"], "city")
            self.drop_exclusions(req, [region])
        return req

    def mineral(self, name: str) -> dict[str, Any]:
        """Everything the plans say about a mineral: indicators, stances, zones, projects …"""
        mineral = self.lexicon.canonical(checked(name, "mineral"), "mineral")
        entry = self.lexicon.entry("mineral", mineral)
        mnode = node("mineral", mineral)
        zones = self.zone_list(mineral=mineral)
        req = Requirements(self.order)
        self.mineral_requirements(req, mineral)
        return {
            "query": name,
            "mineral": {k: entry[k] for k in ("name", "category", "aliases")},
            "indicators": [self.record(i) for i, _ in self.targets(mnode, "indicator")],
            "stances": [s for s in self.all_stances() if s["mineral"] == mineral],
            "zones": zones,
            "counts": counts(zones),
            "projects": self.records_concerning("project", [mnode]),
            "technologies": self.records_concerning("technology", [mnode]),
            "requirements": self.rendered(req),
            "mentions": self.mentions(mnode),
        }

    def all_stances(self) -> list[dict[str, Any]]:
        """Every policy stance, in reading order, each with its citation."""
        out = []
        for u, _, d in self.g.edges(data=True):
            if d["rel"] == "stance":
                out.append(
                    {
                        "stance": d["stance"],
                        "mineral": self.g.nodes[u]["name"],
                        "text": d["text"],
                        "condition": d["condition"],
                        "regions": d["regions"],
                        "clause_id": d["clause"],
                        "citation": self.clause(d["clause"])["citation"],
                    }
                )
        return sorted(out, key=lambda s: self.order[s["clause_id"]])

    def records_concerning(self, kind: str, targets: list[str]) -> list[dict[str, Any]]:
        """Records of `kind` (project, technology) with a `concerns` edge to one of `targets`."""
        found = {
            u
            for t in targets
            for u, _ in self.sources(t, "concerns")
            if self.g.nodes[u]["kind"] == kind
        }
        return [
            self.record(r)
            for r in sorted(found, key=lambda r: self.order[self.g.nodes[r]["clause_id"]])
        ]

    # -- requirements --------------------------------------------------------------------------

    def mineral_requirements(
        self, req: Requirements, mineral: str, places: dict[str, str] | None = None
    ) -> None:
        """Clauses about `mineral`: its section, its stances, clauses naming it (with `places`,
        those naming one of them too rank higher)."""
        places = places or {}
        mnode = node("mineral", mineral)
        for clause_id, _ in self.targets(mnode, "governed_by"):
            req.add(clause_id, "mineral_section", mineral, (mnode,))
        for _, d in self.targets(mnode, "stance"):
            local = places and set(d["regions"]) & set(places)
            rule = "stance_region" if local else "stance"
            req.add(d["clause"], rule, f"{mineral}·{d['stance']}", (mnode,))
        for clause_id in self.mentioning(mnode):
            named = [r for r in places if self.names(clause_id, node("region", r))]
            levels = {places[r] for r in named}
            rule = (
                "mineral_county"
                if "county" in levels
                else ("mineral_city" if levels else "mineral")
            )
            req.add(clause_id, rule, mineral, (mnode, *(node("region", r) for r in named)))

    def region_requirements(self, req: Requirements, region: str, rule: str) -> None:
        """Clauses that single out `region` (for a county, also its functional areas)."""
        rnode = node("region", region)
        for clause_id, _ in self.targets(rnode, "singled_out"):
            req.add(clause_id, rule, region, (rnode,))
        if rule == "county":
            for area in self.lexicon.areas_of(region):
                anode = node("region", area)
                for clause_id, _ in self.targets(anode, "singled_out"):
                    req.add(clause_id, "area", area, (anode,))


def counts(zones: list[dict[str, Any]]) -> dict[str, int]:
    """Number of zones of each type, in the order they come."""
    out: dict[str, int] = {}
    for zone in zones:
        out[zone["type"]] = out.get(zone["type"], 0) + 1
    return out
