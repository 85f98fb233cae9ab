"""The rule base: the rules a clerk relies on, word for word from the plan, and the API over them.

Every expected value below is read from corpus/liaoning-mineral-plan-2021-2025.txt.
"""

from __future__ import annotations

import pytest

from kb import BadQuery, NotFound
from tests.audit.rules_eval import evaluate_kb
from tests.conftest import SLUG

NO_SUBJECTS = {"minerals": [], "zone_types": [], "zones": [], "regions": [], "mine_classes": []}


def subjects(**given) -> dict:
    return {**NO_SUBJECTS, **given}


def quantity(value, unit, comparator, text, period=None, binding=None, **more) -> dict:
    return {
        "value": value,
        "unit": unit,
        "comparator": comparator,
        "period": period,
        "binding": binding,
        "text": text,
        **more,
    }


# (clause, a words of its phrase) → the whole rule as a clerk reads it.
GOLDEN = [
    (
        "6.1.1",
        "砷和放射性",
        {
            "modality": "forbidden",
            "action": "开采",
            "subjects": subjects(minerals=["煤炭"]),
            "condition": "砷和放射性等有害物质超过规定标准的",
            "exception": None,
            "quantity": None,
            "needs": None,
            "text": "禁止开采砷和放射性等有害物质超过规定标准的煤炭项目。",
        },
    ),
    (
        "6.1.1",
        "可耕地的砖瓦用粘土",
        {
            "modality": "forbidden",
            "action": "开采",
            "subjects": subjects(minerals=["砖瓦用粘土"]),
            "condition": "可耕地的",
            "exception": None,
            "quantity": None,
            "needs": None,
            "text": "禁止开采蓝石棉、可耕地的砖瓦用粘土等矿产；",
        },
    ),
    (
        "6.1.1",
        "湿地泥炭",
        {
            "modality": "restricted",
            "action": "开采",
            "subjects": subjects(minerals=["泥炭"]),
            "condition": "湿地",
            "exception": None,
            "quantity": None,
            "needs": None,
            "text": "限制开采湿地泥炭以及砂金等重砂矿物；",
        },
    ),
    (
        "5.2.1",
        "原则上限制勘查菱镁矿",
        {
            "modality": "restricted",
            "action": "勘查",
            "subjects": subjects(minerals=["菱镁矿"]),
            "condition": None,
            "exception": "除资源整合外",
            "quantity": None,
            "needs": None,
            "text": "除资源整合外，原则上限制勘查菱镁矿。",
        },
    ),
    (
        "6.4.2",
        "原则上禁止新建露天矿山",
        {
            "modality": "forbidden",
            "action": "新建",
            "subjects": subjects(minerals=["菱镁矿"], mine_classes=["露天矿山"]),
            "condition": None,
            "exception": None,
            "quantity": None,
            "needs": None,
            "text": "原则上禁止新建露天矿山，禁止既有露天矿山平面扩大范围，"
            "具备转为地下开采条件的转为地下开采。",
        },
    ),
    (
        "6.4.2",
        "最低开采规模为 30 万吨/年",
        {
            "modality": "quota",
            "action": "开采",
            "subjects": subjects(minerals=["菱镁矿"], mine_classes=["新建矿山"]),
            "condition": None,
            "exception": None,
            "quantity": quantity(30.0, "万吨/年", ">=", "30 万吨/年"),
            "needs": None,
            "text": "新建矿山储量规模必须达到中型以上，最低开采规模为 30 万吨/年，支持以资本为纽带"
            "开展资源整合，推进采矿企业（已有矿业权）兼并重组，重组后矿山储量规模为中型以上的，"
            "开采规模应达到 30 万吨/年以上；",
        },
    ),
    (
        "6.4.2",
        "新建矿山储量规模必须达到中型以上",
        {
            "modality": "quota",
            "action": "新建",
            "subjects": subjects(minerals=["菱镁矿"], mine_classes=["新建矿山"]),
            "condition": None,
            "exception": None,
            "quantity": quantity("中型", "储量规模", ">=", "中型以上"),
            "needs": None,
        },
    ),
    (
        "6.4.2",
        "储量规模为小型的",
        {
            "modality": "quota",
            "action": "开采",
            "subjects": subjects(minerals=["菱镁矿"]),
            "condition": "储量规模为小型的",
            "exception": None,
            "quantity": quantity(10.0, "万吨/年", ">=", "10 万吨/年以上"),
            "needs": None,
            "text": "储量规模为小型的，开采规模应达到 10 万吨/年以上。",
        },
    ),
    (
        "box1/8",
        "菱镁矿",
        {
            "modality": "quota",
            "action": "开采",
            "subjects": subjects(minerals=["菱镁矿"]),
            "condition": None,
            "exception": None,
            "quantity": quantity(3000.0, "万吨", "<=", "≤3000", "2021-2025年", "约束性"),
            "needs": None,
        },
    ),
    (
        "6.5.3",
        "20万立方米/年",
        {
            "modality": "quota",
            "action": "新建",
            "subjects": subjects(minerals=["普通建筑用砂石土"]),
            "condition": None,
            "exception": None,
            "quantity": quantity(
                20.0,
                "万立方米/年",
                ">=",
                "20万立方米/年",
                equivalent={
                    "value": 50.0,
                    "unit": "万吨/年",
                    "comparator": "~",
                    "text": "50万吨/年左右",
                },
            ),
            "needs": None,
            "text": "新建、改扩建和延续矿山最低开采规模标准为20万立方米/年（50万吨/年左右）。",
        },
    ),
    (
        "6.3.2",
        "控制在 2000 个左右",
        {
            "modality": "quota",
            "action": None,
            "subjects": subjects(),
            "condition": None,
            "exception": None,
            "quantity": quantity(2000.0, "个", "~", "2000 个左右", "2021-2025年"),
            "needs": None,
        },
    ),
    (
        "6.3.2",
        "禁止建设",
        {
            "modality": "forbidden",
            "subjects": subjects(),
            "condition": "技术落后、资源浪费严重、矿区环境问题突出、安全无保障的",
            "exception": None,
            "quantity": None,
            "text": "鼓励矿山企业兼并重组和资源整合，提升矿业开发集中度，推动矿业转型升级，"
            "逐步提高大中型矿山比例结构，禁止建设技术落后、资源浪费严重、矿区环境问题突出、"
            "安全无保障的矿山。",
        },
    ),
    (
        "6.3.1",
        "27 类主要矿种",
        {
            "modality": "required",
            "action": "新建",
            "subjects": subjects(mine_classes=["已有矿山"]),
            "condition": None,
            "exception": None,
            "quantity": None,
            "needs": "附表7",
        },
    ),
    (
        "4.1.4",
        "锰矿",
        {
            "modality": "priority",
            "action": "勘查开发",
            "subjects": subjects(
                minerals=["锰矿"],
                regions=["朝阳市", "葫芦岛市", "建昌县"],
                zones=["辽宁西部铁、锰、金矿勘查开发区"],
            ),
            "condition": None,
            "exception": None,
            "quantity": None,
            "needs": None,
        },
    ),
    (
        "4.1.4",
        "优化朝阳等地膨润土",
        {
            "modality": "encouraged",
            "action": "勘查开发",
            "subjects": subjects(
                minerals=["膨润土"], regions=["朝阳市"], zones=["辽宁西部铁、锰、金矿勘查开发区"]
            ),
            "condition": None,
            "exception": None,
            "quantity": None,
            "needs": None,
        },
    ),
    (
        "4.1.2",
        "深部勘查",
        {
            "modality": "encouraged",
            "action": "勘查",
            "subjects": subjects(
                minerals=["金矿", "硼矿"],
                regions=["凤城市", "宽甸满族自治县"],
                zones=["营口-丹东金、菱镁、硼矿勘查开发区"],
            ),
            "condition": None,
            "exception": None,
            "quantity": None,
            "needs": None,
        },
    ),
    (
        "4.1.3",
        "地热",
        {
            "modality": "priority",
            "action": "勘查开发",
            "subjects": subjects(
                minerals=["地热"],
                regions=["鞍山市", "辽阳市"],
                zones=["鞍山-抚顺铁、铜、锌矿勘查开发区"],
            ),
            "condition": None,
            "exception": None,
            "quantity": None,
            "needs": None,
        },
    ),
]


