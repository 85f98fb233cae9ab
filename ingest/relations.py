"""Relations read from the wording of the plan, by rules over the mentions of each clause.

- Policy stances of minerals: 重点勘查煤层气、铁、金… → 重点勘查; 除资源整合外，原则上限制勘查菱镁矿
  → 限制勘查 (condition 除资源整合外); 控制海城、大石桥、岫岩县等地菱镁矿年度开采总量 → 总量控制
  (regions 海城市, 大石桥市, 岫岩满族自治县). The scope of a stance is its sentence segment (up to
  ；or 。); a segment that names no mineral takes the one its section is about (第四节 推进菱镁矿
  高质量开发利用: 实行总量控制 → 菱镁矿).
- Clauses that govern a zone type: its name in the clause's lead sentence (明确重点开采区管控要求。)
  or a requirement on what lies inside it (重点勘查区内，… ; 在能源资源基地和国家规划矿区内 …).
- Clauses that govern a mineral: every clause of a section whose heading names that mineral alone.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

from kb.model import Clause, Document

Mentions = dict[str, list[dict[str, Any]]]
Finder = Callable[[str], list[dict[str, Any]]]  # text → its mentions

# stance → trigger. A list stance covers the minerals after its trigger up to the end of the
# segment (重点勘查煤层气、铁、金…，地热、干热岩等…；); a phrase stance covers its comma-delimited
# phrase (控制海城、大石桥、岫岩县等地菱镁矿年度开采总量), and 鼓励… only what stands between
# 鼓励 and 开采/勘查 (鼓励铁矿、硼矿、滑石矿开采).
LIST_STANCES: list[tuple[str, re.Pattern[str]]] = [
    ("重点勘查", re.compile(r"重点勘查(?!区|开采)")),
    ("限制勘查", re.compile(r"限制勘查(?!开采)")),
    ("重点开采", re.compile(r"重点开采(?!区)")),
    ("限制开采", re.compile(r"限制开采")),
    ("禁止开采", re.compile(r"禁止开采")),
]
PHRASE_STANCES: list[tuple[str, re.Pattern[str]]] = [
    ("总量控制", re.compile(r"总量[^，；。]{0,6}控制|控制[^，；。]{0,20}总量")),
    ("鼓励开采", re.compile(r"鼓励(?P<inner>[^，；。]*?)开采")),
    ("鼓励勘查", re.compile(r"鼓励(?P<inner>[^，；。]*?)勘查")),
]
_CONDITION = re.compile(r"除[^，；。]{1,12}外")
_SEGMENT_END = "；。"
_PHRASE_END = "，；。"
_INSIDE = "内"
_LIST_JOINERS = "、和及与"
PROVINCE = "辽宁省"
BACKGROUND = ("规划背景", "指导思想")  # chapters that describe, not require


def segments(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each sentence segment of `text`: up to and including ；or 。."""
    start = 0
    for i, ch in enumerate(text):
        if ch in _SEGMENT_END:
            yield start, i + 1
            start = i + 1
    if start < len(text):
        yield start, len(text)


def section_minerals(doc: Document, mentions_of: Finder) -> dict[tuple[int, int], str]:
    """(chapter, section) → the one mineral its heading names (第六章第四节 → 菱镁矿)."""
    out: dict[tuple[int, int], str] = {}
    for clause in doc.clauses:
        if clause.chapter and clause.section and len(clause.path) > 1:
            names = {m["name"] for m in mentions_of(clause.path[1]) if m["type"] == "mineral"}
            if len(names) == 1:
                out[(clause.chapter, clause.section)] = names.pop()
    return out


def stances(docs: list[Document], mentions: Mentions, mentions_of: Finder) -> list[dict[str, Any]]:
    """Every policy stance on a mineral the plan takes, with its clause and sentence segment."""
    out: list[dict[str, Any]] = []
    for doc in docs:
        by_section = section_minerals(doc, mentions_of)
        for clause in doc.clauses:
            if clause.kind in ("paragraph", "box_item"):
                fallback = by_section.get((clause.chapter or 0, clause.section or 0))
                out += clause_stances(clause, mentions.get(clause.id, []), fallback)
    return out


def clause_stances(
    clause: Clause, found: list[dict[str, Any]], fallback: str | None
) -> list[dict[str, Any]]:
    """The stances of one clause; a phrase naming no mineral takes `fallback` (its section's)."""
    text = clause.text
    out = []
    for start, end in segments(text):
        for stance, pattern in LIST_STANCES:
            for hit in pattern.finditer(text, start, end):
                scope = (hit.end(), end)
                out += _stances(stance, clause, found, scope, (start, end), fallback)
        for stance, pattern in PHRASE_STANCES:
            for hit in pattern.finditer(text, start, end):
                phrase = _phrase(text, hit.start(), end)
                inner = "inner" in hit.groupdict()
                scope = hit.span("inner") if inner else phrase
                out += _stances(stance, clause, found, scope, phrase, None if inner else fallback)
    return _unique(out)


