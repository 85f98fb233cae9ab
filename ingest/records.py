"""Records from the tables and paragraphs of a plan: zones, indicators, projects, technologies.

- Zones: the rows of every box or 表N table whose title names one zone type and whose columns
  give a name, minerals and regions (名称/区块名称, 主要矿种/开采矿种, 所在行政区/所在乡镇: see
  ingest/data/columns.csv; 专栏二/三/五/七, a county plan's 表3 开采规划区块), and the 勘查开发区
  paragraphs (营口-丹东金、菱镁、硼矿勘查开发区。… 具体包括大连市、丹东市、营口市及海城市、
  岫岩县、桓仁县。), exclusions included (鞍山市（除海城市、岫岩县外）).
- Indicators: the rows of the box with 指标名称 (专栏一), with the period its note gives.
- Projects: the numbered items of the boxes (专栏四/六/九). Technologies: rows with 技术名称.

Every record names its document in its id and points back at the clause it came from.
"""

from __future__ import annotations

import re
from typing import Any

from ingest import columns
from ingest.entities import TermTable, find_mentions
from ingest.places import locate_zones
from kb.lexicon import Lexicon
from kb.model import Clause, Document
from kb.vocabulary import PROVINCE

ZONE_FIELDS = ("name", "minerals", "regions")  # columns by field: ingest/data/columns.csv
NATIONAL = "国家级"
_EXPLORATION = "勘查开发区"
_INCLUDES = re.compile(r"具体包括(?P<list>[^。]+)。")
_EXCLUDED = re.compile(r"^(?P<name>[^（]+)（除(?P<ex>[^）]+)外）$")
_PERIOD = re.compile(r"\d{4}(?:-\d{4})?年(?:年底)?")
_NUMBER = re.compile(r"\d+(?:\.\d+)?")


class RecordBuilder:
    """Reads the records of documents, naming regions and minerals through the lexicon."""

    def __init__(self, lexicon: Lexicon):
        self.lexicon = lexicon
        self.table = TermTable.from_lexicon(lexicon)

    def names(self, text: str, kind: str) -> list[str]:
        """Canonical names of `kind` mentioned in `text`, in order, without repeats."""
        found = [m["name"] for m in find_mentions(text, self.table) if m["type"] == kind]
        return list(dict.fromkeys(found))

    def counties(self, text: str) -> list[tuple[str, int, int]]:
        """(county, start, end) of the county-level regions named in `text` (岫岩 in
        辽宁岫岩西沟-小荒沟)."""
        regions = self.lexicon.entries["region"]
        return [
            (m["name"], m["start"], m["end"])
            for m in find_mentions(text, self.table)
            if m["type"] == "region" and regions[m["name"]]["level"] == "county"
        ]

    def records(self, docs: list[Document]) -> dict[str, list[dict[str, Any]]]:
        """Every record of `docs`: zones, indicators, projects and technologies."""
        out: dict[str, list[dict[str, Any]]] = {
            "zones": [],
            "indicators": [],
            "projects": [],
            "technologies": [],
        }
        for doc in docs:
            zones = self.table_zones(doc)
            locate_zones(zones, self.counties, self.lexicon, self.table.place_words)
            out["zones"] += self.exploration_zones(doc) + zones
            out["indicators"] += self.indicators(doc)
            out["projects"] += [self.project(c) for c in doc.clauses if c.kind == "box_item"]
            out["technologies"] += self.technologies(doc)
        return out

    # -- zones ---------------------------------------------------------------------------------

    def zone_type(self, clause: Clause) -> str | None:
        """The one zone type the box title of a table row names (专栏五 重点勘查区), else None."""
        if clause.kind != "table_row" or not clause.fields or not clause.path:
            return None
        if not columns.has(clause.fields, *ZONE_FIELDS):
            return None
        types = self.names(clause.path[-1], "zone_type")
        return types[0] if len(types) == 1 else None

    def table_zones(self, doc: Document) -> list[dict[str, Any]]:
        zones = []
        for clause in doc.clauses:
            zone_type = self.zone_type(clause)
            if zone_type:
                zones.append(self.table_zone(clause, zone_type))
        return zones

    def table_zone(self, clause: Clause, zone_type: str) -> dict[str, Any]:
        fields = clause.fields or {}
        name = columns.value(fields, "name") or ""
        slug = self.lexicon.entry("zone_type", zone_type)["slug"]
        zone = {
            "id": f"{clause.doc}/zone/{slug}/{clause.item}",
            "doc": clause.doc,
            "type": zone_type,
            "number": clause.item,
            "name": name,
            "national": NATIONAL in name if zone_type == "重点勘查区" else None,
            "minerals": self.names(columns.value(fields, "minerals") or "", "mineral"),
            "regions": self.names(columns.value(fields, "regions") or "", "region"),
            "counties": [],  # set by ingest.places.locate_zones
            "excludes": [],
            "coverage": "within",  # the zone lies within the regions of its row
            "clause_id": clause.id,
        }
        for field in ("code", "method"):  # a block's code (KC01) and 开采方式, where given
            if columns.value(fields, field):
                zone[field] = columns.value(fields, field)
        return zone

    def exploration_zones(self, doc: Document) -> list[dict[str, Any]]:
        """The 勘查开发区: paragraphs whose lead sentence names one (营口-丹东…勘查开发区。)."""
        clauses = [
            c
            for c in doc.clauses
            if c.kind == "paragraph" and c.title and c.title.rstrip("。").endswith(_EXPLORATION)
        ]
        slug = self.lexicon.entry("zone_type", _EXPLORATION)["slug"]
        return [self.exploration_zone(c, n, slug) for n, c in enumerate(clauses, 1)]

    def exploration_zone(self, clause: Clause, number: int, slug: str) -> dict[str, Any]:
        name = (clause.title or "").rstrip("。")
        regions, excludes = self.included_regions(clause.text)
        return {
            "id": f"{clause.doc}/zone/{slug}/{number}",
            "doc": clause.doc,
            "type": _EXPLORATION,
            "number": number,
            "name": name,
            "national": None,
            "minerals": self.names(name, "mineral"),
            "regions": regions,
            "counties": [
                r for r in regions if self.lexicon.entry("region", r)["level"] == "county"
            ],
            "excludes": excludes,
            "coverage": "whole",  # 具体包括: the listed regions, whole, less the exclusions
            "clause_id": clause.id,
        }

    def included_regions(self, text: str) -> tuple[list[str], list[str]]:
        """Regions after 具体包括, and those excluded (鞍山市（除海城市、岫岩县外）)."""
        found = _INCLUDES.search(text)
        if not found:
            return [], []
        regions: list[str] = []
        excludes: list[str] = []
        for item in re.split(r"、(?![^（]*）)|及", found["list"]):
            parts = _EXCLUDED.match(item.strip())
            regions += self.names(parts["name"] if parts else item, "region")
            excludes += self.names(parts["ex"], "region") if parts else []
        return regions, excludes

    # -- indicators, projects, technologies ---------------------------------------------------

    def indicators(self, doc: Document) -> list[dict[str, Any]]:
        rows = [
            c for c in doc.clauses if c.kind == "table_row" and c.fields and "指标名称" in c.fields
        ]
        notes = {c.box: c.text for c in doc.clauses if c.kind == "note"}
        return [self.indicator(c, notes.get(c.box, "")) for c in rows]

    def indicator(self, clause: Clause, note: str) -> dict[str, Any]:
        fields = clause.fields or {}
        minerals = self.names(fields["指标名称"], "mineral")
        category = fields.get("类别", "")
        period, period_note = indicator_period(note, category)
        return {
            "id": f"{clause.doc}/indicator/{clause.item}",
            "doc": clause.doc,
            "category": category,
            "name": fields["指标名称"],
            "mineral": minerals[0] if minerals else None,
            "unit": fields.get("指标单位", ""),
            "value": fields.get("指标值", ""),
            **parse_value(fields.get("指标值", "")),
            "attribute": fields.get("指标属性", ""),
            "period": period,
            "period_note": period_note,
            "remark": indicator_remark(note, minerals),
            "clause_id": clause.id,
        }

    def project(self, clause: Clause) -> dict[str, Any]:
        """A numbered item of a box of works (专栏六 第3项 辽东大石桥-凤城-宽甸硼矿勘查增储工程)."""
        title = clause.title or ""
        both = f"{title}。{clause.text}"
        return {
            "id": f"{clause.doc}/project/box{clause.box}/{clause.item}",
            "doc": clause.doc,
            "box": clause.path[-1] if clause.path else "",
            "number": clause.item,
            "name": title,
            "text": clause.text,
            "minerals": self.names(both, "mineral"),
            "regions": [
                r
                for r in self.names(both, "region")
                if self.lexicon.entry("region", r)["level"] != PROVINCE  # the whole province
            ],
            "clause_id": clause.id,
        }

    def technologies(self, doc: Document) -> list[dict[str, Any]]:
        rows = [
            c for c in doc.clauses if c.kind == "table_row" and c.fields and "技术名称" in c.fields
        ]
        return [
            {
                "id": f"{c.doc}/technology/{c.item}",
                "doc": c.doc,
                "number": c.item,
                "name": c.fields["技术名称"],
                "industry": c.fields.get("行业", ""),
                "minerals": self.names(c.fields["技术名称"], "mineral"),
                "clause_id": c.id,
            }
            for c in rows
            if c.fields
        ]


