"""Entity mentions: the character-level matcher, the spaCy pipeline and the measured quality."""

from __future__ import annotations

import json

import pytest

from ingest.entities import SPAN_KEY, TermTable, annotate, find_mentions, pipeline
from ingest.gazetteer import load_gazetteer
from kb.lexicon import Lexicon
from kb.model import Clause, Document
from tests.mention_eval import errors, predicted, read_gold, score


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return Lexicon(load_gazetteer(provinces=["辽宁省"]).lexicon())


@pytest.fixture(scope="module")
def table(lexicon) -> TermTable:
    return TermTable.from_lexicon(lexicon)


MENTIONS = [
    # text → (type, canonical name, words) of every mention, in order
    (
        "硼矿主要分布在丹东市、营口地区",
        [("mineral", "硼矿", "硼矿"), ("region", "丹东市", "丹东市"), ("region", "营口市", "营口")],
    ),
    (
        "控制海城、大石桥、岫岩县等地菱镁矿年度开采总量",
        [
            ("region", "海城市", "海城"),
            ("region", "大石桥市", "大石桥"),
            ("region", "岫岩满族自治县", "岫岩县"),
            ("mineral", "菱镁矿", "菱镁矿"),
        ],
    ),
    (
        "大幅提升铁、金、硼等战略性矿产",
        [("mineral", "铁矿", "铁"), ("mineral", "金矿", "金"), ("mineral", "硼矿", "硼")],
    ),
    (
        "铁-金-铜-铅-锌-煤成矿亚带",
        [
            ("mineral", n, w)
            for n, w in (
                ("铁矿", "铁"),
                ("金矿", "金"),
                ("铜矿", "铜"),
                ("铅矿", "铅"),
                ("锌矿", "锌"),
                ("煤炭", "煤"),
            )
        ],
    ),
    (
        "铅锌金属量 24.7 万吨，金金属量 32.7 吨",
        [("mineral", "铅矿", "铅"), ("mineral", "锌矿", "锌"), ("mineral", "金矿", "金")],
    ),
    # a geological unit named after a place is not the place (issue 9); its minerals count
    ("法库断凸煤硅灰石成矿亚带", [("mineral", "煤炭", "煤"), ("mineral", "硅灰石", "硅灰石")]),
    (
        "区域位于辽东-吉南成矿带，铁岭-靖宇次级隆起铁-金成矿亚带内，具体包括鞍山市",
        [
            ("mineral", "铁矿", "铁"),
            ("mineral", "金矿", "金"),
            ("region", "鞍山市", "鞍山市"),
        ],
    ),
    (
        "在下辽河新生代断拗盆地、辽西朝阳喀左中生代盆地和丹东凤城中新生代火山岩区",
        [("region", "丹东市", "丹东"), ("region", "凤城市", "凤城")],
    ),
    (
        "在鞍山-本溪、五龙-青城子等重点成矿区带",  # places listed before 等 stay places
        [("region", "鞍山市", "鞍山"), ("region", "本溪市", "本溪")],
    ),
    (
        "继续开展硼镁铁矿中硼和铁分离工艺的研究",
        [("mineral", "硼矿", "硼镁铁矿"), ("mineral", "硼矿", "硼"), ("mineral", "铁矿", "铁")],
    ),
    ("高效回收磁铁矿资源", [("mineral", "铁矿", "磁铁矿")]),
    ("硼矿资源量（B₂O₃ 组分量）", [("mineral", "硼矿", "硼矿"), ("mineral", "硼矿", "B₂O₃")]),
    # single characters inside other words are not minerals
    ("社会资金累计投入勘查资金", []),
    ("铁岭可再生能源产业", [("region", "铁岭市", "铁岭")]),
    ("本溪钢铁加工配送基地", [("region", "本溪市", "本溪")]),
    ("硼镁石及硼泥的综合开发利用", [("mineral", "硼矿", "硼镁石")]),
    ("引导有色金属产业向新兴合金、新型功能材料延伸", []),
    ("宽甸硼海-大西岔", [("region", "宽甸满族自治县", "宽甸")]),
    ("加强煤矸石分选，非煤矿山综合治理", []),
    ("绿水青山就是金山银山", []),
    # names that contain a name without being one
    ("鞍山齐大山-西鞍山", [("region", "鞍山市", "鞍山")]),
    ("加强“鞍山式”铁矿控矿条件", [("mineral", "铁矿", "铁矿")]),
    ("沿海砂石资源丰富地区", [("mineral", "普通建筑用砂石土", "砂石")]),
    ("规划市级重点勘查区域", []),
    # longest match: counties glued to their suffix, county before city
    (
        "辽宁本溪县高官镇-抚顺县后安镇",
        [
            ("region", "辽宁省", "辽宁"),
            ("region", "本溪满族自治县", "本溪县"),
            ("region", "抚顺县", "抚顺县"),
        ],
    ),
    ("阜蒙县太平镇", [("region", "阜新蒙古族自治县", "阜蒙县")]),
    (
        "在能源资源基地和国家规划矿区内",
        [
            ("zone_type", "能源资源基地", "能源资源基地"),
            ("zone_type", "国家规划矿区", "国家规划矿区"),
        ],
    ),
    (
        "加强勘查开采规划区块管理",
        [
            ("zone_type", "勘查规划区块", "勘查开采规划区块"),
            ("zone_type", "开采规划区块", "勘查开采规划区块"),
        ],
    ),
]