def _phrase(text: str, at: int, end: int) -> tuple[int, int]:
    """The comma-delimited phrase of `text` around position `at` (not past `end`)."""
    lo = max(text.rfind(ch, 0, at) for ch in _PHRASE_END) + 1
    hi = min((i for ch in _PHRASE_END if (i := text.find(ch, at, end)) >= 0), default=end)
    return lo, hi


def _stances(
    stance: str,
    clause: Clause,
    found: list[dict[str, Any]],
    scope: tuple[int, int],
    span: tuple[int, int],
    fallback: str | None,
) -> list[dict[str, Any]]:
    inside = [m for m in found if scope[0] <= m["start"] and m["end"] <= scope[1]]
    minerals = [m["name"] for m in inside if m["type"] == "mineral"] or (
        [fallback] if fallback else []
    )
    regions = [m["name"] for m in inside if m["type"] == "region" and m["name"] != PROVINCE]
    segment = clause.text[span[0] : span[1]].strip()
    condition = _CONDITION.search(segment)
    return [
        {
            "stance": stance,
            "mineral": mineral,
            "text": segment,
            "condition": condition.group() if condition else None,
            "regions": list(dict.fromkeys(regions)),
            "clause": clause.id,
        }
        for mineral in dict.fromkeys(minerals)
    ]


def _unique(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    seen: set[tuple[str, str, str, str]] = set()
    out = []
    for item in items:
        key = (item["stance"], item["mineral"], item["clause"], item["text"])
        if key not in seen:
            seen.add(key)
            out.append(item)
    return out


def zone_type_rules(
    docs: list[Document], mentions: Mentions, mentions_of: Finder, zone_clauses: set[str]
) -> list[dict[str, Any]]:
    """Clauses that govern a zone type: {zone_type, clause, rule} with rule "title" (the lead
    sentence names it) or "inside" (a requirement on what lies inside it). A clause that sets
    out one zone (营口-丹东…勘查开发区。, in `zone_clauses`) governs that zone, not its type."""
    out = []
    for doc in docs:
        for clause in doc.clauses:
            if clause.kind not in ("paragraph", "box_item") or clause.id in zone_clauses:
                continue
            titled = {
                m["name"] for m in mentions_of(clause.title or "") if m["type"] == "zone_type"
            }
            inside = _inside_types(clause.text, mentions.get(clause.id, []))
            for name in dict.fromkeys([*titled, *inside]):
                rule = "title" if name in titled else "inside"
                out.append({"zone_type": name, "clause": clause.id, "rule": rule})
    return out


def _inside_types(text: str, found: list[dict[str, Any]]) -> list[str]:
    """Zone types followed by 内, directly or through a list (能源资源基地和国家规划矿区内)."""
    types = [m for m in found if m["type"] == "zone_type"]
    out: list[str] = []
    run: list[str] = []
    for i, m in enumerate(types):
        run.append(m["name"])
        nxt = types[i + 1] if i + 1 < len(types) else None
        gap = text[m["end"] : nxt["start"]] if nxt else None
        if gap is not None and len(gap) == 1 and gap in _LIST_JOINERS:
            continue
        if text.startswith(_INSIDE, m["end"]):
            out += run
        run = []
    return list(dict.fromkeys(out))


def mineral_sections(docs: list[Document], mentions_of: Finder) -> list[dict[str, Any]]:
    """{mineral, clause, rule: "section"} for each clause of a section about one mineral."""
    out = []
    for doc in docs:
        by_section = section_minerals(doc, mentions_of)
        for clause in doc.clauses:
            mineral = by_section.get((clause.chapter or 0, clause.section or 0))
            if mineral and clause.kind in ("paragraph", "box_item"):
                out.append({"mineral": mineral, "clause": clause.id, "rule": "section"})
    return out


def normative(docs: list[Document]) -> dict[str, bool]:
    """Clause id → whether it can state a requirement: a paragraph or box item of the body,
    outside the chapters that only describe (规划背景, 指导思想和原则)."""
    return {
        c.id: c.kind in ("paragraph", "box_item")
        and c.part == "body"
        and not any(word in c.path[0] for word in BACKGROUND)
        for d in docs
        for c in d.clauses
    }
