"""The knowledge-graph part of a build: lexicon, mentions, records and graph, written into the KB.

    lexicon, mentions = write_knowledge(docs, writer)

`lexicon` is the JSON-ready lexicon (`kb.lexicon.Lexicon(lexicon)` reads it) and `mentions` maps
each clause id to its mentions; the search index is built from both.
"""

from __future__ import annotations

from typing import Any

from ingest import relations as rel
from ingest.entities import TermTable, annotate, find_mentions
from ingest.gaps import find_gaps
from ingest.gazetteer import gazetteer_of
from ingest.levels import link_levels
from ingest.records import extract_records
from ingest.rules import RULES_FILE, extract_rules
from ingest.rules.stances import stances
from kb.graph.build import GRAPH_FILE, build_graph, save_graph
from kb.lexicon import LEXICON_FILE, Lexicon
from kb.model import Document
from kb.store import KBWriter, write_json

MENTIONS_FILE = "mentions.json"
Mentions = dict[str, list[dict[str, Any]]]


def relations(
    docs: list[Document],
    mentions: Mentions,
    lexicon: Lexicon,
    zones: list[dict[str, Any]],
    rules: list[dict[str, Any]],
) -> dict[str, Any]:
    """Stances (a view of the rules), zone-type and mineral requirements, and which clauses can
    state requirements."""
    table = TermTable.from_lexicon(lexicon)
    zone_clauses = {z["clause_id"] for z in zones}
    texts = {c.id: c.text for d in docs for c in d.clauses}

    def finder(text: str) -> list[dict[str, Any]]:
        return find_mentions(text, table)

    return {
        "stances": stances(rules, texts),
        "zone_types": rel.zone_type_rules(docs, mentions, finder, zone_clauses),
        "minerals": rel.mineral_sections(docs, finder),
        "normative": rel.normative(docs),
    }


def knowledge(docs: list[Document]) -> tuple[Lexicon, Mentions, dict[str, Any], Any]:
    """Lexicon, mentions (of text and box-item titles), records (rules included, under "rules")
    and graph of `docs` (nothing written). The graph is built once every mention is known."""
    lexicon = Lexicon(gazetteer_of(docs).lexicon())
    records = extract_records(docs, lexicon)
    records["gaps"] = find_gaps(docs, lexicon, records["zones"])
    mentions = annotate(docs, lexicon, records["zones"])
    link_levels(docs, mentions, records["zones"])  # a county's block in a provincial zone
    rules = extract_rules(docs, mentions, records, lexicon)  # both read offsets into the text
    links = relations(docs, mentions, lexicon, records["zones"], rules)
    for clause_id, found in title_mentions(docs, lexicon).items():
        mentions[clause_id] = [*found, *mentions.get(clause_id, [])]
    graph = build_graph(docs, mentions, records, links, lexicon)
    return lexicon, mentions, {**records, "rules": rules}, graph


def title_mentions(docs: list[Document], lexicon: Lexicon) -> Mentions:
    """Mentions in the titles of numbered box items, which `clause.text` does not contain
    (辽东大石桥-凤城-宽甸硼矿勘查增储工程): marked ``"field": "title"``, offsets into the title."""
    table = TermTable.from_lexicon(lexicon)
    return {
        c.id: [{**m, "field": "title"} for m in find_mentions(c.title, table)]
        for d in docs
        for c in d.clauses
        if c.kind == "box_item" and c.title
    }


def write_knowledge(docs: list[Document], writer: KBWriter) -> tuple[dict[str, Any], Mentions]:
    """Write lexicon.json, mentions.json, rules.json and graph.json into the build; return the
    lexicon and the mentions (of text and box-item titles) for the search index."""
    lexicon, mentions, records, graph = knowledge(docs)
    write_json(writer.path(LEXICON_FILE), lexicon.to_dict())
    write_json(writer.path(MENTIONS_FILE), mentions)
    write_json(writer.path(RULES_FILE), records["rules"])
    save_graph(graph, writer.path(GRAPH_FILE))
    return lexicon.to_dict(), mentions
