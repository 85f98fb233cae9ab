"""Acceptance 1 of issue 13: two plans of the genre ingest beside the real one.

The county plan (表3 开采规划区块 inside a section, towns) and the other province's plan (一、（一）
numbering, 第X条 articles) are fixtures written for the tests (tests/fixtures/plans); every
expected outline, record, town and citation below was written by reading them.
"""

from __future__ import annotations

import pytest

from tests.conftest import document
from tests.plans import COUNTY_SLUG, OTHER_SLUG

COUNTY_TITLE = "宽甸满族自治县矿产资源总体规划（2021-2025年）"
OTHER_TITLE = "河北省矿产资源总体规划（2021-2025年）"
KD = "宽甸满族自治县"


def shape(nodes: list[dict]) -> list[tuple]:
    """(label, title, page, kind, children) of each node, recursively."""
    return [(n["label"], n["title"], n["page"], n["kind"], shape(n["children"])) for n in nodes]


def test_the_county_plan_outline(three):
    section = "section"
    assert shape(document(three, COUNTY_SLUG)["outline"]) == [
        ("第一章", "规划背景", 1, "chapter", [
            ("第一节", "资源概况", 1, section, []),
            ("第二节", "开发利用现状", 2, section, []),
        ]),
        ("第二章", "规划目标与布局", 3, "chapter", [
            ("第一节", "规划目标", 3, section, []),
            ("第二节", "开采规划区块", 4, section, [
                ("表3", "宽甸满族自治县开采规划区块", 4, "table", []),
            ]),
        ]),
        ("第三章", "资源保护与监管", 6, "chapter", [
            ("第一节", "绿色矿山建设", 6, section, []),
            ("第二节", "监督管理", 7, section, []),
        ]),
    ]  # fmt: skip


def test_the_other_province_outline_numbered_with_headings_and_articles(three):
    doc = document(three, OTHER_SLUG)
    assert shape(doc["outline"]) == [
        ("第一章", "总则", 1, "chapter", []),
        ("第二章", "规划目标", 2, "chapter", [
            ("一、", "总体目标", 2, "section", []),
            ("二、", "具体目标", 2, "section", [
                ("（一）", "勘查目标", 2, "subsection", []),
                ("（二）", "开发目标", 2, "subsection", []),
            ]),
        ]),
        ("第三章", "勘查开发布局", 3, "chapter", [
            ("一、", "重点勘查区", 3, "section", [("表1", "重点勘查区", 3, "table", [])]),
            ("二、", "开发利用", 3, "section", [
                ("（一）", "铁矿", 3, "subsection", []),
                ("（二）", "建筑石料", 3, "subsection", []),
            ]),
        ]),
        ("第四章", "实施保障", 5, "chapter", []),
    ]  # fmt: skip
    assert doc["outline"][0]["clauses"] == [f"{OTHER_SLUG}/art{n}" for n in (1, 2, 3)]
    assert doc["outline"][3]["clauses"] == [f"{OTHER_SLUG}/art{n}" for n in (4, 5)]


def test_an_article_runs_to_the_next_article_and_is_cited_by_its_number(three):
    art = three.clause(f"{OTHER_SLUG}/art2")
    assert (art["kind"], art["title"], art["item"]) == ("article", "第二条", 2)
    assert art["text"] == (
        "本规划适用于河北省行政区域内的矿产资源勘查、开发利用与保护活动。"
        "规划期为2021年至2025年，展望到2035年。"
    )
    assert art["citation"]["text"] == f"《{OTHER_TITLE}》第二条，第1页。"


CITATIONS = [
    (f"{COUNTY_SLUG}/table3/2", f"《{COUNTY_TITLE}》表3“宽甸满族自治县开采规划区块”第2项，第4页。"),
    (f"{COUNTY_SLUG}/table3/note", f"《{COUNTY_TITLE}》表3“宽甸满族自治县开采规划区块”注，第4页。"),
    (f"{COUNTY_SLUG}/2.2.2", f"《{COUNTY_TITLE}》第二章第二节“开采规划区块”，第4页。"),
    (f"{COUNTY_SLUG}/3.2.2", f"《{COUNTY_TITLE}》第三章第二节“监督管理”，第7页。"),
    (f"{OTHER_SLUG}/2.2.1.1", f"《{OTHER_TITLE}》第二章二、（一）“勘查目标”，第2页。"),
    (f"{OTHER_SLUG}/2.1.1", f"《{OTHER_TITLE}》第二章一、“总体目标”，第2页。"),
    (f"{OTHER_SLUG}/table1/3", f"《{OTHER_TITLE}》表1“重点勘查区”第3项，第3页。"),
    (f"{OTHER_SLUG}/art5", f"《{OTHER_TITLE}》第五条，第5页。"),
]


@pytest.mark.parametrize(("clause_id", "text"), CITATIONS)
def test_citations_name_the_plan_and_its_own_numbering(three, clause_id, text):
    assert three.clause(clause_id)["citation"]["text"] == text


