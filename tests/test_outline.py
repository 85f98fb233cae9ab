"""Acceptance 2: the outline as a whole expected structure, read off the plan's contents page."""

from __future__ import annotations

import json
import subprocess
import sys

from tests.conftest import ROOT, SLUG, document

# (label, title, page, [(section label, title, page, [box labels])]) — from the table of contents.
CHAPTERS = [
    (
        "第一章",
        "规划背景",
        2,
        [
            ("第一节", "发展现状", 2, []),
            ("第二节", "存在问题", 4, []),
            ("第三节", "形势与要求", 4, []),
        ],
    ),
    ("第二章", "指导思想和原则", 7, [("第一节", "指导思想", 7, []), ("第二节", "基本原则", 7, [])]),
    (
        "第三章",
        "规划目标",
        9,
        [("第一节", "2025 年规划目标", 9, ["专栏一"]), ("第二节", "2035 年远景目标", 11, [])],
    ),
    (
        "第四章",
        "优化矿产资源勘查开发总体格局",
        12,
        [
            ("第一节", "打造勘查开发战略引领布局", 12, []),
            ("第二节", "完善能源资源安全保障布局", 14, ["专栏二", "专栏三"]),
        ],
    ),
    (
        "第五章",
        "加强矿产资源调查评价与勘查",
        16,
        [
            ("第一节", "加强矿产资源调查评价力度", 16, ["专栏四"]),
            ("第二节", "推进重要勘查区域找矿增储", 17, ["专栏五", "专栏六"]),
        ],
    ),
    (
        "第六章",
        "强化矿产资源开发利用与保护",
        21,
        [
            ("第一节", "加强矿产资源开发利用", 21, ["专栏七"]),
            ("第二节", "强化矿产地管理", 23, []),
            ("第三节", "推进矿产资源节约集约利用", 24, ["专栏八", "专栏九"]),
            ("第四节", "推进菱镁矿高质量开发利用", 27, []),
            ("第五节", "规范普通建筑用砂石土矿开发利用", 27, []),
        ],
    ),
    (
        "第七章",
        "推进矿业绿色发展和矿区生态修复",
        30,
        [
            ("第一节", "全面实施绿色勘查", 30, []),
            ("第二节", "稳妥推进绿色矿山建设", 30, []),
            ("第三节", "强化矿区生态保护修复", 31, []),
        ],
    ),
    (
        "第八章",
        "加快推进矿产资源管理制度改革",
        33,
        [
            ("第一节", "推动矿产资源勘查有序发展", 33, []),
            ("第二节", "全面推进矿业权竞争性出让", 33, []),
            ("第三节", "优化矿产资源储量管理方式", 34, []),
            ("第四节", "健全矿产资源监管执法制度", 34, []),
        ],
    ),
    (
        "第九章",
        "规划实施与管理",
        35,
        [
            ("第一节", "加强组织领导", 35, []),
            ("第二节", "强化实施管理", 36, []),
            ("第三节", "完善监督机制", 37, []),
            ("第四节", "加强要素保障", 38, []),
            ("第五节", "提高信息化水平", 38, []),
        ],
    ),
]
BOX_TITLES = {
    "专栏一": "辽宁省“十四五”规划主要指标",
    "专栏二": "能源资源基地规划情况",
    "专栏三": "国家规划矿区规划情况",
    "专栏四": "矿产资源调查评价工程",
    "专栏五": "重点勘查区",
    "专栏六": "矿产资源勘查重大工程",
    "专栏七": "辽宁省矿产资源重点开采区",
    "专栏八": "辽宁省先进适用技术重点推广目录",
    "专栏九": "矿产资源开发利用与保护工程",
}
# A box starts where its first row or item does: later than its section when a page break the
# parser joined lies before it (3.1.4 “…按照标准进 / 行规划” → 专栏一 on p.10; 4.2.3 “…铁、 / 锰” →
# 专栏三 on p.15; 5.2.2 “…等 / 矿种” → 专栏五 on p.18, then 5.2.4 “…年度 / 投放” → 专栏六 on p.19).
BOX_PAGES = {"专栏一": 10, "专栏三": 15, "专栏五": 18, "专栏六": 19}
ANNEX_TABLES = [
    "辽宁省能源资源基地表",
    "辽宁省国家规划矿区表",
    "辽宁省矿产资源重点勘查区表",
    "辽宁省勘查规划区块表",
    "辽宁省矿产资源重点开采区表",
    "辽宁省开采规划区块表",
    "辽宁省重点矿种矿山最低开采规模规划表",
]
ANNEX_MAPS = [
    "辽宁省矿产资源分布图",
    "辽宁省矿产资源勘查开发利用现状图",
    "辽宁省矿产资源勘查开发保护总体布局图",
    "辽宁省矿产资源勘查规划图",
    "辽宁省矿产资源开采规划图",
]


