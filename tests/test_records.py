"""Records from the tables and paragraphs, compared as whole structures with the plan's text.

Acceptance 1: every zone of 专栏二/三/五/七 and the four 勘查开发区 is a record with exactly the
minerals and regions of its row. The tables below are transcribed from the plan.
"""

from __future__ import annotations

import pytest

from ingest.gazetteer import load_gazetteer
from ingest.parser import parse_file
from ingest.records import extract_records, indicator_period, parse_value
from kb.lexicon import Lexicon
from tests.conftest import PLAN, SLUG

# (box, type slug, name, minerals as the row says them → canonical, 所在行政区 → canonical)
ENERGY_BASES = [
    ("辽宁抚顺红透山", ["铜矿", "金矿", "锌矿"], ["抚顺市"]),
    ("辽宁辽阳弓长岭-本溪南芬", ["铁矿"], ["沈阳市", "本溪市", "辽阳市"]),
    ("辽宁鞍山齐大山-西鞍山", ["铁矿"], ["鞍山市", "辽阳市"]),
]
NATIONAL_AREAS = [
    ("辽宁本溪高官-柳木匠沟", ["铁矿"], ["抚顺市", "本溪市"]),
    ("辽宁朝阳-葫芦岛瓦房子", ["锰矿"], ["朝阳市", "葫芦岛市"]),
    ("辽宁北票宝国-朝阳大庙", ["铁矿"], ["朝阳市"]),
    ("辽宁凌源野猪沟-建平新城", ["铁矿"], ["朝阳市"]),
    ("辽宁抚顺傲牛-石棚子-毛公", ["铁矿"], ["抚顺市"]),
    ("辽宁清原二道沟", ["铁矿"], ["抚顺市"]),
    ("辽宁阜新排山楼-新民", ["金矿"], ["锦州市", "阜新市"]),
    ("辽宁凤城白云-青城子", ["金矿", "锌矿"], ["本溪市", "鞍山市", "丹东市"]),
    ("辽宁凤城翁泉沟-宽甸砖庙", ["硼矿"], ["丹东市"]),
    ("辽宁阜新", ["煤炭"], ["阜新市", "锦州市"]),
    ("辽宁沈阳", ["煤炭"], ["辽阳市", "沈阳市"]),
    ("辽宁铁法", ["煤炭"], ["铁岭市", "沈阳市"]),
]
KEY_EXPLORATION = [
    ("辽宁凤城白云-小佟家堡子（国家级）", ["金矿"], ["丹东市"]),
    ("丹东五龙（国家级）", ["金矿"], ["丹东市"]),
    ("北票二道沟（国家级）", ["金矿"], ["朝阳市"]),
    ("阜新排山楼一建设（国家级）", ["金矿"], ["阜新市"]),
    ("盖州大东沟（国家级）", ["金矿"], ["营口市"]),
    ("庄河新房（国家级）", ["金矿"], ["大连市"]),
    ("辽宁宽甸县错草湾子一大石湖（国家级）", ["铜矿"], ["丹东市"]),
    ("辽宁本溪县悬岭后（国家级）", ["钼矿"], ["本溪市"]),
    ("鞍山千山区西鞍山（国家级）", ["铁矿"], ["鞍山市"]),
    ("本溪大台沟（含花红沟）（国家级）", ["铁矿"], ["本溪市"]),
    ("辽阳弓长岭（国家级）", ["铁矿"], ["辽阳市"]),
    ("本溪小阳沟（国家级）", ["铁矿"], ["本溪市"]),
    ("鞍山谷首峪（国家级）", ["铁矿"], ["鞍山市"]),
    ("本溪北台（国家级）", ["铁矿"], ["本溪市"]),
    ("辽宁大石桥后仙峪（国家级）", ["硼矿"], ["营口市"]),
    ("宽甸五道岭-于二瘸子（国家级）", ["硼矿"], ["丹东市"]),
    ("凤城翁泉沟（国家级）", ["硼矿"], ["丹东市"]),
    ("宽甸泡子沿-杨木杆（国家级）", ["硼矿"], ["丹东市"]),
    ("宽甸蜂蜜砬子-牛皮闸（国家级）", ["硼矿"], ["丹东市"]),
    ("辽宁昌图大四家子镇-古榆树镇", ["煤层气"], ["铁岭市"]),
    ("辽宁本溪县高官镇-抚顺县后安镇", ["铁矿"], ["本溪市", "抚顺市"]),
    ("辽宁辽阳县隆昌镇-下达河乡", ["铁矿"], ["辽阳市"]),
    ("辽宁朝阳县大庙镇-北票龙潭镇", ["铁矿", "金矿"], ["朝阳市"]),
    ("辽宁北票娄家店乡-台吉营乡", ["铁矿", "金矿"], ["朝阳市"]),
    ("辽宁凌源万元店-建平朱碌科", ["铁矿"], ["朝阳市"]),
    ("辽宁凤城鸡冠山镇-大兴镇", ["硼矿"], ["丹东市"]),
    ("辽宁义阜蒙县沙拉镇-彰武县哈尔套镇", ["金矿", "萤石"], ["阜新市"]),
    ("辽宁凤城赛马镇-宽甸双山子镇", ["铌矿", "钽矿", "稀土矿"], ["丹东市"]),
    ("辽宁阜蒙县太平镇-彰武县四堡子镇", ["金矿", "铁矿", "萤石"], ["阜新市"]),
    ("辽宁瓦房店李店镇-炮台镇", ["金刚石"], ["大连市"]),
]
KEY_MINING = [
    ("辽宁沈北新区小望花台-东五旗", ["煤炭"], ["沈阳市"]),
    ("辽宁新抚区东岗-东洲区龙凤", ["煤炭"], ["抚顺市"]),
    ("辽宁建平南沟-董家林", ["铁矿"], ["朝阳市"]),
    ("辽宁北票东四家-二道杖子", ["铁矿"], ["朝阳市"]),
    ("辽宁阜蒙县赵家窝堡-革命营子", ["铁矿"], ["阜新市"]),
    ("辽宁凌源南沟-神仙沟", ["铁矿"], ["朝阳市"]),
    ("辽宁阜蒙县太平山屯-彰武县上窝堡", ["铁矿"], ["阜新市"]),
    ("辽宁东港沙岗沟-元宝区黑沟", ["金矿"], ["丹东市"]),
    ("辽宁北票祁杖子-二道沟", ["金矿"], ["朝阳市"]),
    ("辽宁凌源南岭-东沟", ["金矿"], ["朝阳市"]),
    ("辽宁凌源小塔沟-黑沟", ["锰矿"], ["朝阳市"]),
    ("辽宁桓仁北岔-滚马沟", ["铜矿"], ["本溪市"]),
    ("辽宁兴城王家屯-上王屯", ["铜矿"], ["葫芦岛市"]),
    ("辽宁大石桥南楼-辽阳县大安口", ["菱镁矿"], ["营口市", "鞍山市", "辽阳市"]),
    ("辽宁岫岩西沟-小荒沟", ["菱镁矿"], ["鞍山市"]),
    ("辽宁宽甸三岔子-砬子沟", ["硼矿"], ["丹东市"]),
    ("辽宁大石桥马家堡-周家堡", ["硼矿"], ["营口市"]),
    ("辽宁义县三宝屯-双山子", ["萤石"], ["锦州市"]),
    ("辽宁辽阳县上韩家堡子-头道沟", ["晶质石墨"], ["辽阳市"]),
]
TABLES = [
    ("能源资源基地", "energy-base", 2, ENERGY_BASES),
    ("国家规划矿区", "national-mining-area", 3, NATIONAL_AREAS),
    ("重点勘查区", "key-exploration", 5, KEY_EXPLORATION),
    ("重点开采区", "key-mining", 7, KEY_MINING),
]
# 第四章第一节: name, minerals, regions (具体包括 …), excluded regions
EXPLORATION_AREAS = [
    (
        "营口-丹东金、菱镁、硼矿勘查开发区",
        ["金矿", "菱镁矿", "硼矿"],
        ["大连市", "丹东市", "营口市", "海城市", "岫岩满族自治县", "桓仁满族自治县"],
        [],
    ),
    (
        "鞍山-抚顺铁、铜、锌矿勘查开发区",
        ["铁矿", "铜矿", "锌矿"],
        ["鞍山市", "辽阳市", "本溪市", "抚顺市"],
        ["海城市", "岫岩满族自治县", "桓仁满族自治县"],
    ),
    (
        "辽宁西部铁、锰、金矿勘查开发区",
        ["铁矿", "锰矿", "金矿"],
        ["葫芦岛市", "朝阳市", "锦州市", "阜新市"],
        [],
    ),
    ("铁岭-沈阳煤炭、煤层气勘查开发区", ["煤炭", "煤层气"], ["沈阳市", "铁岭市"], []),
]


