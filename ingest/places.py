"""Where things are: geological units that are not places, towns that tell a zone's county, and
the zone rows' own region columns.

- A geological or metallogenic unit is named after places (铁岭-靖宇次级隆起, 法库断凸,
  辽西朝阳喀左中生代盆地) without being one: a region inside a unit's name is not a mention of the
  region. A unit's name ends with a unit word (隆起, 成矿带, 盆地 …) and runs back to punctuation
  or a word that starts a name (位于, 与, 等 …); the words are data (`ingest/data/place_words.csv`).
- A zone row named 本溪县高官镇-抚顺县后安镇 says 高官 lies in 本溪县: the other zones whose names
  hold 高官 (本溪高官-柳木匠沟) lie there too.
- A county read off a zone's name counts only when it lies in a region of the row's 所在行政区
  column (辽宁义县三宝屯-双山子, in 锦州, is not in 宽甸's 双山子镇).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from kb.lexicon import Lexicon

Names = Callable[[str], list[tuple[str, int, int]]]  # text → (county, start, end) of each county
_BREAKS = set("，。；：、（）()“”《》 \t\u3000")
_MAX_UNIT = 24  # characters a unit's name runs back at most
_TOWN = r"[\u4e00-\u9fff]{2,4}?"


def unit_spans(text: str, words: dict[str, list[str]]) -> list[tuple[int, int]]:
    """(start, end) of each geological unit's name in `text` (铁岭-靖宇次级隆起)."""
    affixes = sorted(words.get("unit", []), key=len, reverse=True)
    stops = words.get("stop", [])
    if not affixes:
        return []
    spans = []
    for m in re.finditer("|".join(map(re.escape, affixes)), text):
        start = m.start()
        while start > max(0, m.start() - _MAX_UNIT) and text[start - 1] not in _BREAKS:
            if any(text.endswith(stop, 0, start) for stop in stops):
                break
            start -= 1
        spans.append((start, m.end()))
    return spans


def outside_units(
    text: str, found: list[dict[str, Any]], words: dict[str, list[str]]
) -> list[dict[str, Any]]:
    """`found` less the region mentions inside a unit's name."""
    spans = unit_spans(text, words)
    return [
        m
        for m in found
        if m["type"] != "region" or not any(a <= m["start"] and m["end"] <= b for a, b in spans)
    ]


def town_counties(names: list[str], counties: Names, words: dict[str, list[str]]) -> dict[str, str]:
    """Town → county, from names where a county is followed by a town (本溪县高官镇 → 高官)."""
    suffix = "|".join(map(re.escape, words.get("locality", []))) or "$^"
    towns: dict[str, str] = {}
    for name in names:
        for county, _, end in counties(name):
            found = re.match(rf"({_TOWN})(?:{suffix})", name[end:])
            if found:
                towns.setdefault(found.group(1), county)
    return towns


def locate_zones(
    zones: list[dict[str, Any]], counties: Names, lexicon: Lexicon, words: dict[str, list[str]]
) -> None:
    """Set each table zone's counties: those its name names or holds a town of, and those its
    region column names (a county, or a town's county), kept only when they lie in a region of
    that column (or hold one of its towns)."""
    towns = town_counties([z["name"] for z in zones], counties, words)
    for zone in zones:
        if zone["coverage"] != "within":
            continue
        named = [c for c, _, _ in counties(zone["name"])]
        named += [county for town, county in towns.items() if town in zone["name"]]
        named += [r for r in zone["regions"] if lexicon.entry("region", r)["level"] == "county"]
        named += [  # the county of a town in the row (硼海镇 → 宽甸满族自治县)
            lexicon.entry("region", r)["parent"]
            for r in zone["regions"]
            if lexicon.entry("region", r)["level"] == "town"
        ]
        zone["counties"] = [c for c in dict.fromkeys(named) if _within(c, zone["regions"], lexicon)]


def _within(county: str, regions: list[str], lexicon: Lexicon) -> bool:
    return (
        not regions
        or county in regions
        or lexicon.city_of(county) in regions
        or any(county in lexicon.ancestors(r) for r in regions)
    )
