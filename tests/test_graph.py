"""The knowledge graph: persisted as node-link JSON, every edge naming the clause it came from."""

from __future__ import annotations

import json
from collections import Counter

import pytest

from kb.graph.build import EDGES_KEY, GRAPH_FILE, load_graph, node
from tests.conftest import SLUG


@pytest.fixture(scope="module")
def graph(kb_path):
    return load_graph(kb_path / GRAPH_FILE)


def _edges(graph, source, rel):
    return sorted(
        (v, d["clause"]) for _, v, d in graph.out_edges(source, data=True) if d["rel"] == rel
    )


def _c(local: str) -> str:
    return f"{SLUG}/{local}"


def test_the_graph_is_node_link_json_with_named_edges(kb_path, graph):
    data = json.loads((kb_path / GRAPH_FILE).read_text(encoding="utf-8"))
    assert set(data) >= {"nodes", EDGES_KEY, "directed", "multigraph"}
    assert (data["directed"], data["multigraph"]) == (True, True)
    assert (len(data["nodes"]), len(data[EDGES_KEY])) == (
        graph.number_of_nodes(),
        graph.number_of_edges(),
    )
    own = Counter(d["kind"] for n, d in graph.nodes(data=True) if n.startswith(f"{SLUG}/"))
    # zones: 4 勘查开发区 (4.1.2–4.1.5) + the rows of 专栏二, 三, 五, 七 (3+12+30+19)
    # gaps: the 7 附表 and 5 附图 the text only names; 勘查/开采规划区块 and 集中开采区 (5.2.4,
    # 6.1.5, 6.5.3), whose lists are in 附表4/附表6 and 市级/县级规划
    assert own == {
        "clause": 191,
        "zone": 68,
        "project": 14,
        "indicator": 10,
        "technology": 5,
        "gap": 15,
    }
    shared = Counter(
        d["kind"] for n, d in graph.nodes(data=True) if not n.startswith(f"{SLUG}/")
    )  # the gazetteer and the plan's vocabulary: the session KB lists one plan
    assert shared == {
        "region": 116,
        "mineral": 35,  # minerals.csv: 34 the plan names, 建筑用花岗岩 of the county test plan
        "zone_type": 8,
        "stance": 13,  # the 13 stance labels of STANCES below
    }


def test_every_edge_names_the_clause_it_came_from(kb, graph):
    gazetteer = {"part_of", "member_of"}
    for u, v, d in graph.edges(data=True):
        if d["rel"] in gazetteer:
            assert d["clause"] is None, (u, v, d)
        else:
            assert d["clause"] in kb.library.by_id, (u, v, d)


def test_counties_link_to_their_city_and_areas(graph):
    assert _edges(graph, node("region", "岫岩满族自治县"), "part_of") == [
        (node("region", "鞍山市"), None)
    ]
    assert _edges(graph, node("region", "岫岩满族自治县"), "member_of") == [
        (node("region", "辽东绿色经济区"), None)
    ]
    counties = [n for n, d in graph.nodes(data=True) if d.get("level") == "county"]
    assert len(counties) == 100
    assert all(len(_edges(graph, c, "part_of")) == 1 for c in counties)


def test_a_zone_links_to_its_type_minerals_regions_and_clause(graph):
    zone = f"{SLUG}/zone/key-mining/15"
    row = _c("box7/15")
    rels = sorted((d["rel"], v, d["clause"]) for _, v, d in graph.out_edges(zone, data=True))
    assert rels == [
        ("described_by", row, row),
        ("has_mineral", node("mineral", "菱镁矿"), row),
        ("in_region", node("region", "鞍山市"), row),
        ("is_a", node("zone_type", "重点开采区"), row),
        ("named_after", node("region", "岫岩满族自治县"), row),
    ]


def test_an_exploration_area_excludes_what_the_plan_leaves_out(graph):
    zone = f"{SLUG}/zone/exploration-development/2"
    assert _edges(graph, zone, "excludes") == [
        (node("region", name), _c("4.1.3"))
        for name in ("岫岩满族自治县", "桓仁满族自治县", "海城市")
    ]