@pytest.fixture(scope="module")
def records():
    return extract_records(
        [parse_file(PLAN)], Lexicon(load_gazetteer(provinces=["辽宁省"]).lexicon())
    )


def _zones(records, zone_type: str) -> list[dict]:
    return [z for z in records["zones"] if z["type"] == zone_type]


@pytest.mark.parametrize(("zone_type", "slug", "box", "rows"), TABLES, ids=[t[0] for t in TABLES])
def test_table_zones_have_exactly_the_minerals_and_regions_of_their_rows(
    records, zone_type, slug, box, rows
):
    got = [
        (z["id"], z["name"], z["minerals"], z["regions"], z["clause_id"])
        for z in _zones(records, zone_type)
    ]
    want = [
        (f"{SLUG}/zone/{slug}/{n}", name, minerals, regions, f"{SLUG}/box{box}/{n}")
        for n, (name, minerals, regions) in enumerate(rows, 1)
    ]
    assert got == want


def test_exploration_areas_have_the_regions_they_include_and_exclude(records):
    got = [
        (z["id"], z["name"], z["minerals"], z["regions"], z["excludes"], z["clause_id"])
        for z in _zones(records, "勘查开发区")
    ]
    want = [
        (
            f"{SLUG}/zone/exploration-development/{n}",
            name,
            minerals,
            regions,
            excludes,
            f"{SLUG}/4.1.{n + 1}",
        )
        for n, (name, minerals, regions, excludes) in enumerate(EXPLORATION_AREAS, 1)
    ]
    assert got == want


