"""The answers about a region, a mineral, the zones and one zone, built from the graph queries
and the requirements below them. Names resolve through the lexicon's aliases (丹东 → 丹东市,
硼 → 硼矿); a county's lookup adds, below its own, the clauses covering its whole city."""

from __future__ import annotations

from typing import Any

from kb.graph import directory, neighbourhood
from kb.graph.build import node
from kb.graph.query import GraphQuery, counts
from kb.graph.ranking import Requirements
from kb.graph.requirements import RequirementFinder
from kb.names import checked


class Views:
    """The region, mineral and zone answers over one KB's graph."""

    def __init__(self, query: GraphQuery):
        self.q = query
        self.req = RequirementFinder(query)

    def zones(
        self, zone_type: str | None = None, region: str | None = None, mineral: str | None = None
    ) -> dict[str, Any]:
        """Zones filtered by type (name, alias or slug), region and mineral (names or aliases)."""
        lex = self.q.lexicon
        filters = {
            "type": lex.zone_type(checked(zone_type, "zone_type"))["name"] if zone_type else None,
            "region": lex.canonical(checked(region, "region"), "region") if region else None,
            "mineral": lex.canonical(checked(mineral, "mineral"), "mineral") if mineral else None,
        }
        zones = self.q.zone_list(filters["type"], filters["region"], filters["mineral"])
        return {
            "filters": filters,
            "types": lex.names("zone_type"),
            "total": len(zones),
            "counts": counts(zones),
            "zones": zones,
            "elsewhere": elsewhere(self.q, filters["type"]),
            "cities": directory.cities(self.q, zones),
        }

    def zone(self, zone_id: str) -> dict[str, Any]:
        """One zone with every requirement that applies to it, ranked, each with its citation."""
        zone = self.q.record(self.q.zone_id(zone_id))
        answer = {
            "zone": zone,
            "requirements": self.req.rendered(self.req.zone(zone)),
            "mentions": self.q.mentions(zone["id"]),
        }
        return {**answer, "neighbourhood": neighbourhood.of_zone(answer)}

    def region(self, name: str) -> dict[str, Any]:
        """Everything the plans say about a region: zones, stances, projects, requirements."""
        q, lex = self.q, self.q.lexicon
        region = lex.canonical(checked(name, "region"), "region")
        entry = lex.entry("region", region)
        nearby = q.related_regions(region)
        zones = q.zone_list(region=region)
        answer = {
            "query": name,
            "region": {
                **{k: entry[k] for k in ("name", "level", "code", "parent", "aliases")},
                "ancestors": lex.ancestors(region),
                "children": lex.children(region),
                "areas": lex.areas_of(region),
                "members": entry.get("members", []),
            },
            "zones": zones,
            "counts": counts(zones),
            "elsewhere": elsewhere(q),
            "stances": q.all_stances(lambda s: bool(set(s["regions"]) & set(nearby))),
            "projects": q.records_concerning("project", [node("region", r) for r in nearby]),
            "requirements": self.req.rendered(self.req.region_clauses(region, entry)),
            "mentions": q.mentions(node("region", region)),
        }
        return {**answer, "neighbourhood": neighbourhood.of_region(answer)}

    def mineral(self, name: str) -> dict[str, Any]:
        """Everything the plans say about a mineral: indicators, stances, zones, projects …"""
        q = self.q
        mineral = q.lexicon.canonical(checked(name, "mineral"), "mineral")
        entry = q.lexicon.entry("mineral", mineral)
        mnode = node("mineral", mineral)
        zones = q.zone_list(mineral=mineral)
        req = Requirements(q.order)
        self.req.mineral(req, mineral)
        answer = {
            "query": name,
            "mineral": {k: entry[k] for k in ("name", "category", "aliases")},
            "indicators": [q.record(i) for i, _ in q.targets(mnode, "indicator")],
            "stances": q.all_stances(lambda s: s["mineral"] == mineral),
            "zones": zones,
            "counts": counts(zones),
            "elsewhere": elsewhere(q),
            "cities": directory.cities(q, zones),
            "projects": q.records_concerning("project", [mnode]),
            "technologies": q.records_concerning("technology", [mnode]),
            "requirements": self.req.rendered(req),
            "mentions": q.mentions(mnode),
        }
        return {**answer, "neighbourhood": neighbourhood.of_mineral(answer)}


def elsewhere(q: GraphQuery, zone_type: str | None = None) -> list[dict[str, Any]]:
    """Zone types whose list the plan keeps outside its text (附表4, 县级规划): each gap with
    its note, quotes and the citation of the clause saying where the list is."""
    types = [zone_type] if zone_type else q.lexicon.names("zone_type")
    return [
        q.record(gap)
        for t in types
        for gap, _ in q.targets(node("zone_type", t), "listed_elsewhere")
        if q.g.nodes[gap]["about"] == "zone_type"
    ]
