"""Rules as data: every normative sentence of the plans as a typed rule record.

    rules = extract_rules(docs, mentions, records, lexicon)

A rule: {id, doc, clause_id, span, text, modality, qualifier, action, actions, subjects:
{minerals, zone_types, zones, regions, mine_classes}, condition, exception, quantity, needs,
phrase}. `text` is the sentence (up to ；or 。) verbatim and `span` its offsets in the clause
text; condition, exception and quantity["text"] are verbatim substrings of it. The vocabulary
is data: `ingest/data/rules.toml`. Policy stances are a view of the rules (`ingest.rules.stances`).
"""

from __future__ import annotations

from typing import Any

from ingest.entities import TermTable, find_mentions
from ingest.relations import BACKGROUND, section_minerals
from ingest.rules.extract import ClauseContext, drafts, finish, inherit
from ingest.rules.subjects import PROVINCES
from ingest.rules.tables import row_rule
from ingest.rules.vocabulary import vocabulary
from kb.lexicon import Lexicon
from kb.model import Clause, Document
from kb.rules import RULES_FILE

__all__ = ["RULES_FILE", "extract_rules"]

Mentions = dict[str, list[dict[str, Any]]]


def normative(clause: Clause) -> bool:
    """A paragraph or box item of the body outside the chapters that only describe."""
    return (
        clause.kind in ("paragraph", "box_item")
        and clause.part == "body"
        and not any(word in clause.path[0] for word in BACKGROUND)
    )


def extract_rules(
    docs: list[Document],
    mentions: Mentions,
    records: dict[str, list[dict[str, Any]]],
    lexicon: Lexicon,
) -> list[dict[str, Any]]:
    """Every rule of `docs`, in reading order, numbered within its clause."""
    table = TermTable.from_lexicon(lexicon)

    def finder(text: str) -> list[dict[str, Any]]:
        return find_mentions(text, table)

    zones = {z["clause_id"]: z["name"] for z in records["zones"] if z["coverage"] == "whole"}
    indicators = {r["clause_id"]: r for r in records["indicators"]}
    out: list[dict[str, Any]] = []
    for doc in docs:
        notes = {c.box: c.text for c in doc.clauses if c.kind == "note"}
        by_section = section_minerals(doc, finder)
        for clause in doc.clauses:
            if clause.id in indicators:
                row = indicators[clause.id]
                minerals = [row["mineral"]] if row["mineral"] else []
                found = [row_rule(clause, minerals, notes.get(clause.box, ""))]
            elif normative(clause):
                context = ClauseContext(
                    clause,
                    mentions.get(clause.id, []),
                    zone=zones.get(clause.id),
                    mineral=by_section.get((clause.chapter or 0, clause.section or 0)),
                )
                found = clause_rules(titled(context, finder))
            else:
                continue
            out += numbered(clause, [r for r in found if r])
    return out


def titled(context: ClauseContext, finder) -> ClauseContext:
    """The context with what the clause's title names: the zone types of a lead sentence, the
    minerals and places of a box item's title (not part of its text)."""
    clause = context.clause
    named = finder(clause.title or "")

    def names(kind: str) -> list[str]:
        found = [m["name"] for m in named if m["type"] == kind and m["name"] not in PROVINCES]
        return list(dict.fromkeys(found))

    context.zone_types = names("zone_type")
    if clause.kind == "box_item":
        context.title_minerals, context.title_regions = names("mineral"), names("region")
    return context


def clause_rules(context: ClauseContext) -> list[dict[str, Any]]:
    """The rules of one clause, after its lead sentence (a heading: 严格控制矿山开采规模。)."""
    vocab = vocabulary()
    clause = context.clause
    start = len(clause.title) if clause.title and clause.text.startswith(clause.title) else 0
    if clause.kind == "box_item":
        start = 0
    found = [
        rule
        for draft in drafts(clause.text, start, vocab)
        for rule in finish(draft, context, vocab)
    ]
    return inherit(found)


def numbered(clause: Clause, rules: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [
        {"id": f"{clause.id}/r{n}", "doc": clause.doc, "clause_id": clause.id, **rule}
        for n, rule in enumerate(rules, 1)
    ]
