"""Graph, mentions and index agree: every mention is a graph edge, every edge's clause holds its
mention, and the index's facets name exactly what the mentions name (plus a county's city)."""

from __future__ import annotations

import json

import pytest

from kb.graph.build import GRAPH_FILE, load_graph, node
from kb.search.engine import SearchIndex
from tests.conftest import SLUG


@pytest.fixture(scope="module")
def mentions(kb_path):
    return json.loads((kb_path / "mentions.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def graph(kb_path):
    return load_graph(kb_path / GRAPH_FILE)


def _target(m: dict) -> str:
    return m["id"] if m["type"] == "zone" else node(m["type"], m["name"])


def _edge(graph, clause_id: str, target: str) -> dict:
    (data,) = [d for _, v, d in graph.out_edges(clause_id, data=True) if v == target]
    assert data["rel"] == "mentions"
    return data


def test_every_mention_is_an_edge_with_its_span(graph, mentions):
    for clause_id, found in mentions.items():
        for m in found:
            key = "title_spans" if m.get("field") == "title" else "spans"
            assert [m["start"], m["end"]] in _edge(graph, clause_id, _target(m))[key]


def test_every_mention_edge_is_in_the_mentions_and_its_clause_holds_the_words(kb, graph, mentions):
    for clause_id, target, d in graph.edges(data=True):
        if d["rel"] != "mentions":
            continue
        clause = kb.clause(clause_id)
        found = {(_target(m), m["text"]) for m in mentions[clause_id]}
        for field, key in (("text", "spans"), ("title", "title_spans")):
            for start, end in d[key]:
                assert (target, clause[field][start:end]) in found


def test_a_box_item_title_names_its_mineral_in_the_graph(graph):
    # 专栏六 item 3 is titled 辽东大石桥-凤城-宽甸硼矿勘查增储工程: 硼矿 only in its title.
    data = _edge(graph, f"{SLUG}/box6/3", node("mineral", "硼矿"))
    assert data["title_spans"] == [[11, 13]]


def test_the_index_facets_are_the_mentions(kb, mentions):
    index: SearchIndex = kb.search_index
    for clause_id, found in mentions.items():
        stored = index.stored_facets(clause_id)
        for kind in ("mineral", "zone_type"):
            assert set(stored[kind]) == {m["name"] for m in found if m["type"] == kind}
        named = {m["name"] for m in found if m["type"] == "region"}
        cities = {kb.lexicon.city_of(r) for r in named} - {None}
        assert set(stored["region"]) == named | cities
