"""The lists a clerk starts from: every region and every mineral the plan speaks of, with how
much it says about each (zones by type, stances, indicators, clauses that name it)."""

from __future__ import annotations

from typing import Any

from kb.graph.build import node
from kb.graph.query import GraphQuery, counts
from kb.vocabulary import PROVINCE


def regions(q: GraphQuery) -> dict[str, Any]:
    """Cities and counties (and areas) that have a zone or are named, in division-code order."""
    rows = []
    for name in q.lexicon.names("region"):
        entry = q.lexicon.entry("region", name)
        zones = q.zone_list(region=name)
        named = q.mentioning(node("region", name), normative_only=False)
        if entry["level"] == PROVINCE or not (zones or named):
            continue
        rows.append(
            {
                "name": name,
                "level": entry["level"],
                "parent": entry["parent"],
                "zones": len(zones),
                "counts": counts(zones),
                "mentions": len(named),
            }
        )
    return {"total": len(rows), "regions": rows, "cities": cities(q, q.zone_list())}


def cities(q: GraphQuery, zones: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Every prefecture-level city, in code order, with how many of `zones` lie in it (by type);
    a zone across three cities counts once in each."""
    rows = []
    for name in q.lexicon.names("region"):
        entry = q.lexicon.entry("region", name)
        if entry["level"] != "prefecture":
            continue
        inside = [z for z in zones if q.covers(z, name)]
        rows.append(
            {"name": name, "code": entry["code"], "zones": len(inside), "counts": counts(inside)}
        )
    return rows


def minerals(q: GraphQuery) -> dict[str, Any]:
    """Minerals the plan names, in gazetteer order, with zones, stances and indicators."""
    stances: dict[str, list[str]] = {}
    for s in q.all_stances():
        stances.setdefault(s["mineral"], []).append(s["stance"])
    rows = []
    for name in q.lexicon.names("mineral"):
        entry = q.lexicon.entry("mineral", name)
        mnode = node("mineral", name)
        zones = q.zone_list(mineral=name)
        named = q.mentioning(mnode, normative_only=False)
        if not (zones or named):
            continue
        rows.append(
            {
                "name": name,
                "category": entry["category"],
                "zones": len(zones),
                "counts": counts(zones),
                "stances": list(dict.fromkeys(stances.get(name, []))),
                "indicators": len(q.targets(mnode, "indicator")),
                "mentions": len(named),
            }
        )
    return {"total": len(rows), "minerals": rows}
