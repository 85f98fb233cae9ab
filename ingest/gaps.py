"""Honest gaps: lists the plan says exist but that its text does not hold.

The text names its 附表 and 附图 but holds none of them (附表7
辽宁省重点矿种矿山最低开采规模规划表), and some zone types have no rows in it at all: the 8
勘查规划区块 are in 附表4 and the others in 市级规划; 集中开采区 are left to 县级规划. Each
such gap becomes a record that says where the list is, quotes the sentence of the plan that says
so, and is shown instead of an empty list.
"""

from __future__ import annotations

import re
from typing import Any

from ingest.entities import TermTable, find_mentions
from kb.lexicon import Lexicon
from kb.model import Clause, Document, cn_numeral

_ELSEWHERE = re.compile(r"在(?P<where>[^，。；在]{1,6}规划)中(?:予以明确)?落实")
_COUNT = re.compile(r"(\d+)\s*个\s*$")
_SENTENCE = re.compile(r"[^。]*。?")
_LABELS = {"annex_table": "附表", "annex_map": "附图"}


def sentences(text: str) -> list[str]:
    return [s for s in _SENTENCE.findall(text) if s]


class GapFinder:
    """Reads the gaps of documents, naming zone types and terms through the lexicon."""

    def __init__(self, lexicon: Lexicon):
        self.lexicon = lexicon
        self.table = TermTable.from_lexicon(lexicon)
        self.terms = sorted(lexicon.data.get("terms", []), key=len, reverse=True)

    def gaps(self, docs: list[Document], zones: list[dict[str, Any]]) -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = []
        for doc in docs:
            listed = {z["type"] for z in zones if z["doc"] == doc.slug}
            annexes = [self.annex(doc, c, zones) for c in doc.clauses if c.kind in _LABELS]
            out += annexes
            for zone_type in self.lexicon.names("zone_type"):
                if zone_type not in listed:
                    gap = self.zone_type(doc, zone_type, annexes)
                    out += [gap] if gap else []
        return out

    def subject(self, title: str) -> tuple[str, str | None]:
        """The zone type an annex title names (辽宁省勘查规划区块表 → 勘查规划区块), else the
        longest domain term in it (最低开采规模), else ("", None)."""
        types = [m["name"] for m in find_mentions(title, self.table) if m["type"] == "zone_type"]
        if len(types) == 1:
            return types[0], types[0]
        return next((t for t in self.terms if t in title), ""), None

    def quotes(self, doc: Document, term: str) -> list[dict[str, str]]:
        """The sentences, after its lead, of each paragraph whose lead sentence holds `term`,
        that hold `term` and a number (制定 27 类主要矿种…最低开采规模…)."""
        out = []
        for c in doc.clauses:
            if term and c.kind == "paragraph" and term in (c.title or ""):
                body = c.text[len(c.title or "") :]
                found = [s for s in sentences(body) if term in s and re.search(r"\d", s)]
                out += [{"clause_id": c.id, "text": s} for s in found[:1]]
        return out

    def annex(self, doc: Document, clause: Clause, zones: list[dict[str, Any]]) -> dict[str, Any]:
        label = f"{_LABELS[clause.kind]}{clause.item}"
        term, zone_type = self.subject(clause.title or "")
        quoted = self.quotes(doc, term)
        rows = [z for z in zones if zone_type and z["type"] == zone_type and z["doc"] == doc.slug]
        boxes = sorted({box for z in rows if (box := self.box_of(doc, z["clause_id"]))})
        labels = [f"专栏{cn_numeral(b)}" for b in boxes]
        where = [label, *(m["where"] for q in quoted for m in _ELSEWHERE.finditer(q["text"]))]
        return {
            "id": f"{doc.slug}/gap/{clause.id.split('/', 1)[1]}",
            "doc": doc.slug,
            "about": "annex",
            "subject": zone_type or clause.title,
            "zone_type": zone_type,
            "where": list(dict.fromkeys(where)),
            "in_text": labels,
            "note": annex_note(label, clause.title or "", zone_type, labels, len(rows)),
            "quotes": quoted,
            "clause_id": clause.id,
        }

    @staticmethod
    def box_of(doc: Document, clause_id: str) -> int | None:
        return next((c.box for c in doc.clauses if c.id == clause_id), None)

    def zone_type(
        self, doc: Document, zone_type: str, annexes: list[dict[str, Any]]
    ) -> dict[str, Any] | None:
        """The gap of a zone type with no rows in the text, if the text says where they are."""
        where = [a["where"][0] for a in annexes if a["zone_type"] == zone_type]
        quoted, count = [], None
        for c in doc.clauses:
            for s in sentences(c.text):
                spots = [m for m in find_mentions(s, self.table) if m["name"] == zone_type]
                found = [m["where"] for m in _ELSEWHERE.finditer(s)]
                if spots and (found or any(_COUNT.search(s[: m["start"]]) for m in spots)):
                    quoted.append({"clause_id": c.id, "text": s})
                    where += found
                    counts = [_COUNT.search(s[: m["start"]]) for m in spots]
                    count = count or next((int(n.group(1)) for n in counts if n), None)
        if not where:
            return None
        slug = self.lexicon.entry("zone_type", zone_type)["slug"]
        where = list(dict.fromkeys(where))
        return {
            "id": f"{doc.slug}/gap/{slug}",
            "doc": doc.slug,
            "about": "zone_type",
            "subject": zone_type,
            "zone_type": zone_type,
            "where": where,
            "count": count,
            "note": zone_type_note(zone_type, where, count),
            "quotes": quoted,
            "clause_id": quoted[0]["clause_id"] if quoted else annexes[0]["clause_id"],
        }


def annex_note(label: str, title: str, zone_type: str | None, boxes: list[str], rows: int) -> str:
    head = f"{label}“{title}”不在本文本中"
    if boxes:
        return f"{head}；文本的{'、'.join(boxes)}列出{zone_type} {rows} 个。"
    return f"{head}，文本只列出它的名称。"


def zone_type_note(zone_type: str, where: list[str], count: int | None) -> str:
    parts: list[str] = []
    for w in where:
        if w.startswith(tuple(_LABELS.values())):
            parts.append(f"本规划划定 {count} 个，名录见{w}" if count else f"名录见{w}")
        else:
            parts.append(f"{'其他的' if parts else ''}在{w}中落实")
    return f"{zone_type}：{'，'.join(parts)}；本文本不含其名录。"


def find_gaps(
    docs: list[Document], lexicon: Lexicon, zones: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """Every gap of `docs` (annex entries and zone types listed elsewhere)."""
    return GapFinder(lexicon).gaps(docs, zones)