def test_the_national_flag_comes_from_the_name(records):
    flags = [z["national"] for z in _zones(records, "重点勘查区")]
    assert flags == [True] * 19 + [False] * 11
    assert {z["national"] for z in records["zones"] if z["type"] != "重点勘查区"} == {None}


def test_zones_named_after_counties_know_them(records):
    named = {z["name"]: z["counties"] for z in records["zones"] if z["counties"]}
    assert named["辽宁岫岩西沟-小荒沟"] == ["岫岩满族自治县"]
    assert named["辽宁大石桥南楼-辽阳县大安口"] == ["大石桥市", "辽阳县"]
    assert named["辽宁义阜蒙县沙拉镇-彰武县哈尔套镇"] == ["阜新蒙古族自治县", "彰武县"]
    assert named["辽宁铁法"] == ["调兵山市"]
    assert "丹东五龙（国家级）" not in named  # named after the city, not a county


def test_every_named_county_lies_in_a_region_of_its_row(records):
    lexicon = Lexicon(load_gazetteer(provinces=["辽宁省"]).lexicon())
    stray = [
        (z["name"], c)
        for z in records["zones"]
        if z["coverage"] == "within"
        for c in z["counties"]
        if lexicon.city_of(c) not in z["regions"]
    ]
    assert stray == []


