"""Lookups: a region, a mineral, zones and one zone with the requirements that apply to it."""

from __future__ import annotations

import pytest

from kb.errors import BadQuery, NotFound
from tests.conftest import SLUG

BOOK = "《辽宁省矿产资源总体规划（2021-2025年）》"

DANDONG = {  # acceptance 2: the zones of 丹东 by type, as the plan's tables name them
    "勘查开发区": ["营口-丹东金、菱镁、硼矿勘查开发区"],
    "国家规划矿区": ["辽宁凤城白云-青城子", "辽宁凤城翁泉沟-宽甸砖庙"],
    "重点勘查区": [
        "辽宁凤城白云-小佟家堡子（国家级）",
        "丹东五龙（国家级）",
        "辽宁宽甸县错草湾子一大石湖（国家级）",
        "宽甸五道岭-于二瘸子（国家级）",
        "凤城翁泉沟（国家级）",
        "宽甸泡子沿-杨木杆（国家级）",
        "宽甸蜂蜜砬子-牛皮闸（国家级）",
        "辽宁凤城鸡冠山镇-大兴镇",
        "辽宁凤城赛马镇-宽甸双山子镇",
    ],
    "重点开采区": ["辽宁东港沙岗沟-元宝区黑沟", "辽宁宽甸三岔子-砬子沟"],
}