def test_a_table_row_is_a_clause_with_its_fields(three):
    row = three.clause(f"{COUNTY_SLUG}/table3/4")
    assert (row["kind"], row["title"]) == ("table_row", "宽甸振江铅锌矿开采规划区块")
    assert row["fields"] == {
        "区块编号": "KC04",
        "区块名称": "宽甸振江铅锌矿开采规划区块",
        "开采矿种": "铅锌矿",
        "所在乡镇": "振江镇",
        "开采方式": "地下开采",
    }


BLOCKS = [  # 表3: code, name, minerals, town, method
    ("KC01", "宽甸硼海硼矿开采规划区块", ["硼矿"], "硼海镇", "地下开采"),
    ("KC02", "宽甸杨木川硼矿开采规划区块", ["硼矿"], "杨木川镇", "地下开采"),
    ("KC03", "宽甸青椅山金矿开采规划区块", ["金矿"], "青椅山镇", "地下开采"),
    ("KC04", "宽甸振江铅锌矿开采规划区块", ["铅矿", "锌矿"], "振江镇", "地下开采"),
    ("KC05", "宽甸永甸建筑用花岗岩开采规划区块", ["建筑用花岗岩"], "永甸镇", "露天开采"),
]


def test_the_five_blocks_are_zones_in_their_towns_of_the_county(three):
    zones = three.zones(zone_type="开采规划区块", region=KD)["zones"]
    got = [
        (
            z["id"],
            z.get("code"),
            z["name"],
            z["minerals"],
            z["regions"],
            z["counties"],
            z.get("method"),
        )
        for z in zones
        if z["doc"] == COUNTY_SLUG
    ]
    assert got == [
        (f"{COUNTY_SLUG}/zone/mining-block/{n}", code, name, minerals, [town], [KD], method)
        for n, (code, name, minerals, town, method) in enumerate(BLOCKS, 1)
    ]


def test_towns_are_regions_under_the_county(three):
    town = three.region("硼海镇")["region"]
    assert (town["level"], town["parent"], town["ancestors"]) == (
        "town",
        KD,
        [KD, "丹东市", "辽宁省"],
    )
    county = three.region("宽甸")["region"]
    assert [c for c in county["children"]] == ["硼海镇", "杨木川镇", "青椅山镇", "振江镇", "永甸镇"]


def test_the_county_page_shows_its_blocks(three):
    ids = [z["id"] for z in three.region("宽甸")["zones"]]
    assert [i for i in ids if i.startswith(COUNTY_SLUG)] == [
        f"{COUNTY_SLUG}/zone/mining-block/{n}" for n in range(1, 6)
    ]


def test_the_other_province_zones_lie_in_its_counties(three):
    zones = [z for z in three.zones(zone_type="重点勘查区")["zones"] if z["doc"] == OTHER_SLUG]
    assert [(z["name"], z["minerals"], z["regions"], z["counties"]) for z in zones] == [
        ("承德滦平铁矿重点勘查区", ["铁矿"], ["承德市", "滦平县"], ["滦平县"]),
        ("张家口崇礼金矿重点勘查区", ["金矿"], ["张家口市", "崇礼区"], ["崇礼区"]),
        ("邯郸武安铁矿重点勘查区", ["铁矿"], ["邯郸市", "武安市"], ["武安市"]),
    ]


def test_documents_list_each_plan_with_its_profile_higher_levels_first(three):
    docs = [
        (d["slug"], d["level"], d["region"], d["province"], d["period"], d["status"])
        for d in three.documents()["documents"]
    ]
    assert docs == [
        (OTHER_SLUG, "省", "河北省", "河北省", "2021-2025", "现行"),
        ("liaoning-2021-2025", "省", "辽宁省", "辽宁省", "2021-2025", "现行"),
        (COUNTY_SLUG, "县", KD, "辽宁省", "2021-2025", "现行"),
    ]


def test_a_block_lies_in_the_provincial_zone_its_plan_names(three):
    """2.2.3: 宽甸硼海…、宽甸杨木川…开采规划区块位于辽宁宽甸三岔子-砬子沟重点开采区内 —
    专栏七 row 16 of the provincial plan (辽宁宽甸三岔子-砬子沟, 硼矿, 丹东)."""
    outer = three.zone("辽宁宽甸三岔子-砬子沟")["zone"]
    assert (outer["doc"], outer["type"], outer["number"]) == (
        "liaoning-2021-2025",
        "重点开采区",
        16,
    )
    stated = f"{COUNTY_SLUG}/2.2.3"
    for n in (1, 2):
        zone = three.zone(f"{COUNTY_SLUG}/zone/mining-block/{n}")["zone"]
        assert zone["within"] == [{"id": outer["id"], "clause_id": stated}]
    for n in (3, 4, 5):
        assert "within" not in three.zone(f"{COUNTY_SLUG}/zone/mining-block/{n}")["zone"]
