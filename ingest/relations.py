"""Relations read from the wording of the plan, by rules over the mentions of each clause.

(Policy stances of minerals are a view of the rules: `ingest.rules.stances`.)
- Clauses that govern a zone type: its name in the clause's lead sentence (明确重点开采区管控要求。)
  or a requirement on what lies inside it (重点勘查区内，… ; 在能源资源基地和国家规划矿区内 …).
- Clauses that govern a mineral: every clause of a section whose heading names that mineral alone.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from kb.model import Document

Mentions = dict[str, list[dict[str, Any]]]
Finder = Callable[[str], list[dict[str, Any]]]  # text → its mentions

_INSIDE = "内"
_LIST_JOINERS = "、和及与"
BACKGROUND = ("规划背景", "指导思想")  # chapters that describe, not require


def section_minerals(doc: Document, mentions_of: Finder) -> dict[tuple[int, int], str]:
    """(chapter, section) → the one mineral its heading names (第六章第四节 → 菱镁矿)."""
    out: dict[tuple[int, int], str] = {}
    for clause in doc.clauses:
        if clause.chapter and clause.section and len(clause.path) > 1:
            names = {m["name"] for m in mentions_of(clause.path[1]) if m["type"] == "mineral"}
            if len(names) == 1:
                out[(clause.chapter, clause.section)] = names.pop()
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
