"""The gazetteers and the lexicon built from them: regions, minerals, zone types, aliases."""

from __future__ import annotations

import json
from collections import Counter

import pytest

from ingest.gazetteer import load_gazetteer
from kb.errors import NotFound
from kb.lexicon import Lexicon
from tests.conftest import CITIES


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return Lexicon(load_gazetteer(provinces=["辽宁省"]).lexicon())


def test_regions_are_the_province_its_cities_and_counties(lexicon):
    levels = Counter(e["level"] for e in lexicon.entries["region"].values())
    assert levels == {"province": 1, "prefecture": 14, "county": 100, "area": 1}
    cities = [n for n, e in lexicon.entries["region"].items() if e["level"] == "prefecture"]
    assert cities == CITIES
    assert {lexicon.entry("region", c)["parent"] for c in cities} == {"辽宁省"}


def test_every_county_has_a_city_for_parent(lexicon):
    counties = [e for e in lexicon.entries["region"].values() if e["level"] == "county"]
    parents = {e["parent"] for e in counties}
    assert {lexicon.entry("region", p)["level"] for p in parents} == {"prefecture"}
    assert lexicon.children("鞍山市") == [
        "铁东区",
        "鞍山市铁西区",
        "立山区",
        "千山区",
        "台安县",
        "岫岩满族自治县",
        "海城市",
    ]


RESOLVE = [
    # name as written → (kind, canonical name)
    ("丹东", ("region", "丹东市")),
    ("丹东市", ("region", "丹东市")),
    ("岫岩", ("region", "岫岩满族自治县")),
    ("岫岩县", ("region", "岫岩满族自治县")),
    ("阜蒙县", ("region", "阜新蒙古族自治县")),
    ("阜新县", ("region", "阜新蒙古族自治县")),
    ("宽甸", ("region", "宽甸满族自治县")),
    ("凤城", ("region", "凤城市")),
    ("海城", ("region", "海城市")),
    ("大石桥", ("region", "大石桥市")),
    ("铁法", ("region", "调兵山市")),
    ("清原", ("region", "清原满族自治县")),
    ("新宾", ("region", "新宾满族自治县")),
    ("本溪县", ("region", "本溪满族自治县")),
    ("本溪", ("region", "本溪市")),
    ("桓仁", ("region", "桓仁满族自治县")),
    ("喀左", ("region", "喀喇沁左翼蒙古族自治县")),
    ("义县", ("region", "义县")),
    ("辽宁", ("region", "辽宁省")),
    ("硼", ("mineral", "硼矿")),
    ("硼矿", ("mineral", "硼矿")),
    ("B₂O₃", ("mineral", "硼矿")),
    ("B2O3", ("mineral", "硼矿")),
    ("菱镁", ("mineral", "菱镁矿")),
    ("金", ("mineral", "金矿")),
    ("铁", ("mineral", "铁矿")),
    ("煤", ("mineral", "煤炭")),
    ("砂石", ("mineral", "普通建筑用砂石土")),
    ("石墨", ("mineral", "晶质石墨")),
    ("重点勘查区", ("zone_type", "重点勘查区")),
]


@pytest.mark.parametrize(("name", "expected"), RESOLVE, ids=[r[0] for r in RESOLVE])
def test_names_resolve_through_aliases(lexicon, name, expected):
    assert lexicon.resolve(name) == expected


PLAN_MINERALS = [
    "铁矿",
    "锰矿",
    "铜矿",
    "铅矿",
    "锌矿",
    "钼矿",
    "金矿",
    "银矿",
    "砂金",
    "铌矿",
    "钽矿",
    "稀土矿",
    "煤炭",
    "煤层气",
    "油页岩",
    "石油",
    "天然气",
    "地热",
    "干热岩",
    "泥炭",
    "硼矿",
    "菱镁矿",
    "滑石",
    "萤石",
    "晶质石墨",
    "金刚石",
    "膨润土",
    "硅灰石",
    "玛瑙",
    "蓝石棉",
    "砖瓦用粘土",
    "普通建筑用砂石土",
    "海砂",
    "矿泉水",
]


def test_every_mineral_the_plan_names_is_known_with_a_category(lexicon):
    # minerals.csv also knows 建筑用花岗岩, which the county test plan names (not this plan)
    assert lexicon.names("mineral") == [*PLAN_MINERALS, "建筑用花岗岩"]
    categories = Counter(e["category"] for e in lexicon.entries["mineral"].values())
    assert categories == {"金属矿产": 12, "能源矿产": 8, "非金属矿产": 14, "水气矿产": 1}


def test_zone_types_have_stable_slugs(lexicon):
    slugs = {n: lexicon.entry("zone_type", n)["slug"] for n in lexicon.names("zone_type")}
    assert slugs == {
        "勘查开发区": "exploration-development",
        "能源资源基地": "energy-base",
        "国家规划矿区": "national-mining-area",
        "重点勘查区": "key-exploration",
        "重点开采区": "key-mining",
        "勘查规划区块": "exploration-block",
        "开采规划区块": "mining-block",
        "集中开采区": "concentrated-mining",
    }
    assert lexicon.zone_type("key-mining")["name"] == "重点开采区"


def test_xiuyan_is_a_county_of_anshan(lexicon):  # acceptance 5
    entry = lexicon.entry("region", lexicon.canonical("岫岩", "region"))
    assert (entry["name"], entry["level"], entry["parent"]) == (
        "岫岩满族自治县",
        "county",
        "鞍山市",
    )
    assert lexicon.ancestors("岫岩满族自治县") == ["鞍山市", "辽宁省"]
    assert lexicon.areas_of("岫岩满族自治县") == ["辽东绿色经济区"]


def test_an_unknown_name_has_suggestions(lexicon):
    with pytest.raises(NotFound) as caught:
        lexicon.resolve("纽约", "region")
    assert str(caught.value) == "没有这个地区：纽约。No region named '纽约'."
    assert caught.value.suggestions == ["沈阳市", "大连市", "鞍山市", "抚顺市", "本溪市"]
    with pytest.raises(NotFound) as caught:
        lexicon.resolve("菱美矿", "mineral")
    assert caught.value.suggestions == ["菱镁矿"]


def test_a_name_two_districts_share_is_ambiguous(lexicon):
    with pytest.raises(NotFound) as caught:
        lexicon.resolve("铁西区")
    assert caught.value.suggestions == ["沈阳市铁西区", "鞍山市铁西区"]


def test_aliases_for_search(lexicon):
    assert lexicon.aliases("硼") == ["硼矿", "硼", "B₂O₃", "B2O3", "硼镁石", "硼镁铁矿", "硼镁铁"]
    assert lexicon.aliases("丹东") == ["丹东市", "丹东"]


def test_words_hold_names_aliases_and_terms_but_no_single_characters(lexicon):
    words = lexicon.words()
    for word in (
        "丹东市",
        "丹东",
        "岫岩县",
        "菱镁矿",
        "重点勘查区",
        "最低开采规模",
        "净矿出让",
        "总量控制",
        "绿色矿山",
    ):
        assert word in words
    assert [w for w in words if len(w) < 2] == []


def test_the_lexicon_is_plain_json(lexicon):
    data = json.loads(json.dumps(lexicon.to_dict(), ensure_ascii=False))
    assert Lexicon(data).resolve("岫岩") == ("region", "岫岩满族自治县")


def test_the_kb_carries_its_lexicon(kb_path, lexicon):
    stored = Lexicon.load(kb_path)
    assert stored.to_dict() == lexicon.to_dict()
    assert stored.entry("region", "岫岩满族自治县")["parent"] == "鞍山市"