@pytest.mark.parametrize(("text", "expected"), MENTIONS, ids=[m[0] for m in MENTIONS])
def test_mentions(table, text, expected):
    found = find_mentions(text, table)
    assert [(m["type"], m["name"], m["text"]) for m in found] == expected
    assert all(text[m["start"] : m["end"]] == m["text"] for m in found)


def _doc(texts: list[str]) -> Document:
    clauses = [
        Clause(
            id=f"t/{i}",
            doc="t",
            kind="paragraph",
            path=["第一章 测试"],
            text=t,
            span=(0, len(t)),
            part="body",
            chapter=1,
            section=1,
        )
        for i, t in enumerate(texts, 1)
    ]
    return Document(
        slug="t",
        title="测试",
        issuer="",
        date="",
        source="",
        sha256="",
        outline=[],
        clauses=clauses,
    )


def test_annotate_marks_exclusions_and_zones(lexicon):
    zones = [{"id": "t/zone/key-mining/15", "name": "辽宁岫岩西沟-小荒沟"}]
    text = "鞍山市（除海城市、岫岩县外）。辽宁岫岩西沟-小荒沟菱镁矿"
    got = annotate([_doc([text])], lexicon, zones)["t/1"]
    assert [(m["type"], m["text"], m["negated"]) for m in got] == [
        ("region", "鞍山市", False),
        ("region", "海城市", True),
        ("region", "岫岩县", True),
        ("zone", "辽宁岫岩西沟-小荒沟", False),
        ("region", "辽宁", False),
        ("region", "岫岩", False),
        ("mineral", "菱镁矿", False),
    ]
    assert got[3]["id"] == "t/zone/key-mining/15"


def test_zone_forms_made_only_of_region_names_are_left_out(lexicon):
    zones = [{"id": "z/1", "name": "辽宁阜新"}, {"id": "z/2", "name": "丹东五龙（国家级）"}]
    got = annotate([_doc(["辽宁阜新海州；丹东五龙金矿"])], lexicon, zones)["t/1"]
    assert [(m["type"], m["text"]) for m in got if m["type"] == "zone"] == [("zone", "丹东五龙")]


def test_the_pipeline_maps_mentions_onto_jieba_tokens(lexicon):
    nlp = pipeline(lexicon)
    assert nlp.pipe_names == ["plankb_gazetteer", "plankb_zones"]
    doc = nlp("岫岩县菱镁矿最低开采规模为30万吨/年")
    assert [(s.label_, s.kb_id_, s.text) for s in doc.spans[SPAN_KEY]] == [
        ("region", "岫岩满族自治县", "岫岩县"),
        ("mineral", "菱镁矿", "菱镁矿"),
    ]
    assert "最低开采规模" in [t.text for t in doc]  # a domain word kept whole


def test_the_kb_stores_the_mentions_of_every_clause(kb_path, kb):
    mentions = json.loads((kb_path / "mentions.json").read_text(encoding="utf-8"))
    assert set(mentions) == set(kb.library.by_id)
    assert [(m["type"], m["text"]) for m in mentions["liaoning-2021-2025/box7/15"]] == [
        ("zone", "辽宁岫岩西沟-小荒沟"),
        ("region", "辽宁"),
        ("region", "岫岩"),
        ("mineral", "菱镁矿"),
        ("region", "鞍山"),
    ]


# Measured on the hand-checked sample (57 clauses, 468 mentions): precision and recall 1.00
# for both types after the sample found two errors (海砂 in 沿海砂石; 机制砂 missed). The rules
# were written for this plan, so the sample is in-sample; the thresholds leave room for one or
# two misses in a change of the rules, not for a regression.
THRESHOLD = {"region": (0.98, 0.98), "mineral": (0.98, 0.98)}


@pytest.mark.parametrize("kind", list(THRESHOLD))
def test_extraction_quality_on_the_hand_checked_sample(kb_path, kind):  # acceptance 6
    mentions = json.loads((kb_path / "mentions.json").read_text(encoding="utf-8"))
    gold = read_gold()
    found = predicted(mentions, gold)
    assert len(gold) >= 40
    result = score(gold, found)[kind]
    low_p, low_r = THRESHOLD[kind]
    detail = "\n".join(e for e in errors(gold, found) if f" {kind} " in e)
    assert result.precision >= low_p, detail
    assert result.recall >= low_r, detail


def test_box_item_titles_are_annotated_too(kb_path):
    mentions = json.loads((kb_path / "mentions.json").read_text(encoding="utf-8"))
    title = [
        (m["type"], m["name"])
        for m in mentions["liaoning-2021-2025/box6/3"]
        if m.get("field") == "title"
    ]
    assert title == [
        ("region", "大石桥市"),
        ("region", "凤城市"),
        ("region", "宽甸满族自治县"),
        ("mineral", "硼矿"),
    ]


def test_a_mineral_filter_finds_projects_named_by_their_title(kb):
    hits = kb.search("勘查增储工程", mineral="硼", limit=20)["hits"]
    assert [h["id"] for h in hits] == ["liaoning-2021-2025/box6/3", "liaoning-2021-2025/box6/5"]