def _by_type(zones: list[dict]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for zone in zones:
        out.setdefault(zone["type"], []).append(zone["name"])
    return out


@pytest.mark.parametrize("name", ["丹东", "丹东市"])
def test_dandong_lists_its_zones(kb, name):  # acceptance 2
    data = kb.region(name)
    assert data["region"]["name"] == "丹东市"
    assert _by_type(data["zones"]) == DANDONG
    assert data["counts"] == {"勘查开发区": 1, "国家规划矿区": 2, "重点勘查区": 9, "重点开采区": 2}
    assert all(z["citation"]["text"].startswith("《辽宁省矿产资源总体规划") for z in data["zones"])


def test_zone_rows_carry_the_contract_fields(kb):
    zone = kb.zones(zone_type="重点勘查区", region="丹东")["zones"][3]
    assert {k: zone[k] for k in ("id", "name", "type", "minerals", "regions")} == {
        "id": f"{SLUG}/zone/key-exploration/16",
        "name": "宽甸五道岭-于二瘸子（国家级）",
        "type": "重点勘查区",
        "minerals": ["硼矿"],
        "regions": ["丹东市"],
    }
    assert (
        zone["citation"]["text"]
        == "《辽宁省矿产资源总体规划（2021-2025年）》专栏五“重点勘查区”第16项，第18页。"
    )


def _ids(items: list[dict]) -> list[str]:
    return [i.get("clause_id") or i["id"] for i in items]


@pytest.mark.parametrize("name", ["菱镁矿", "菱镁"])
def test_magnesite_shows_zones_quota_stances_and_rules(kb, name):  # acceptance 3
    data = kb.mineral(name)
    assert data["mineral"]["name"] == "菱镁矿"
    assert _by_type(data["zones"])["重点开采区"] == [
        "辽宁大石桥南楼-辽阳县大安口",
        "辽宁岫岩西沟-小荒沟",
    ]
    [quota] = data["indicators"]
    assert (quota["value"], quota["unit"], quota["attribute"], quota["high"]) == (
        "≤3000",
        "矿石，万吨",
        "约束性",
        3000.0,
    )
    assert quota["citation"]["text"] == (
        "《辽宁省矿产资源总体规划（2021-2025年）》专栏一“辽宁省‘十四五’规划主要指标”第8项，第10页。"
    )
    stances = {(s["stance"], s["condition"], s["exception"]) for s in data["stances"]}
    assert stances == {
        ("总量控制", None, None),  # 3.1.1, 4.1.2, 4.1.3, 6.1.2, 6.4.1, 6.4.3
        ("限制勘查", None, "除资源整合外"),  # 5.2.1
        ("限制开采", None, None),  # 6.1.2 严格控制开采
        ("禁止新建", None, None),  # 6.4.2 原则上禁止新建露天矿山
        ("禁止露天开采", None, None),  # 6.4.2 禁止既有露天矿山平面扩大范围
    }
    texts = {r["id"]: r["text"] for r in data["requirements"]}
    scale = texts[f"{SLUG}/6.4.2"]
    assert "最低开采规模为 30 万吨/年" in scale and "禁止新建露天矿山" in scale
    assert (
        next(r for r in data["requirements"] if r["id"] == f"{SLUG}/6.4.2")["citation"]["text"]
        == f"{BOOK}第六章第四节“推进菱镁矿高质量开发利用”，第27页。"
    )


def test_magnesite_requirements_rank_its_own_section_first(kb):
    top = [r["id"].split("/", 1)[1] for r in kb.mineral("菱镁矿")["requirements"][:3]]
    assert sorted(top) == ["6.4.1", "6.4.2", "6.4.3"]


def test_the_xiuyan_mining_zone_lists_every_rule_that_applies(kb):  # acceptance 4
    data = kb.zone("辽宁岫岩西沟-小荒沟")
    assert data["zone"]["id"] == f"{SLUG}/zone/key-mining/15"
    reqs = {r["id"].split("/", 1)[1]: r for r in data["requirements"]}
    assert reqs["6.1.4"]["text"].startswith("明确重点开采区管控要求。")
    assert {"6.4.1", "6.4.2", "6.4.3"} <= set(reqs)
    assert "控制海城、大石桥、岫岩县等地菱镁矿年度开采总量。" in reqs["4.1.2"]["sentences"]
    assert "鼓励辽东绿色经济区内岫岩县" in reqs["6.3.2"]["text"]
    assert "4.1.3" not in reqs  # 鞍山市（除海城市、岫岩县外）
    cited = {k: r["citation"]["text"] for k, r in reqs.items() if k in ("6.1.4", "6.3.2")}
    assert cited == {
        "6.1.4": f"{BOOK}第六章第一节“加强矿产资源开发利用”，第21页。",
        "6.3.2": f"{BOOK}第六章第三节“推进矿产资源节约集约利用”，第24页。",
    }


def test_zone_requirements_are_ranked_and_unique(kb):
    reqs = kb.zone(f"{SLUG}/zone/key-mining/15")["requirements"]
    ids = [r["id"] for r in reqs]
    assert len(ids) == len(set(ids))
    assert ids[0] == f"{SLUG}/6.1.4"
    assert [r["score"] for r in reqs] == sorted((r["score"] for r in reqs), reverse=True)
    assert reqs[0]["reasons"] == [
        {"rule": "type_title", "name": "重点开采区", "why": "重点开采区管控要求"}
    ]


def test_xiuyan_resolves_to_a_county_of_anshan(kb):  # acceptance 5
    region = kb.region("岫岩")["region"]
    assert (region["name"], region["parent"], region["ancestors"]) == (
        "岫岩满族自治县",
        "鞍山市",
        ["鞍山市", "辽宁省"],
    )


def test_a_county_finds_the_zones_named_after_it_and_the_clauses_naming_it(kb):
    data = kb.region("岫岩县")
    assert [z["name"] for z in data["zones"]] == [
        "营口-丹东金、菱镁、硼矿勘查开发区",
        "辽宁岫岩西沟-小荒沟",
    ]
    assert [m["id"].split("/", 1)[1] for m in data["mentions"]] == [
        "4.1.2",
        "4.1.3",
        "box7/15",
        "6.3.2",
    ]
    assert [m["excluded"] for m in data["mentions"]] == [False, True, False, False]
    own = [r["id"].split("/", 1)[1] for r in data["requirements"] if r["score"] >= 55]
    assert own == ["6.3.2", "4.1.2", "7.2.2"]
    assert [(s["stance"], s["mineral"]) for s in data["stances"]] == [("总量控制", "菱镁矿")]


def test_a_city_includes_zones_named_after_its_counties(kb):
    names = [z["name"] for z in kb.region("鞍山")["zones"]]
    assert "辽宁岫岩西沟-小荒沟" in names  # its row names 鞍山, its name 岫岩
    assert "营口-丹东金、菱镁、硼矿勘查开发区" in names  # includes 海城市 and 岫岩县
    tieling = [z["name"] for z in kb.region("铁岭")["zones"]]
    assert tieling == ["铁岭-沈阳煤炭、煤层气勘查开发区", "辽宁铁法", "辽宁昌图大四家子镇-古榆树镇"]


def test_a_county_of_a_whole_listed_city_is_in_the_exploration_area(kb):
    kuandian = [z["name"] for z in kb.region("宽甸")["zones"] if z["type"] == "勘查开发区"]
    assert kuandian == ["营口-丹东金、菱镁、硼矿勘查开发区"]
    huanren = [z["name"] for z in kb.region("桓仁")["zones"] if z["type"] == "勘查开发区"]
    assert huanren == ["营口-丹东金、菱镁、硼矿勘查开发区"]  # not 鞍山-抚顺…（除桓仁县外）


def test_zones_filter_by_type_region_and_mineral(kb):
    data = kb.zones(zone_type="key-exploration", region="丹东", mineral="硼")
    assert data["filters"] == {"type": "重点勘查区", "region": "丹东市", "mineral": "硼矿"}
    assert [z["name"] for z in data["zones"]] == [
        "宽甸五道岭-于二瘸子（国家级）",
        "凤城翁泉沟（国家级）",
        "宽甸泡子沿-杨木杆（国家级）",
        "宽甸蜂蜜砬子-牛皮闸（国家级）",
        "辽宁凤城鸡冠山镇-大兴镇",
    ]
    assert kb.zones()["total"] == 68
    assert kb.zones(zone_type="集中开采区")["zones"] == []


def test_boron_lookup_has_indicators_projects_and_zones(kb):
    data = kb.mineral("硼")
    assert [(i["category"], i["value"]) for i in data["indicators"]] == [
        ("矿产资源勘查", "10"),
        ("年开采量", "500"),
    ]
    assert [p["name"] for p in data["projects"]] == [
        "战略性矿产资源调查评价工程",
        "辽东大石桥-凤城-宽甸硼矿勘查增储工程",
        "老矿山深部外围找矿工程",
        "丹东、营口硼矿综合利用工程",
    ]
    stances = {s["stance"] for s in data["stances"]}  # 5.2.1, 6.1.1, 6.1.2, 4.1.2 推动…硼矿深部勘查
    assert stances == {"重点勘查", "重点开采", "鼓励开采", "鼓励勘查"}


@pytest.mark.parametrize(
    ("call", "args"),
    [
        ("region", ("纽约",)),
        ("mineral", ("纽约",)),
        ("zone", ("纽约",)),
    ],
)
def test_unknown_names_raise_not_found_with_suggestions(kb, call, args):
    with pytest.raises(NotFound) as caught:
        getattr(kb, call)(*args)
    assert len(caught.value.suggestions) == 5


@pytest.mark.parametrize("name", ["", "   ", "丹" * 65])
def test_malformed_names_are_bad_queries(kb, name):
    with pytest.raises(BadQuery):
        kb.region(name)