def _rule(kb, clause: str, words: str, minerals: list[str]) -> dict:
    """The rule whose phrase holds `words` (list items sharing a phrase: the one of `minerals`)."""
    text = kb.clause(f"{SLUG}/{clause}")["text"]
    at = text.index(words)
    found = [
        r
        for r in kb.rulebook.all
        if r["clause_id"] == f"{SLUG}/{clause}" and r["phrase"][0] <= at < r["phrase"][1]
    ]
    if len(found) > 1:
        found = [r for r in found if r["subjects"]["minerals"] == minerals]
    assert len(found) == 1, (clause, words, [r["id"] for r in found])
    return found[0]


@pytest.mark.parametrize(("clause", "words", "expected"), GOLDEN, ids=[g[1] for g in GOLDEN])
def test_the_rules_a_clerk_relies_on(kb, clause, words, expected):
    rule = _rule(kb, clause, words, expected["subjects"]["minerals"])
    assert {k: rule[k] for k in expected} == expected


def test_every_rule_quotes_its_sentence_with_its_quantity_condition_and_exception(kb):
    rules = kb.rulebook.all
    assert len(rules) >= 150
    for rule in rules:
        text = kb.clause(rule["clause_id"])["text"]
        lo, hi = rule["span"]
        assert text[lo:hi] == rule["text"], rule["id"]
        assert lo <= rule["phrase"][0] < rule["phrase"][1] <= hi, rule["id"]
        quoted = [rule["condition"], rule["exception"]]
        quoted += [rule["quantity"]["text"]] if rule["quantity"] else []
        quoted += (
            [rule["quantity"]["equivalent"]["text"]]
            if rule["quantity"] and ("equivalent" in rule["quantity"])
            else []
        )
        for words in filter(None, quoted):
            assert words in rule["text"] and words in text[lo:hi], (rule["id"], words)
        assert rule["modality"] in ("forbidden", "restricted", "required", "encouraged") + (
            "priority",
            "quota",
            "target",
        )
        assert rule["action"] is None or rule["action"] in rule["actions"]