def indicator_period(note: str, category: str) -> tuple[str | None, str | None]:
    """The period the note gives a category (年开采量指标值为2021-2025年年年度数值 → 2021-2025年)
    and the note's sentence itself."""
    for part in re.split(r"[；。]", note.removeprefix("注：")):
        statement = part.split("，")[0]
        if category and statement.startswith(category):
            found = _PERIOD.search(statement)
            return (found.group() if found else None), statement
    return None, None


def indicator_remark(note: str, minerals: list[str]) -> str | None:
    """A note's remark on one mineral's indicator (菱镁矿指标指用于耐火材料等方面采矿权证载规模)."""
    for part in re.split(r"[；。，]", note):
        if minerals and part.startswith(minerals[0]) and "指标" in part:
            return part
    return None


def parse_value(value: str) -> dict[str, Any]:
    """The number(s) of an indicator value: ≤3000 → at most 3000; 5-10 → 5 to 10;
    2000左右 → about 2000."""
    numbers = [float(n) for n in _NUMBER.findall(value)]
    if not numbers:
        return {"comparator": None, "low": None, "high": None}
    if value.startswith(("≤", "<=")):
        return {"comparator": "≤", "low": None, "high": numbers[0]}
    if value.startswith(("≥", ">=")):
        return {"comparator": "≥", "low": numbers[0], "high": None}
    if len(numbers) == 2 and "-" in value:
        return {"comparator": "range", "low": numbers[0], "high": numbers[1]}
    comparator = "≈" if "左右" in value else "="
    return {"comparator": comparator, "low": numbers[0], "high": numbers[0]}


def extract_records(docs: list[Document], lexicon: Lexicon) -> dict[str, list[dict[str, Any]]]:
    """Zones, indicators, projects and technologies of `docs`."""
    return RecordBuilder(lexicon).records(docs)
