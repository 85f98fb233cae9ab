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
        located = {self.q.lexicon.city_of(c) for c in zone["counties"]}
        for region, level in places.items():
            if region in located:  # the zone's county is known: its city only as a whole
                self.city_whole(req, region)
            else:
                self.region(req, region, level)
        self.drop_exclusions(req, [r for r, level in places.items() if level == "county"])
        return req

    def region_clauses(self, region: str, entry: dict[str, Any]) -> Requirements:
        """Clauses naming the region, then its counties (a city) or its areas and the clauses
        covering its city as a whole, less those leaving it out (a county)."""
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
            self.city_whole(req, entry["parent"])
            self.drop_exclusions(req, [region])
        return req

    def city_whole(self, req: Requirements, city: str) -> None:
        """Clauses whose scope covers `city` as a whole (具体包括…鞍山市…), which reach each of its
        counties; not those naming a place in it (鞍山、本溪、辽阳铁矿)."""
        rnode = node("region", city)
        for clause_id, _ in self.q.targets(rnode, "singled_out"):
            if names_whole(self.q, clause_id, city):
                req.add(clause_id, "city", city, (rnode,))

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


def names_whole(q: GraphQuery, clause_id: str, region: str) -> bool:
    """Whether the clause names `region` by its full name (鞍山市, as in 具体包括鞍山市…): the
    city as a whole, not a place in it (鞍山、本溪等地, 鞍山式铁矿)."""
    clause, _ = q.library.get(clause_id)
    texts = {"spans": clause.text, "title_spans": clause.title or ""}
    return any(
        texts[key][s:e] == region
        for v, d in q.targets(clause_id, "mentions")
        if v == node("region", region) and not d["negated"]
        for key in texts
        for s, e in d.get(key, [])
    )