INDICATORS = [
    # category, name, mineral, unit, value, attribute, period
    ("矿产资源勘查", "新增资源储量（铁矿）", "铁矿", "矿石，亿吨", "10", "预期性", "2021-2025年"),
    ("矿产资源勘查", "新增资源储量（金矿）", "金矿", "金属，吨", "30", "预期性", "2021-2025年"),
    ("矿产资源勘查", "新增资源储量（硼矿）", "硼矿", "B₂O₃，万吨", "10", "预期性", "2021-2025年"),
    ("矿产资源勘查", "新发现大中型矿产地", None, "处", "5-10", "预期性", "2021-2025年"),
    ("年开采量", "铁矿", "铁矿", "亿吨（62%）", "0.7", "预期性", "2021-2025年"),
    ("年开采量", "硼矿", "硼矿", "矿石，万吨", "500", "预期性", "2021-2025年"),
    ("年开采量", "滑石", "滑石", "矿石，万吨", "300", "预期性", "2021-2025年"),
    ("年开采量", "菱镁矿", "菱镁矿", "矿石，万吨", "≤3000", "约束性", "2021-2025年"),
    ("矿山结构", "矿山数量", None, "个", "2000左右", "预期性", "2025年年底"),
    ("矿山结构", "大中型矿山比例", None, "%", "30左右", "预期性", "2025年年底"),
]


def test_the_ten_indicators_of_box_one(records):
    got = [
        (i["category"], i["name"], i["mineral"], i["unit"], i["value"], i["attribute"], i["period"])
        for i in records["indicators"]
    ]
    assert got == INDICATORS
    assert [i["clause_id"] for i in records["indicators"]] == [
        f"{SLUG}/box1/{n}" for n in range(1, 11)
    ]


def test_the_note_remarks_on_the_magnesite_indicator(records):
    remarks = {i["name"]: i["remark"] for i in records["indicators"] if i["remark"]}
    assert remarks == {"菱镁矿": "菱镁矿指标指用于耐火材料等方面采矿权证载规模"}


@pytest.mark.parametrize(
    ("value", "parsed"),
    [
        ("≤3000", {"comparator": "≤", "low": None, "high": 3000.0}),
        ("5-10", {"comparator": "range", "low": 5.0, "high": 10.0}),
        ("2000左右", {"comparator": "≈", "low": 2000.0, "high": 2000.0}),
        ("0.7", {"comparator": "=", "low": 0.7, "high": 0.7}),
        ("", {"comparator": None, "low": None, "high": None}),
    ],
)
def test_indicator_values_are_parsed(value, parsed):
    assert parse_value(value) == parsed


def test_a_category_the_note_does_not_cover_has_no_period():
    assert indicator_period("注：年开采量指标值为2021-2025年年度数值。", "矿山结构") == (None, None)


def test_the_projects_are_the_numbered_items_of_boxes_four_six_and_nine(records):
    doc = parse_file(PLAN)  # their titles are checked against the text in test_clauses.py
    items = [c for c in doc.clauses if c.kind == "box_item"]
    assert [(p["id"], p["name"], p["clause_id"]) for p in records["projects"]] == [
        (f"{SLUG}/project/box{c.box}/{c.item}", c.title, c.id) for c in items
    ]
    assert [(c.box, c.item) for c in items] == [
        (4, 1),
        (4, 2),
        *((6, n) for n in range(1, 9)),
        *((9, n) for n in range(1, 5)),
    ]


def test_projects_know_their_minerals_and_regions_from_title_and_text(records):
    by_name = {p["name"]: p for p in records["projects"]}
    p = by_name["丹东、营口硼矿综合利用工程"]
    assert (p["minerals"], p["regions"]) == (
        ["硼矿", "铁矿"],
        ["丹东市", "营口市", "凤城市", "大石桥市", "宽甸满族自治县"],
    )
    p = by_name["铁岭昌图古榆树煤层气勘探工程"]
    assert (p["minerals"], p["regions"]) == (["煤层气"], ["铁岭市", "昌图县"])


def test_the_technologies_of_box_eight(records):
    got = [(t["name"], t["industry"], t["minerals"]) for t in records["technologies"]]
    assert got == [
        ("铁矿山排岩系统高效回收磁铁矿资源技术", "黑色", ["铁矿"]),
        ("鞍山式含碳酸盐赤铁矿石高效浮选技术", "黑色", ["铁矿"]),
        ("酸法从含硫氰酸盐、氰化物尾液中综合回收氰化物技术", "稀贵", []),
        ("铁尾矿磁重分选技术", "黑色", []),
        ("常温常压湿法活性炭再生技术", "稀贵", []),
    ]
