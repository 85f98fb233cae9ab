"""The national division codes (`ingest/data/china_divisions.csv`): provinces, prefecture-level
and county-level units, read once and cut to the provinces a corpus needs.

Grouping rows of the code list (市辖区, 省直辖县级行政区划) are not places: their counties hang
from the province directly. The code list says `city` where the gazetteer says `prefecture`.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from functools import cache
from pathlib import Path

DATA = Path(__file__).with_name("data")
DIVISIONS_FILE = "china_divisions.csv"
_GROUPING = ("市辖区", "省直辖县级行政区划", "自治区直辖县级行政区划")
_LEVELS = {"province": "province", "city": "prefecture", "county": "county"}


@cache
def national(data: Path = DATA) -> tuple[dict[str, str], ...]:
    """Every division as {code, name, level, parent_code}, in code order, grouping rows gone."""
    with (data / DIVISIONS_FILE).open(encoding="utf-8", newline="") as handle:
        rows = [{k: (v or "").strip() for k, v in r.items()} for r in csv.DictReader(handle)]
    grouping = {r["code"]: r["parent_code"] for r in rows if r["name"] in _GROUPING}
    out = []
    for row in rows:
        if row["code"] in grouping:
            continue
        parent = row["parent_code"]
        out.append(
            {**row, "level": _LEVELS[row["level"]], "parent_code": grouping.get(parent, parent)}
        )
    return tuple(out)


def province_code(code: str) -> str:
    return code[:2] + "0000"


def in_provinces(provinces: Iterable[str], data: Path = DATA) -> list[dict[str, str]]:
    """The divisions of the named provinces (canonical names: 辽宁省, 河北省), in code order."""
    rows = national(data)
    codes = {r["code"] for r in rows if r["level"] == "province" and r["name"] in set(provinces)}
    return [r for r in rows if province_code(r["code"]) in codes]


def by_name(data: Path = DATA) -> dict[str, list[dict[str, str]]]:
    """Division name → every division of that name (铁西区 names two)."""
    out: dict[str, list[dict[str, str]]] = {}
    for row in national(data):
        out.setdefault(row["name"], []).append(row)
    return out


def province_of(row: dict[str, str], data: Path = DATA) -> str:
    """The name of the province a division lies in."""
    code = province_code(row["code"])
    return next(r["name"] for r in national(data) if r["code"] == code)


def province_names(data: Path = DATA) -> frozenset[str]:
    """The canonical names of the 31 provinces (a mention of one names the whole province)."""
    return frozenset(r["name"] for r in national(data) if r["level"] == "province")