# Held to the hand-made audit (tests/audit/rules.csv, 194 rules read from the plan): the
# thresholds sit a little under the measured figures so a regression fails; see the README.
THRESHOLDS = {  # field: (precision, recall)
    "rules": (0.95, 0.95),
    "modality": (0.95, 0.95),
    "action": (0.90, 0.85),
    "minerals": (0.95, 0.95),
    "regions": (0.90, 0.78),
    "zone_types": (0.95, 0.90),
    "condition": (0.95, 0.80),
    "exception": (0.95, 0.95),
    "quantity": (0.95, 0.95),
    "needs": (0.95, 0.95),
}


def test_rules_meet_the_audit(kb):
    scores = evaluate_kb(kb)
    low = {
        name: (round(scores[name]["precision"], 3), round(scores[name]["recall"], 3))
        for name, (p, r) in THRESHOLDS.items()
        if scores[name]["precision"] < p or scores[name]["recall"] < r
    }
    assert low == {}


def _ids(data: dict) -> list[str]:
    return [r["id"].split("/", 1)[1] for r in data["rules"]]


def test_rules_of_a_mineral_by_alias_with_citations(kb):
    data = kb.rules(mineral="菱镁", modality="forbidden")
    assert data["filters"]["mineral"] == "菱镁矿"
    # 5.2.4 菱镁矿除资源整合外，不再新设…;
    # 6.4.2 原则上禁止新建露天矿山，禁止既有露天矿山平面扩大范围
    assert _ids(data) == ["5.2.4/r8", "6.4.2/r1", "6.4.2/r2"]
    assert data["total"] == 3
    assert data["rules"][1]["citation"]["text"] == (
        "《辽宁省矿产资源总体规划（2021-2025年）》第六章第四节“推进菱镁矿高质量开发利用”，第27页。"
    )
    quotas = kb.rules(mineral="菱镁矿", modality="quota")["rules"]
    assert [r["quantity"]["text"] for r in quotas] == [
        "≤3000",
        "中型以上",
        "30 万吨/年",
        "30 万吨/年以上",
        "10 万吨/年以上",
    ]


