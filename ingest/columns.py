"""Column names as data (`ingest/data/columns.csv`): the field a table column stands for.

Plans name one column differently (名称 / 区块名称, 主要矿种 / 主攻矿种 / 开采矿种, 所在行政区 /
所在乡镇); records read a row through its fields, never through one plan's column names.

    value(row.fields, "minerals")   # the cell of the first column that means "minerals"
"""

from __future__ import annotations

import csv
from functools import cache
from pathlib import Path

DATA = Path(__file__).with_name("data")


@cache
def aliases(data: Path = DATA) -> dict[str, tuple[str, ...]]:
    """Field → the column names that stand for it, in data order."""
    out: dict[str, list[str]] = {}
    with (data / "columns.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            out.setdefault(row["field"].strip(), []).append(row["column"].strip())
    return {k: tuple(v) for k, v in out.items()}


def column(fields: dict[str, str] | None, field: str) -> str | None:
    """The name of the row's column that stands for `field`, or None."""
    return next((c for c in aliases()[field] if c in (fields or {})), None)


def value(fields: dict[str, str] | None, field: str) -> str | None:
    """The cell of the row's column that stands for `field`, or None when it has none."""
    name = column(fields, field)
    return (fields or {})[name] if name else None


def has(fields: dict[str, str] | None, *names: str) -> bool:
    """True when the row has a column for every field of `names`."""
    return all(column(fields, n) for n in names)
