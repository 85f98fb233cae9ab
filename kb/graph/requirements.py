"""Which clauses govern a mineral, a region or a zone: collected with their reasons, then ranked
(kb.graph.ranking) and rendered with the sentences that matched and their citations."""

from __future__ import annotations

from typing import Any

from kb.graph.build import node
from kb.graph.query import GraphQuery
from kb.graph.ranking import Requirements, render
from kb.vocabulary import PROVINCE


class RequirementFinder:
    """Collects the requirements that apply to a zone, a region or a mineral."""

    def __init__(self, query: GraphQuery):
        self.q = query

    def rendered(self, req: Requirements) -> list[dict[str, Any]]:
        q = self.q
        return [render(e, q.clause(e.clause), q.spans(e.clause, e.targets)) for e in req.ranked()]

    def drop_exclusions(self, req: Requirements, regions: list[str]) -> None:
        """Drop the clauses that name one of `regions` only to leave it out (除…外)."""
        req.drop(self.q.excluding(list(req.entries), regions))

    def zone(self, zone: dict[str, Any]) -> Requirements:
        """Everything that applies to a zone: its own clauses, its type's, its minerals', its
        places'."""
        req = Requirements(self.q.order)
        if self.q.normative(zone["clause_id"]):
            req.add(zone["clause_id"], "zone_paragraph", zone["name"], (zone["id"],))
        for clause_id in self.q.mentioning(zone["id"]):
            req.add(clause_id, "zone_named", zone["name"], (zone["id"],))
        type_node = node("zone_type", zone["type"])
        for clause_id, d in self.q.targets(type_node, "governed_by"):
            req.add(clause_id, f"type_{d['rule']}", zone["type"], (type_node,))
        places = self.q.places(zone)
        for mineral in zone["minerals"]:
            self.mineral(req, mineral, places)
        for region, level in places.items():
            self.region(req, region, level)
        self.drop_exclusions(req, [r for r, level in places.items() if level == "county"])
        return req

    def region_clauses(self, region: str, entry: dict[str, Any]) -> Requirements:
        """Clauses naming the region, then its counties (a city) or its area and city (a county)."""
        req = Requirements(self.q.order)
        if entry["level"] == PROVINCE:
            return req
        lexicon = self.q.lexicon
        self.region(req, region, "region")
        for child in [*lexicon.children(region), *entry.get("members", [])]:
            self.region(req, child, "county")
        if entry["level"] == "county":
            for area in lexicon.areas_of(region):
                self.region(req, area, "area")
            self.region(req, entry["parent"], "city")
            self.drop_exclusions(req, [region])
        return req

    def mineral(
        self, req: Requirements, mineral: str, places: dict[str, str] | None = None
    ) -> None:
        """Clauses about `mineral`: its section, its stances, clauses naming it (with `places`,
        those naming one of them too rank higher)."""
        places = places or {}
        q, mnode = self.q, node("mineral", mineral)
        for clause_id, _ in q.targets(mnode, "governed_by"):
            req.add(clause_id, "mineral_section", mineral, (mnode,))
        for _, d in q.targets(mnode, "stance"):
            local = places and set(d["regions"]) & set(places)
            rule = "stance_region" if local else "stance"
            req.add(d["clause"], rule, f"{mineral}·{d['stance']}", (mnode,))
        for clause_id in q.mentioning(mnode):
            named = [r for r in places if q.names(clause_id, node("region", r))]
            levels = {places[r] for r in named}
            rule = "mineral_county" if "county" in levels else "mineral_city"
            rule = rule if levels else "mineral"
            req.add(clause_id, rule, mineral, (mnode, *(node("region", r) for r in named)))

    def region(self, req: Requirements, region: str, rule: str) -> None:
        """Clauses that single out `region` (for a county, also its functional areas)."""
        rnode = node("region", region)
        for clause_id, _ in self.q.targets(rnode, "singled_out"):
            req.add(clause_id, rule, region, (rnode,))
        if rule == "county":
            for area in self.q.lexicon.areas_of(region):
                anode = node("region", area)
                for clause_id, _ in self.q.targets(anode, "singled_out"):
                    req.add(clause_id, "area", area, (anode,))
