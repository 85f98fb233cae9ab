"""A plan's profile: its level (国家/省/市/县), region, period and status.

Read off the title (辽宁省矿产资源总体规划（2021-2025年） → 省, 辽宁省, 2021-2025) unless the
metadata file says otherwise (`level`, `region`, `period`, `status`). The region's province
decides which divisions the gazetteer loads for the corpus.
"""

from __future__ import annotations

import re
from typing import Any

from ingest import divisions
from kb.errors import BadDocument

LEVELS = {"province": "省", "prefecture": "市", "county": "县"}
NATIONAL = "国家"
STATUSES = ("现行", "已废止")
_NATIONAL_TITLE = ("全国", "中华人民共和国")
_STEM = {"province": 2, "prefecture": 4, "county": 6}  # code digits a division's members share
_PERIOD = re.compile(r"(\d{4})\s*[-—–至]\s*(\d{4})")


def read_profile(title: str, meta: dict[str, Any], where: str) -> dict[str, Any]:
    """{level, region, province, period, status} of a plan titled `title`; level and
    region None when neither the title nor the metadata names a division."""
    status = meta.get("status", STATUSES[0])
    if status not in STATUSES:
        raise BadDocument(f"{where}: status {status!r} must be one of {', '.join(STATUSES)}")
    found = _PERIOD.search(title)
    period = meta.get("period") or (f"{found[1]}-{found[2]}" if found else None)
    if meta.get("region"):
        row = _division(meta["region"], where)
    elif title.startswith(_NATIONAL_TITLE):
        row = None
    else:
        row = region_in_title(title)
    # a title that names no division (测试市…) leaves the level and region unknown (None)
    national = row is None and title.startswith(_NATIONAL_TITLE)
    level = NATIONAL if national else LEVELS[row["level"]] if row else None
    return {
        "level": meta.get("level", level),
        "region": row["name"] if row else None,
        "province": divisions.province_of(row) if row else None,
        "period": period,
        "status": status,
    }


def _division(name: str, where: str) -> dict[str, str]:
    rows = divisions.by_name().get(name, [])
    if len(rows) != 1:
        reason = "names no division" if not rows else "names more than one division"
        raise BadDocument(f"{where}: region {name!r} {reason}; give its full name")
    return rows[0]


def region_in_title(title: str) -> dict[str, str] | None:
    """The most specific division the title opens with (辽宁省丹东市宽甸满族自治县… → 宽甸…);
    a name that several divisions share is taken under the one named before it."""
    names = divisions.by_name()
    found: dict[str, str] | None = None
    rest = title
    while True:
        match = max((n for n in names if rest.startswith(n)), key=len, default=None)
        if match is None:
            return found
        rows = names[match]
        if found is not None:
            stem = found["code"][: _STEM[found["level"]]]
            under = [r for r in rows if r["code"].startswith(stem)]
            rows = under or rows
        found = rows[0]
        rest = rest[len(match) :]
