"""The gazetteers: regions, minerals and zone types with their aliases, read from `ingest/data/`.

`gazetteer_of(docs).lexicon()` is the JSON-ready form the build writes into the KB as
`lexicon.json`; `kb.lexicon.Lexicon` reads it back, so `kb/` never reads this folder.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ingest import columns, divisions
from kb.model import Document

DATA = Path(__file__).with_name("data")
LEXICON_FORMAT = 1
_SHORT_FORMS = (("prefecture", "市"), ("province", "省"), ("province", "市"))


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


def load_gazetteer(data: Path = DATA, provinces: Iterable[str] = ()) -> Gazetteer:
    """Read every gazetteer file of `data` (default: ingest/data), with the divisions of
    `provinces` (canonical names, 辽宁省): those of the plans in the corpus."""
    return Gazetteer(
        regions=_regions(data, list(provinces)),
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


def _regions(data: Path, provinces: list[str]) -> dict[str, dict[str, Any]]:
    rows = divisions.in_provinces(provinces, data)
    by_code = {r["code"]: r for r in rows}
    names = [r["name"] for r in rows]
    regions: dict[str, dict[str, Any]] = {}
    for row in rows:
        region = _division(row, by_code, names)
        regions[region["name"]] = region
    for row in _rows(data / "areas.csv"):
        if row["parent"] in regions:
            regions[row["name"]] = {
                "name": row["name"],
                "code": None,
                "level": "area",
                "parent": row["parent"],
                "aliases": _split(row["aliases"]),
                "members": _split(row["members"]),
            }
    known = {r["name"] for r in divisions.national(data)} | {
        r["name"] for r in _rows(data / "areas.csv")
    }
    for row in _rows(data / "region_aliases.csv"):
        if row["region"] not in known and not any(row["region"].endswith(n) for n in known):
            raise ValueError(f"region_aliases.csv: unknown region {row['region']!r}")
        if row["region"] in regions and row["alias"] not in regions[row["region"]]["aliases"]:
            regions[row["region"]]["aliases"].append(row["alias"])
    return regions


def _division(
    row: dict[str, str], by_code: dict[str, dict[str, str]], names: list[str]
) -> dict[str, Any]:
    """One division as a region; a name two divisions share is qualified with the city."""
    parent = by_code.get(row["parent_code"])
    name = _qualified(row, by_code, names)
    aliases: list[str] = []
    for level, suffix in _SHORT_FORMS:  # 丹东 for 丹东市, 河北 for 河北省
        if row["level"] == level and name.endswith(suffix) and len(name) > len(suffix) + 1:
            aliases.append(name[: -len(suffix)])
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


def gazetteer_of(docs: Iterable[Document], data: Path = DATA) -> Gazetteer:
    """The gazetteer a corpus needs: the divisions of its plans' provinces (every province when
    a national plan is among them or no plan names its province), and the towns its county
    plans' tables name."""
    docs = list(docs)
    profiles = [d.profile for d in docs if d.profile]
    # a national plan, or none whose province is known: every province
    if any(p["level"] == "国家" for p in profiles) or not any(p["province"] for p in profiles):
        provinces = [r["name"] for r in divisions.national(data) if r["level"] == "province"]
    else:
        provinces = list(dict.fromkeys(p["province"] for p in profiles if p["province"]))
    gazetteer = load_gazetteer(data, provinces)
    add_towns(gazetteer.regions, docs, _word_list(data / "town_suffixes.txt"))
    return gazetteer


def add_towns(regions: dict[str, dict[str, Any]], docs: list[Document], suffixes: list[str]):
    """Towns (乡镇) of a county plan's tables as regions under the county."""
    for doc in docs:
        county = (doc.profile or {}).get("region")
        if county not in regions or regions[county]["level"] != "county":
            continue
        for clause in doc.clauses:
            cell = columns.value(clause.fields, "towns") if clause.kind == "table_row" else None
            for town in re.split(r"[、，,和及\s]+", cell or ""):
                if town.endswith(tuple(suffixes)) and town not in regions:
                    regions[town] = {
                        "name": town,
                        "code": None,
                        "level": "town",
                        "parent": county,
                        "aliases": [],
                        "members": [],
                    }
