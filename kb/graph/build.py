"""The knowledge graph: regions, minerals, zone types, zones, clauses and records as one
networkx multigraph, persisted as node-link JSON (`graph.json`; no pickle).

Node ids: ``region:丹东市``, ``mineral:硼矿``, ``zone_type:重点勘查区``,
``stance:限制勘查``; records and clauses keep their own ids, which name their document
(``liaoning-2021-2025/zone/key-mining/15``, ``liaoning-2021-2025/6.4.2``). Every node has a
``kind``; every edge a ``rel`` and the ``clause`` it came from (None only for the gazetteer's
own links: county → city, county → area).

    rel           from → to                     meaning
    mentions      clause → entity               the clause names it (``spans`` in clause.text,
                                                ``title_spans`` in a box item's title;
                                                ``negated`` when only to leave it out: 除…外)
    part_of       region → region               county → city → province (gazetteer)
    member_of     region → region               county → functional area (gazetteer)
    is_a          zone → zone_type
    has_mineral   zone → mineral                主要矿种 of its row / minerals of its name
    in_region     zone → region                 所在行政区 of its row / regions it includes
    named_after   zone → region                 counties in its name (岫岩 in 岫岩西沟-小荒沟)
    excludes      zone → region                 鞍山市（除海城市、岫岩县外）
    described_by  zone → clause                 its table row or paragraph
    lies_in       zone → zone                   a sentence of its plan places it in another
                                                plan's zone (县级开采规划区块 in a 重点开采区)
    governed_by   zone_type|mineral → clause    requirements on all zones of a type / a mineral
    stance        mineral → stance              重点勘查, 限制勘查, 总量控制 … (text, condition)
    indicator     mineral → indicator           专栏一
    singled_out   region → clause               a requirement that names the region
    concerns      project|technology → mineral|region
    listed_elsewhere  zone_type → gap           its list is outside the text (附表4, 县级规划)
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import networkx as nx

from kb.lexicon import KINDS, Lexicon
from kb.model import Document
from kb.store import read_json, write_json

GRAPH_FILE = "graph.json"
EDGES_KEY = "edges"
Record = dict[str, Any]


def node(kind: str, name: str) -> str:
    """The node id of a region, mineral, zone type or stance: ``region:丹东市``."""
    return f"{kind}:{name}"


def save_graph(graph: nx.MultiDiGraph, path: Path) -> None:
    """Write `graph` as node-link JSON (edge list under "edges")."""
    write_json(path, nx.node_link_data(graph, edges=EDGES_KEY))


def load_graph(path: Path) -> nx.MultiDiGraph:
    """Read a graph written by `save_graph`."""
    return nx.node_link_graph(read_json(path), directed=True, multigraph=True, edges=EDGES_KEY)


class GraphBuilder:
    """Assembles the graph from documents, mentions, records, relations and the lexicon."""

    def __init__(self, lexicon: Lexicon):
        self.lexicon = lexicon
        self.g = nx.MultiDiGraph()

    def edge(self, u: str, v: str, rel: str, clause: str | None, **attrs: Any) -> None:
        self.g.add_edge(u, v, rel=rel, clause=clause, **attrs)

    def add_lexicon(self) -> None:
        for kind in KINDS:
            for name, entry in self.lexicon.entries[kind].items():
                attrs = {k: v for k, v in entry.items() if k != "aliases"}
                self.g.add_node(node(kind, name), **{**attrs, "kind": kind, "name": name})
        for name, entry in self.lexicon.entries["region"].items():
            if entry["parent"] and entry["level"] != "area":
                self.edge(node("region", name), node("region", entry["parent"]), "part_of", None)
            for member in entry.get("members", []):
                self.edge(node("region", member), node("region", name), "member_of", None)

    def add_clauses(self, docs: list[Document], normative: dict[str, bool]) -> None:
        order = 0
        for doc in docs:
            for clause in doc.clauses:
                self.g.add_node(
                    clause.id,
                    kind="clause",
                    doc=doc.slug,
                    clause_kind=clause.kind,
                    order=order,
                    normative=normative.get(clause.id, False),
                )
                order += 1

    def add_mentions(self, mentions: dict[str, list[Record]]) -> None:
        for clause_id, found in mentions.items():
            spans: dict[str, dict[str, list[list[int]]]] = {}
            named: set[str] = set()  # named other than to be left out (除…外)
            for m in found:
                target = m["id"] if m["type"] == "zone" else node(m["type"], m["name"])
                where = spans.setdefault(target, {"spans": [], "title_spans": []})
                key = "title_spans" if m.get("field") == "title" else "spans"
                where[key].append([m["start"], m["end"]])
                if not m.get("negated"):
                    named.add(target)
            for target, where in spans.items():
                negated = target not in named
                self.edge(clause_id, target, "mentions", clause_id, **where, negated=negated)
                if (
                    self.g.nodes[clause_id]["normative"]
                    and target in named
                    and target.startswith("region:")
                ):
                    self.edge(target, clause_id, "singled_out", clause_id)

    def add_zone(self, zone: Record) -> None:
        clause = zone["clause_id"]
        self.g.add_node(zone["id"], kind="zone", **zone)
        self.edge(zone["id"], node("zone_type", zone["type"]), "is_a", clause)
        self.edge(zone["id"], clause, "described_by", clause)
        for rel, key, kind in (
            ("has_mineral", "minerals", "mineral"),
            ("in_region", "regions", "region"),
            ("named_after", "counties", "region"),
            ("excludes", "excludes", "region"),
        ):
            for name in zone[key]:
                self.edge(zone["id"], node(kind, name), rel, clause)
        for outer in zone.get("within", []):  # stated by a sentence (ingest.levels)
            self.edge(zone["id"], outer["id"], "lies_in", outer["clause_id"])

    def add_records(self, records: dict[str, list[Record]]) -> None:
        for zone in records["zones"]:
            self.add_zone(zone)
        for item in records["indicators"]:
            self.g.add_node(item["id"], kind="indicator", **item)
            if item["mineral"]:
                self.edge(
                    node("mineral", item["mineral"]), item["id"], "indicator", item["clause_id"]
                )
        for table, kind in (("projects", "project"), ("technologies", "technology")):
            for item in records[table]:
                self.g.add_node(item["id"], kind=kind, **item)
                for name in item["minerals"]:
                    self.edge(item["id"], node("mineral", name), "concerns", item["clause_id"])
                for name in item.get("regions", []):
                    self.edge(item["id"], node("region", name), "concerns", item["clause_id"])
        for gap in records.get("gaps", []):
            self.g.add_node(gap["id"], kind="gap", **gap)
            if gap["zone_type"]:
                zone_type = node("zone_type", gap["zone_type"])
                self.edge(zone_type, gap["id"], "listed_elsewhere", gap["clause_id"])

    def add_relations(self, relations: dict[str, Any]) -> None:
        for item in relations["stances"]:
            stance = node("stance", item["stance"])
            self.g.add_node(stance, kind="stance", name=item["stance"])
            attrs = {k: v for k, v in item.items() if k not in ("clause", "mineral")}
            self.edge(node("mineral", item["mineral"]), stance, "stance", item["clause"], **attrs)
        for key, kind in (("zone_types", "zone_type"), ("minerals", "mineral")):
            for item in relations[key]:
                clause = item["clause"]
                self.edge(node(kind, item[kind]), clause, "governed_by", clause, rule=item["rule"])


def build_graph(
    docs: list[Document],
    mentions: dict[str, list[Record]],
    records: dict[str, list[Record]],
    relations: dict[str, Any],
    lexicon: Lexicon,
) -> nx.MultiDiGraph:
    """The whole graph of a build (see the module docstring for its nodes and edges)."""
    builder = GraphBuilder(lexicon)
    builder.add_lexicon()
    builder.add_clauses(docs, relations.get("normative", {}))
    builder.add_mentions(mentions)
    builder.add_records(records)
    builder.add_relations(relations)
    return builder.g