GOVERNS = {
    "勘查开发区": [],  # each of 4.1.2–4.1.5 sets out one area: it governs that area, not the type
    "能源资源基地": ["4.2.2", "5.2.4", "6.1.5", "box9/1"],
    "国家规划矿区": ["4.2.3", "5.2.4", "6.1.5", "box9/1"],
    "重点勘查区": ["5.2.3"],
    "重点开采区": ["6.1.4", "box9/1"],
    "勘查规划区块": ["5.2.4"],
    "开采规划区块": ["6.1.5"],
    "集中开采区": ["6.5.2", "6.5.3"],
}


@pytest.mark.parametrize(("zone_type", "clauses"), GOVERNS.items(), ids=list(GOVERNS))
def test_zone_types_link_to_the_clauses_that_govern_them(graph, zone_type, clauses):
    got = _edges(graph, node("zone_type", zone_type), "governed_by")
    assert got == sorted((_c(c), _c(c)) for c in clauses)


def test_the_rules_say_why_a_clause_governs_a_zone_type(graph):
    rules = {
        (v, d["rule"])
        for _, v, d in graph.out_edges(node("zone_type", "重点开采区"), data=True)
        if d["rel"] == "governed_by"
    }
    assert rules == {(_c("6.1.4"), "title"), (_c("box9/1"), "inside")}


# Stances are a view of the rules (ingest.rules.stances): a ban, restriction, priority or
# encouragement to explore, mine or build naming a mineral, and every control of a total.
# Read from the plan: 4.1.2 区内重点加强…金矿绿色勘查开发 / 推动凤城、宽甸等地金、硼矿深部勘查;
# 4.1.4 加大朝阳、葫芦岛建昌等地锰矿绿色勘查开发 / 优化朝阳等地膨润土绿色勘查开发; 6.4.2
# 原则上禁止新建露天矿山 / 禁止既有露天矿山平面扩大范围; box6/1 takes 铁矿 from its title.
EXPLORE = ["煤层气", "铁矿", "金矿", "硼矿", "铜矿", "钼矿", "萤石", "铌矿", "钽矿", "稀土矿"]
MINE = ["煤炭", "煤层气", "铁矿", "金矿", "硼矿", "锰矿", "铜矿", "萤石", "晶质石墨", "滑石"]
SAND = "普通建筑用砂石土"
STANCES = {
    ("总量控制", "3.1.1"): ["菱镁矿"],
    ("重点勘查开发", "4.1.2"): ["金矿"],
    ("鼓励勘查", "4.1.2"): ["金矿", "硼矿"],
    ("总量控制", "4.1.2"): ["菱镁矿"],
    ("重点勘查", "4.1.3"): ["铁矿"],
    ("重点勘查开发", "4.1.3"): ["地热"],
    ("总量控制", "4.1.3"): ["菱镁矿"],
    ("重点勘查开发", "4.1.4"): ["铁矿", "金矿", "锰矿"],
    ("鼓励勘查开发", "4.1.4"): ["萤石", "矿泉水", "地热", "膨润土"],
    ("重点开采", "4.1.5"): ["煤炭"],
    ("重点勘查开发", "4.1.5"): ["煤层气", "地热"],
    ("限制开采", "4.2.3"): ["铁矿"],
    ("鼓励勘查", "box4/2"): ["煤层气"],
    ("重点勘查", "5.2.1"): [*EXPLORE, "地热", "干热岩", "滑石", "金刚石"],
    ("限制勘查", "5.2.1"): ["菱镁矿"],
    ("重点勘查", "box6/1"): ["铁矿"],
    ("重点开采", "6.1.1"): MINE,
    ("限制开采", "6.1.1"): ["泥炭", "砂金"],
    ("禁止开采", "6.1.1"): ["蓝石棉", "砖瓦用粘土", "煤炭"],
    ("总量控制", "6.1.2"): ["菱镁矿"],
    ("限制开采", "6.1.2"): ["菱镁矿"],
    ("鼓励开采", "6.1.2"): ["铁矿", "硼矿", "滑石"],
    ("总量控制", "6.4.1"): ["菱镁矿"],
    ("禁止新建", "6.4.2"): ["菱镁矿"],
    ("禁止露天开采", "6.4.2"): ["菱镁矿"],
    ("总量控制", "6.4.3"): ["菱镁矿"],
    ("鼓励开采", "6.5.1"): [SAND],
    ("鼓励新建", "6.5.4"): [SAND],
    ("鼓励开采", "6.5.4"): [SAND],
}