def test_rules_of_a_region_a_zone_and_an_action(kb):
    # 岫岩: 4.1.2 控制海城、大石桥、岫岩县…; 6.3.2 辽东绿色经济区内岫岩县…地下开采;
    # 7.2.2 重点加快…辽东绿色经济区内…绿色矿山建设
    assert _ids(kb.rules(region="岫岩")) == ["4.1.2/r3", "6.3.2/r6", "7.2.2/r3"]
    underground = kb.rules(action="地下开采")
    assert _ids(underground) == ["6.3.2/r6", "6.4.2/r3"]
    zone = kb.rules(zone="岫岩西沟-小荒沟")  # a 重点开采区: 6.1.4 重点开采区内，…
    assert {r["clause_id"] for r in zone["rules"]} == {f"{SLUG}/6.1.4"}
    assert zone["filters"]["zone_type"] == "重点开采区"
    assert (
        kb.rules(zone="集中开采区", modality="quota")["rules"][0]["quantity"]["text"] == "中型以上"
    )


def test_general_rules_hold_province_wide(kb):
    named = kb.rules(mineral="菱镁矿", region="岫岩")
    # 4.1.2 控制海城、大石桥、岫岩县等地菱镁矿年度开采总量; 7.2.2 重点加快菱镁矿山、…和
    # 辽东绿色经济区内符合条件的生产矿山绿色矿山建设 (岫岩县 is in 辽东绿色经济区)
    assert _ids(named) == ["4.1.2/r3", "7.2.2/r3"]
    wide = _ids(kb.rules(mineral="菱镁矿", region="岫岩", action="新建", general=True))
    # 6.3.2 辽东绿色经济区内岫岩县…新建（改扩建）矿山采用地下开采; 6.4.2 原则上禁止新建露天矿山;
    # 7.2.2 新建矿山全部按照绿色矿山标准; 6.3.1 新建（改扩建）矿山最低开采规模 (附表7)
    assert {"6.3.1/r1", "6.3.2/r6", "6.4.2/r1", "7.2.2/r1"} <= set(wide)
    assert not {"4.1.3/r4", "6.5.3/r2"} & set(wide)  # 抚顺、辽阳的菱镁矿; 砂石


@pytest.mark.parametrize(
    ("args", "error", "suggestion"),
    [
        ({"mineral": "菱美矿"}, NotFound, "菱镁矿"),
        ({"region": "岫严"}, NotFound, None),
        ({"zone": "不存在的分区"}, NotFound, None),
        ({"modality": "banned"}, BadQuery, None),
        ({"action": "挖"}, BadQuery, None),
        ({"mineral": "x" * 65}, BadQuery, None),
    ],
)
def test_bad_rule_filters_say_what_is_wrong(kb, args, error, suggestion):
    with pytest.raises(error) as caught:
        kb.rules(**args)
    assert "Traceback" not in str(caught.value) and str(caught.value)
    if suggestion:
        assert suggestion in caught.value.suggestions