def expected_outline() -> list[tuple]:
    body = [
        (
            "chapter",
            label,
            title,
            page,
            [
                (
                    "section",
                    slabel,
                    stitle,
                    spage,
                    [("box", b, BOX_TITLES[b], BOX_PAGES.get(b, spage), []) for b in boxes],
                )
                for slabel, stitle, spage, boxes in sections
            ],
        )
        for label, title, page, sections in CHAPTERS
    ]
    annex = [
        (
            "annex_tables",
            "附表",
            "附表",
            None,
            [("annex_table", f"附表{i}", t, None, []) for i, t in enumerate(ANNEX_TABLES, 1)],
        ),
        (
            "annex_maps",
            "附图",
            "附图",
            None,
            [("annex_map", f"附图{i}", t, None, []) for i, t in enumerate(ANNEX_MAPS, 1)],
        ),
    ]
    return [("general", "总则", "总则", 1, []), *body, ("closing", "附则", "附则", 39, []), *annex]


def shape(nodes: list[dict]) -> list[tuple]:
    return [(n["kind"], n["label"], n["title"], n["page"], shape(n["children"])) for n in nodes]


def test_outline_is_the_table_of_contents(kb):
    doc = document(kb)
    assert (doc["slug"], doc["title"], doc["issuer"], doc["date"]) == (
        SLUG,
        "辽宁省矿产资源总体规划（2021-2025年）",
        "辽宁省人民政府",
        "2022-10",
    )
    assert shape(doc["outline"]) == expected_outline()


def test_outline_has_9_chapters_28_sections_9_boxes_7_tables_5_maps(kb):
    doc = document(kb)
    kinds = [n["kind"] for top in doc["outline"] for n in walk_nodes(top)]
    counts = {k: kinds.count(k) for k in dict.fromkeys(kinds)}
    assert counts == {
        "general": 1,
        "chapter": 9,
        "section": 28,
        "box": 9,
        "closing": 1,
        "annex_tables": 1,
        "annex_table": 7,
        "annex_maps": 1,
        "annex_map": 5,
    }


def walk_nodes(node: dict):
    yield node
    for child in node["children"]:
        yield from walk_nodes(child)


def test_every_clause_sits_in_exactly_one_outline_node(kb):
    doc = document(kb)

    def walk(nodes):
        for n in nodes:
            yield from n["clauses"]
            yield from walk(n["children"])

    listed = list(walk(doc["outline"]))
    assert sorted(listed) == sorted(c.id for c in kb.library.docs[SLUG].clauses)


def test_cli_outline_json_equals_api(kb_path, client):
    out = subprocess.run(
        [sys.executable, "-m", "kb", "outline", "--json", "--kb", str(kb_path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert json.loads(out) == client.get("/api/outline").get_json()


def test_cli_outline_text_lists_chapters_and_boxes(kb_path):
    out = subprocess.run(
        [sys.executable, "-m", "kb", "outline", "--kb", str(kb_path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    lines = out.splitlines()
    assert lines[0].startswith("《")  # a document's title line comes before its chapters
    assert (
        "《辽宁省矿产资源总体规划（2021-2025年）》 辽宁省人民政府 2022-10 [liaoning-2021-2025]"
        in lines
    )
    assert "    第四节 推进菱镁矿高质量开发利用  …… 27  (3 条)" in lines
    assert "      专栏五 重点勘查区  …… 18  (30 条)" in lines