def test_every_policy_stance_with_its_clause(graph):
    got: dict[tuple[str, str], set[str]] = {}
    for u, _, d in graph.edges(data=True):
        if d["rel"] == "stance":
            got.setdefault((d["stance"], d["clause"].split("/", 1)[1]), set()).add(
                graph.nodes[u]["name"]
            )
    assert got == {key: set(minerals) for key, minerals in STANCES.items()}


def test_stances_keep_their_condition_exception_and_regions(graph):
    found = [
        d
        for _, _, d in graph.out_edges(node("mineral", "菱镁矿"), data=True)
        if d["rel"] == "stance"
    ]
    restrict = [d for d in found if d["stance"] == "限制勘查"]
    assert [(d["text"], d["condition"], d["exception"]) for d in restrict] == [
        ("除资源整合外，原则上限制勘查菱镁矿。", None, "除资源整合外")
    ]
    local = [(d["text"], d["regions"]) for d in found if d["regions"]]
    assert local == [
        (
            "控制海城、大石桥、岫岩县等地菱镁矿年度开采总量。",
            ["海城市", "大石桥市", "岫岩满族自治县"],
        ),
        ("控制抚顺、辽阳等地菱镁矿年度开采总量。", ["抚顺市", "辽阳市"]),
    ]
    banned = {
        graph.nodes[u]["name"]: d["condition"]
        for u, _, d in graph.edges(data=True)
        if d["rel"] == "stance" and d["stance"] == "禁止开采"
    }
    assert banned == {  # 6.1.1, word for word
        "蓝石棉": None,
        "砖瓦用粘土": "可耕地的",
        "煤炭": "砷和放射性等有害物质超过规定标准的",
    }
    peat = [
        d["condition"]
        for _, _, d in graph.out_edges(node("mineral", "泥炭"), data=True)
        if d["rel"] == "stance"
    ]
    assert peat == ["湿地"]  # 限制开采湿地泥炭


def test_minerals_link_to_their_indicators_and_sections(graph):
    indicators = {
        m: [v.rsplit("/", 1)[1] for v, _ in _edges(graph, node("mineral", m), "indicator")]
        for m in ("铁矿", "金矿", "硼矿", "滑石", "菱镁矿")
    }
    assert indicators == {
        "铁矿": ["1", "5"],
        "金矿": ["2"],
        "硼矿": ["3", "6"],
        "滑石": ["7"],
        "菱镁矿": ["8"],
    }
    assert _edges(graph, node("mineral", "菱镁矿"), "governed_by") == [
        (_c(f"6.4.{n}"), _c(f"6.4.{n}")) for n in (1, 2, 3)
    ]
    assert _edges(graph, node("mineral", "普通建筑用砂石土"), "governed_by") == [
        (_c(f"6.5.{n}"), _c(f"6.5.{n}")) for n in (1, 2, 3, 4)
    ]


def test_regions_link_to_the_requirements_that_single_them_out(graph):
    assert _edges(graph, node("region", "岫岩满族自治县"), "singled_out") == [
        (_c("4.1.2"), _c("4.1.2")),
        (_c("6.3.2"), _c("6.3.2")),
    ]  # not 4.1.3: 除…岫岩县外
    assert _edges(graph, node("region", "辽东绿色经济区"), "singled_out") == [
        (_c("6.3.2"), _c("6.3.2")),
        (_c("7.2.2"), _c("7.2.2")),
    ]


def test_clauses_link_to_what_they_mention(graph):
    got = sorted(
        (v, d["spans"])
        for _, v, d in graph.out_edges(_c("box7/15"), data=True)
        if d["rel"] == "mentions"
    )
    assert got == [
        (f"{SLUG}/zone/key-mining/15", [[3, 13]]),
        (node("mineral", "菱镁矿"), [[19, 22]]),
        (node("region", "岫岩满族自治县"), [[5, 7]]),
        (node("region", "辽宁省"), [[3, 5]]),
        (node("region", "鞍山市"), [[29, 31]]),
    ]
