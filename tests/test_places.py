"""Places (issue 9): geological units are not regions, a zone's own columns locate it, towns
tell a zone's county, and places named only in a project's title count. Every expectation is
read off the plan."""

from __future__ import annotations

import json

from tests.conftest import SLUG


def region_mentions(kb, local: str) -> set[str]:
    stored = json.loads((kb.root / "mentions.json").read_text(encoding="utf-8"))
    return {
        m["name"]
        for m in stored[f"{SLUG}/{local}"]
        if m["type"] == "region" and m.get("field") != "title"
    }


def ids(rows) -> list[str]:
    return [r["id"].split("/", 1)[1] for r in rows]


def test_a_tectonic_unit_is_not_a_city(kb):
    # 4.1.3: “区域位于辽东-吉南成矿带，铁岭-靖宇次级隆起铁-金-铜-铅-锌-煤成矿亚带内，具体包括
    # 鞍山市（除海城市、岫岩县外）、辽阳市、本溪市（除桓仁县外）、抚顺市。…清原地区…辽阳弓长岭区…”
    assert region_mentions(kb, "4.1.3") == {
        "鞍山市",
        "抚顺市",
        "海城市",
        "岫岩满族自治县",
        "辽阳市",
        "本溪市",
        "桓仁满族自治县",
        "清原满族自治县",
        "弓长岭区",
    }
    tieling = kb.region("铁岭")
    assert "4.1.3" not in ids(tieling["requirements"]) + ids(tieling["mentions"])


def test_faku_fault_uplift_is_not_faku_county(kb):
    # 4.1.5: “区域位于法库断凸煤硅灰石成矿亚带内，具体包括沈阳市、铁岭市。”
    assert region_mentions(kb, "4.1.5") == {"铁岭市", "沈阳市"}
    assert kb.region("法库县")["mentions"] == []


def zones_of(kb, region: str) -> list[str]:
    return [z["name"] for z in kb.region(region)["zones"]]


def test_benxi_county_lists_gaoguan_because_box5_puts_gaoguan_in_benxi_county(kb):
    # 专栏五 21 “辽宁本溪县高官镇-抚顺县后安镇”: 高官 is in 本溪县, so 专栏三 1
    # “辽宁本溪高官-柳木匠沟” is too; 专栏五 8 “辽宁本溪县悬岭后”;
    # 4.1.3 includes 本溪市 less 桓仁县.
    assert zones_of(kb, "本溪县") == [
        "鞍山-抚顺铁、铜、锌矿勘查开发区",
        "辽宁本溪高官-柳木匠沟",
        "辽宁本溪县悬岭后（国家级）",
        "辽宁本溪县高官镇-抚顺县后安镇",
    ]


def test_chaoyang_county_lists_damiao(kb):
    # 专栏五 23 “辽宁朝阳县大庙镇-北票龙潭镇” puts 大庙 in 朝阳县: 专栏三 3 “辽宁北票宝国-朝阳大庙”
    # lies in 朝阳县 and 北票; 4.1.4 includes 朝阳市 whole.
    assert zones_of(kb, "朝阳县") == [
        "辽宁西部铁、锰、金矿勘查开发区",
        "辽宁北票宝国-朝阳大庙",
        "辽宁朝阳县大庙镇-北票龙潭镇",
    ]
    zone = kb.zone("辽宁北票宝国-朝阳大庙")["zone"]
    assert (zone["regions"], zone["counties"]) == (["朝阳市"], ["北票市", "朝阳县"])


def test_a_zone_row_is_located_by_its_own_region_column(kb):
    # 专栏七 18 “辽宁义县三宝屯-双山子 … 锦州”: its 双山子 is not 宽甸's 双山子镇 (专栏五 28, 丹东)
    zone = kb.zone("辽宁义县三宝屯-双山子")["zone"]
    assert (zone["regions"], zone["counties"]) == (["锦州市"], ["义县"])
    assert "辽宁义县三宝屯-双山子" not in zones_of(kb, "宽甸")


def projects_of(kb, region: str) -> list[str]:
    return [p["name"] for p in kb.region(region)["projects"]]


def test_places_named_only_in_a_project_title_count(kb):
    # 专栏九 3 “鞍山、营口、辽阳菱镁矿浮选工程”: its text names 海城、大石桥、辽阳, not 营口 itself
    assert "鞍山、营口、辽阳菱镁矿浮选工程" in projects_of(kb, "营口市")
    # 专栏九 1 “鞍山、本溪、辽阳铁矿资源生产能力建设工程”: its text says only 鞍本辽地区
    assert "鞍山、本溪、辽阳铁矿资源生产能力建设工程" in projects_of(kb, "本溪市")
    assert "box9/1" in ids(kb.region("本溪市")["mentions"])


def requirement_ids(kb, region: str) -> set[str]:
    return set(ids(kb.region(region)["requirements"]))


# A county's requirements: the clauses naming it or its functional area, and those whose scope
# covers its city as a whole (具体包括…鞍山市…), less those leaving it out (除…外).
# Read off the plan:
COUNTY_REQUIREMENTS = {
    # 4.1.2 names 岫岩县/岫岩; 6.3.2 lists 岫岩县 in 辽东绿色经济区; 7.2.2 names 辽东绿色经济区;
    # 4.1.3 covers 鞍山市 whole but “除海城市、岫岩县外”. 4.2.2, box4/1, box6/1, box9/1 name
    # 鞍山 as a place of iron (鞍山、辽阳…等地, 鞍山-本溪成矿区带, 鞍山、本溪、辽阳铁矿).
    "岫岩": {"4.1.2", "6.3.2", "7.2.2"},
    # 4.1.2 (海城市, 海城), box6/3 (营口后仙峪-海城诸葛岭), box9/3 (在海城、大石桥、辽阳等地)
    "海城": {"4.1.2", "box6/3", "box9/3"},
    # 6.3.2 (本溪县), 7.2.2 (辽东绿色经济区), 4.1.3 (本溪市（除桓仁县外）)
    "本溪县": {"6.3.2", "7.2.2", "4.1.3"},
    # 4.1.5 “具体包括沈阳市、铁岭市”: 沈阳市 as a whole
    "法库": {"4.1.5"},
}


def test_a_county_gets_what_names_it_or_covers_its_whole_city(kb):
    assert {n: requirement_ids(kb, n) for n in COUNTY_REQUIREMENTS} == COUNTY_REQUIREMENTS


def test_a_city_still_gets_every_clause_naming_it(kb):
    # the four iron items name 鞍山 itself, so 鞍山市's page keeps them
    assert {"4.2.2", "box4/1", "box6/1", "box9/1"} <= requirement_ids(kb, "鞍山")
