"""The lists a clerk starts from: every region and every mineral the plan speaks of, with how
much it says about each (zones by type, stances, indicators, clauses that name it)."""

from __future__ import annotations

from typing import Any

from kb.graph import node
from kb.lookup import PROVINCE, Lookup, counts


def regions(lookup: Lookup) -> dict[str, Any]:
    """Cities and counties (and areas) that have a zone or are named, in division-code order."""
    rows = []
    for name in lookup.lexicon.names("region"):
        entry = lookup.lexicon.entry("region", name)
        zones = lookup.zone_list(region=name)
        named = lookup.mentioning(node("region", name), normative_only=False)
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
    return {"total": len(rows), "regions": rows}


def minerals(lookup: Lookup) -> dict[str, Any]:
    """Minerals the plan names, in gazetteer order, with zones, stances and indicators."""
    stances: dict[str, list[str]] = {}
    for s in lookup.all_stances():
        stances.setdefault(s["mineral"], []).append(s["stance"])
    rows = []
    for name in lookup.lexicon.names("mineral"):
        entry = lookup.lexicon.entry("mineral", name)
        mnode = node("mineral", name)
        zones = lookup.zone_list(mineral=name)
        named = lookup.mentioning(mnode, normative_only=False)
        if not (zones or named):
            continue
        rows.append(
            {
                "name": name,
                "category": entry["category"],
                "zones": len(zones),
                "counts": counts(zones),
                "stances": list(dict.fromkeys(stances.get(name, []))),
                "indicators": len(lookup.targets(mnode, "indicator")),
                "mentions": len(named),
            }
        )
    return {"total": len(rows), "minerals": rows}
