"""The primitives over the knowledge graph: edges, clauses, records, mentions and zone lists.

Every answer is JSON-ready, every record with its citation. A city's zone list includes the zones
its table rows name and the zones named after its counties (岫岩西沟-小荒沟 is in 鞍山市).
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable
from typing import Any

import networkx as nx

from kb.documents import Library
from kb.errors import NotFound
from kb.graph.build import node
from kb.lexicon import Lexicon
from kb.names import MAX_ID, checked
from kb.vocabulary import PROVINCE


class GraphQuery:
    """Read-only queries over one KB's graph, with the library for clause texts and citations."""

    def __init__(self, graph: nx.MultiDiGraph, library: Library, lexicon: Lexicon):
        self.g = graph
        self.library = library
        self.lexicon = lexicon
        self.order = {n: d["order"] for n, d in graph.nodes(data=True) if d["kind"] == "clause"}
        self.stances = [(u, d) for u, _, d in graph.edges(data=True) if d["rel"] == "stance"]
        types = self.lexicon.names("zone_type")
        self.zone_ids = sorted(
            (n for n, d in graph.nodes(data=True) if d["kind"] == "zone"),
            key=lambda z: (
                types.index(graph.nodes[z]["type"]),
                graph.nodes[z]["doc"],
                graph.nodes[z]["number"],
            ),
        )

    # -- edges and clauses ---------------------------------------------------------------------

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
        return {"id": record_id, **data, "citation": self.library.citation(data["clause_id"])}

    def normative(self, clause_id: str) -> bool:
        return bool(self.g.nodes[clause_id].get("normative"))

    # -- mentions ------------------------------------------------------------------------------

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

    def excluding(self, clause_ids: Iterable[str], regions: Iterable[str]) -> set[str]:
        """Those of `clause_ids` that name one of `regions` only to leave it out (除…外)."""
        wanted = {node("region", r) for r in regions}
        return {
            c
            for c in clause_ids
            for v, d in self.targets(c, "mentions")
            if v in wanted and d["negated"]
        }

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

    # -- zones and places ----------------------------------------------------------------------

    def covers(self, zone: dict[str, Any], region: str) -> bool:
        """Whether `zone` lies in or is named after `region` (see the module docstring)."""
        entry = self.lexicon.entry("region", region)
        if entry["level"] == PROVINCE:  # its own province's zones only (not 河北省's in 辽宁省)
            places = [*zone["regions"], *zone["counties"]]
            return any(region in (p, *self.lexicon.ancestors(p)) for p in places)
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

    def zone_id(self, text: str) -> str:
        """The id of a zone given by id or by name (辽宁岫岩西沟-小荒沟, 岫岩西沟-小荒沟)."""
        text = checked(text, "zone", MAX_ID)
        if text in self.g and self.g.nodes[text]["kind"] == "zone":
            return text
        names = {self.g.nodes[z]["name"]: z for z in self.zone_ids}
        for zone_id in self.zone_ids:
            name = self.g.nodes[zone_id]["name"]
            short = self.lexicon.without_province(name)
            if text in (name, short, name.removesuffix("（国家级）")):
                return zone_id
        close = difflib.get_close_matches(text, [*names, *self.zone_ids], n=5, cutoff=0.4)
        close = close or [n for n in names if set(n) & set(text)][:5] or list(names)[:5]
        message = f"没有这个分区：{text}。No zone with id or name {text!r}."
        raise NotFound(message, list(dict.fromkeys(names.get(c, c) for c in close)))

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

    def related_regions(self, region: str) -> list[str]:
        """The region with what it contains: a city's counties, an area's members."""
        entry = self.lexicon.entry("region", region)
        if entry["level"] == PROVINCE:
            return [region]
        return [region, *self.lexicon.children(region), *entry.get("members", [])]

    # -- stances and records -------------------------------------------------------------------

    def all_stances(self, keep: Callable[[dict], bool] = bool) -> list[dict[str, Any]]:
        """Every policy stance `keep` keeps, in reading order, each with its citation."""
        out = [
            {
                "stance": d["stance"],
                "mineral": self.g.nodes[u]["name"],
                "text": d["text"],
                "condition": d["condition"],
                "exception": d.get("exception"),
                "regions": d["regions"],
                "clause_id": d["clause"],
            }
            for u, d in self.stances
        ]
        out = [{**s, "citation": self.library.citation(s["clause_id"])} for s in out if keep(s)]
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


def counts(zones: list[dict[str, Any]]) -> dict[str, int]:
    """Number of zones of each type, in the order they come."""
    out: dict[str, int] = {}
    for zone in zones:
        out[zone["type"]] = out.get(zone["type"], 0) + 1
    return out


def one_plan(query: GraphQuery, slug: str) -> GraphQuery:
    """The queries over plan `slug` alone: its clauses and records, the names every plan shares
    (regions, minerals, zone types, stances) and only the edges the gazetteer or its own clauses
    state, with a library of that plan only; so whatever is built on it cites no other plan."""
    g = query.g
    part = nx.MultiDiGraph()
    part.add_nodes_from((n, d) for n, d in g.nodes(data=True) if d.get("doc", slug) == slug)
    part.add_edges_from(
        (u, v, k, d)
        for u, v, k, d in g.edges(keys=True, data=True)
        if u in part and v in part and (d["clause"] is None or d["clause"] in part)
    )
    return GraphQuery(part, Library({slug: query.library.docs[slug]}), query.lexicon)
