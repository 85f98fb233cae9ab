"""The gazetteers: regions, minerals and zone types with their aliases, read from `ingest/data/`.

`load_gazetteer().lexicon()` is the JSON-ready form the build writes into the KB as
`lexicon.json`; `kb.lexicon.Lexicon` reads it back, so `kb/` never reads this folder.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

DATA = Path(__file__).with_name("data")
LEXICON_FORMAT = 1
_CITY_SUFFIX = "市"


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return [{k: (v or "").strip() for k, v in row.items()} for row in csv.DictReader(handle)]


def _split(cell: str) -> list[str]:
    return [part.strip() for part in cell.split("|") if part.strip()]


def _word_list(path: Path) -> list[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [w for line in lines if (w := line.split("#", 1)[0].strip())]


@dataclass
class Gazetteer:
    """Every known region, mineral and zone type, keyed by canonical name."""

    regions: dict[str, dict[str, Any]] = field(default_factory=dict)
    minerals: dict[str, dict[str, Any]] = field(default_factory=dict)
    zone_types: dict[str, dict[str, Any]] = field(default_factory=dict)
    blockers: list[str] = field(default_factory=list)
    terms: list[str] = field(default_factory=list)
    place_words: dict[str, list[str]] = field(default_factory=dict)  # kind → words

    def lexicon(self) -> dict[str, Any]:
        """The JSON-serialisable lexicon stored in the KB (read by `kb.lexicon.Lexicon`)."""
        return {
            "format": LEXICON_FORMAT,
            "regions": self.regions,
            "minerals": self.minerals,
            "zone_types": self.zone_types,
            "blockers": self.blockers,
            "terms": self.terms,
            "place_words": self.place_words,
        }


def load_gazetteer(data: Path = DATA) -> Gazetteer:
    """Read every gazetteer file of `data` (default: ingest/data)."""
    return Gazetteer(
        regions=_regions(data),
        minerals=_entries(_rows(data / "minerals.csv"), "category"),
        zone_types=_entries(_rows(data / "zone_types.csv"), "slug"),
        blockers=_word_list(data / "blockers.txt"),
        terms=_word_list(data / "terms.txt"),
        place_words=_by_kind(_rows(data / "place_words.csv")),
    )


def _by_kind(rows: list[dict[str, str]]) -> dict[str, list[str]]:
    """Words grouped by their kind column (unit, stop, locality)."""
    out: dict[str, list[str]] = {}
    for row in rows:
        out.setdefault(row["kind"], []).append(row["word"])
    return out


def _entries(rows: list[dict[str, str]], attr: str) -> dict[str, dict[str, Any]]:
    """Minerals or zone types; an alias listed under two rows names both."""
    return {
        r["name"]: {"name": r["name"], attr: r[attr], "aliases": _split(r["aliases"])} for r in rows
    }


def _regions(data: Path) -> dict[str, dict[str, Any]]:
    divisions = _rows(data / "liaoning_divisions.csv")
    by_code = {r["code"]: r for r in divisions}
    names = [r["name"] for r in divisions]
    regions: dict[str, dict[str, Any]] = {}
    for row in divisions:
        region = _division(row, by_code, names)
        regions[region["name"]] = region
    for row in _rows(data / "areas.csv"):
        regions[row["name"]] = {
            "name": row["name"],
            "code": None,
            "level": "area",
            "parent": row["parent"],
            "aliases": _split(row["aliases"]),
            "members": _split(row["members"]),
        }
    for row in _rows(data / "region_aliases.csv"):
        if row["region"] not in regions:
            raise ValueError(f"region_aliases.csv: unknown region {row['region']!r}")
        regions[row["region"]]["aliases"].append(row["alias"])
    return regions


def _division(
    row: dict[str, str], by_code: dict[str, dict[str, str]], names: list[str]
) -> dict[str, Any]:
    """One division as a region; a name two divisions share is qualified with the city."""
    parent = by_code.get(row["parent_code"])
    name = _qualified(row, by_code, names)
    aliases: list[str] = []
    if row["level"] == "prefecture" and name.endswith(_CITY_SUFFIX):
        aliases.append(name[: -len(_CITY_SUFFIX)])
    return {
        "name": name,
        "code": row["code"],
        "level": row["level"],
        "parent": _qualified(parent, by_code, names) if parent else None,
        "aliases": aliases,
        "members": [],
    }


def _qualified(row: dict[str, str], by_code: dict[str, dict[str, str]], names: list[str]) -> str:
    """The division's name, or city + name when another division has the same name."""
    parent = by_code.get(row["parent_code"])
    if names.count(row["name"]) > 1 and parent:
        return parent["name"] + row["name"]
    return row["name"]
