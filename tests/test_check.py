"""规划审核: the golden cases (tests/golden_check.py), bad input, the API, the CLI."""

from __future__ import annotations

import io
import json
import shutil

import pytest
from docx import Document

from kb.check.units import Scale, compare, parse_scale
from kb.cli.main import main
from kb.errors import BadQuery, NotFound
from tests.golden_check import CASES

IDS = [f"{a.get('kind', '?')}-{a['mineral']}-{a.get('place', '?')}-{v}" for a, v, _ in CASES]


@pytest.mark.parametrize(("application", "verdict", "clauses"), CASES, ids=IDS)
def test_golden_case(kb, application, verdict, clauses):
    answer = kb.check(application)
    assert answer["verdict"] == verdict
    deciding = [c for c in answer["checks"] if c["result"] == verdict]
    assert clauses <= {c["clause"] for c in deciding}
    for check in deciding:  # no verdict without the citations that decide it
        assert check["citation"]["text"].startswith("《辽宁省矿产资源总体规划")
        assert check["citation"]["text"].rstrip("。") in answer["opinion"]
        assert check["rule"] in answer["decisive"]


def test_golden_cases_cover_every_kind_and_verdict():
    assert len(CASES) >= 30
    assert {a.get("kind") for a, _, _ in CASES} >= {"勘查", "新建", "改扩建", "延续", "生产"}
    assert {v for _, v, _ in CASES} == {"符合", "不符合", "需核实"}


def test_reference_case_reads_as_the_plan_says(kb):
    app = {"kind": "新建", "mineral": "菱镁矿", "place": "岫岩", "method": "露天"}
    answer = kb.check({**app, "scale": "20万吨/年"})
    by_clause = {}
    for c in answer["checks"]:
        by_clause.setdefault(c["clause"], set()).add(c["result"])
    assert answer["application"]["region"] == "岫岩满族自治县"
    assert "不符合" in by_clause["6.4.2"]  # 原则上禁止新建露天矿山; 30 万吨/年
    assert "需核实" in by_clause["4.1.2"]  # 控制…岫岩县等地菱镁矿年度开采总量
    assert "需核实" in by_clause["6.3.2"]  # 鼓励…岫岩县…采用地下开采
    assert by_clause["9.2.2"] == {"不符合"}  # 不予通过规划审核
    assert "申请20万吨/年，规划不低于30万吨/年" in answer["opinion"]
    assert answer["opinion"].endswith("该申请不符合规划，建议不予通过规划审核。")
    assert [d["slug"] for d in answer["documents"]] == ["liaoning-2021-2025"]


def test_sand_in_tonnes_is_to_verify_not_an_error(kb):
    """The plan gives 20万立方米/年 for 砂石 (about 50万吨/年) but no density: 需核实."""
    answer = kb.check({"kind": "新建", "mineral": "砂石", "place": "盖州", "scale": "60万吨/年"})
    sand = [c for c in answer["checks"] if c["clause"] == "6.5.3" and "换算" in c["reason"]]
    assert [c["result"] for c in sand] == ["需核实"]


@pytest.mark.parametrize(
    ("application", "error", "words"),
    [
        ({"kind": "新建", "mineral": "菱镁矿", "place": "岫沿"}, NotFound, "岫岩满族自治县"),
        ({"kind": "新建", "mineral": "菱镁石头"}, NotFound, "没有这个矿种"),
        ({"kind": "新建", "mineral": "菱镁矿", "scale": "20"}, BadQuery, "缺少单位"),
        ({"kind": "新建", "mineral": "金矿", "scale": "10万立方米/年"}, BadQuery, "以重量"),
        ({"kind": "新建", "mineral": "金矿", "scale": "10万斤/年"}, BadQuery, "无法识别"),
        ({"kind": "开发", "mineral": "金矿"}, BadQuery, "申请类型"),
        ({"kind": "新建", "mineral": "金矿", "method": "水下"}, BadQuery, "开采方式"),
        ({"kind": "新建", "mineral": ""}, BadQuery, "请填写矿种"),
        ({"kind": "新建", "mineral": "金矿", "可耕地": "也许"}, BadQuery, "是 或 否"),
        ({"kind": "新建", "mineral": "金矿", "color": "red"}, BadQuery, "不认识"),
        ({"kind": "新建", "mineral": "金矿", "scale": "0万吨/年"}, BadQuery, "大于 0"),
        # 总则: 规划范围为辽宁省所辖行政区域内所有矿产资源（除石油、天然气以外）
        ({"kind": "新建", "mineral": "石油", "place": "岫岩"}, BadQuery, "“除石油、天然气以外”"),
        ({"kind": "勘查", "mineral": "天然气", "place": "盘锦"}, BadQuery, "规划范围不含天然气"),
        ({"kind": 5, "mineral": "金矿"}, BadQuery, "申请类型"),
        ({"mineral": "金矿", "facts": "可耕地"}, BadQuery, "facts"),
        ({"mineral": "金矿", "facts": {"可耕地": [1]}}, BadQuery, "是 或 否"),
    ],
)
def test_bad_application_gets_a_message_and_no_verdict(kb, application, error, words):
    with pytest.raises(error) as exc:
        kb.check(application)
    text = str(exc.value) + "".join(getattr(exc.value, "suggestions", []))
    assert words in text


def test_a_fact_no_rule_settles_is_an_open_question(kb):
    """The text has no rule on exploring inside the 生态保护红线 (5.2.3 only allows some inside
    重点勘查区): stated, it keeps an otherwise passing application at 需核实, and says why."""
    passing = {"kind": "勘查", "mineral": "金", "place": "凤城", "规划区块": "是"}
    assert kb.check(passing)["verdict"] == "符合"
    answer = kb.check({**passing, "生态保护红线": "是"})
    assert (answer["verdict"], answer["unsettled"]) == ("需核实", ["位于生态保护红线内"])
    assert "申请说明位于生态保护红线内，规划文本未作可据以审核的规定" in answer["opinion"]


def test_units_convert_within_a_family_only():
    assert compare(parse_scale("300000吨/年"), Scale(30, "万吨/年")) == 0
    assert compare(parse_scale("20万方/年"), Scale(20, "万立方米/年")) == 0
    assert compare(parse_scale("50万吨/年"), Scale(20, "万立方米/年")) is None


def test_api_get_and_post_agree(client):
    app = {"kind": "新建", "mineral": "菱镁矿", "place": "岫岩", "method": "露天"}
    got = client.get("/api/check", query_string={**app, "scale": "20万吨/年"}).get_json()
    posted = client.post("/api/check", json={**app, "scale": "20万吨/年"}).get_json()
    assert got == posted
    assert got["verdict"] == "不符合"
    assert set(got) >= {"application", "verdict", "checks", "opinion", "documents"}
    assert set(got["checks"][0]) >= {"rule", "result", "reason", "citation"}


def test_api_bad_input(client):
    res = client.get("/api/check", query_string={"mineral": "菱镁矿", "place": "岫沿"})
    assert res.status_code == 404 and "岫岩满族自治县" in res.get_json()["suggestions"]
    res = client.post("/api/check", data="x", content_type="text/plain")
    assert res.status_code == 400 and "JSON" in res.get_json()["error"]


def test_page_and_docx(client):
    args = {"kind": "新建", "mineral": "蓝石棉", "place": "朝阳"}
    page = client.get("/check", query_string=args).get_data(as_text=True)
    assert "结论：" in page and "不符合" in page and "6.1.1" in page
    assert "请输入" not in client.get("/check").get_data(as_text=True)
    bad = client.get("/check", query_string={"mineral": "菱镁矿", "scale": "20"})
    assert bad.status_code == 400 and "缺少单位" in bad.get_data(as_text=True)
    doc = Document(io.BytesIO(client.get("/check/opinion.docx", query_string=args).data))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "该申请不符合规划，建议不予通过规划审核。" in text and "6.1.1" in text


def test_cli_check(kb_path, capsys):
    args = ["check", "--kb", str(kb_path), "--kind", "新建", "--mineral", "菱镁矿"]
    args += ["--place", "岫岩", "--method", "露天", "--scale", "20万吨/年", "--json"]
    assert main(args) == 0
    assert json.loads(capsys.readouterr().out)["verdict"] == "不符合"
    assert (
        main(["check", "--kb", str(kb_path), "--mineral", "砖瓦用粘土", "--fact", "可耕地=是"]) == 0
    )
    assert "结论：需核实" in capsys.readouterr().out  # no kind given: applicability unsettled
    assert main(["check", "--kb", str(kb_path), "--mineral", "金", "--scale", "3"]) == 1
    assert "缺少单位" in capsys.readouterr().err


@pytest.fixture(scope="module")
def two_plans(tmp_path_factory, plan_text):
    """The provincial plan and a copy retitled as a 岫岩 county plan whose 菱镁矿 minimum is
    stricter (50 instead of 30 万吨/年), built together."""
    from ingest.build import build
    from kb import KnowledgeBase
    from tests.conftest import PLAN

    folder = tmp_path_factory.mktemp("two-plans")
    shutil.copy(PLAN, folder / PLAN.name)
    shutil.copy(PLAN.with_suffix(".toml"), folder / PLAN.with_suffix(".toml").name)
    stricter = plan_text.replace("最低开采规模为 30 万吨/年", "最低开采规模为 50 万吨/年")
    assert stricter != plan_text
    (folder / "xiuyan.txt").write_text(stricter, encoding="utf-8")
    (folder / "xiuyan.toml").write_text(COUNTY_PLAN, encoding="utf-8")
    build([folder / PLAN.name, folder / "xiuyan.txt"], folder / "kb")
    return KnowledgeBase.open(folder / "kb")


COUNTY_PLAN = """slug = "xiuyan-test"
title = "岫岩满族自治县矿产资源总体规划（测试副本）"
issuer = "岫岩满族自治县人民政府"
date = "2023-01"
"""
UNDERGROUND_40 = {"kind": "新建", "mineral": "菱镁矿", "method": "地下", "scale": "40万吨/年"}


def test_every_plan_covering_the_place_applies_and_the_stricter_decides(two_plans):
    inside = two_plans.check({**UNDERGROUND_40, "place": "岫岩", "reserve": "中型"})
    assert [d["slug"] for d in inside["documents"]] == ["liaoning-2021-2025", "xiuyan-test"]
    assert inside["verdict"] == "不符合"
    failing = {(c["doc"], c["clause"]) for c in inside["checks"] if c["result"] == "不符合"}
    assert ("xiuyan-test", "6.4.2") in failing
    assert ("liaoning-2021-2025", "6.4.2") not in failing  # 40 ≥ 30 in the provincial plan
    assert "岫岩满族自治县矿产资源总体规划（测试副本）" in inside["opinion"]
    outside = two_plans.check({**UNDERGROUND_40, "place": "海城", "reserve": "中型"})
    assert [d["slug"] for d in outside["documents"]] == ["liaoning-2021-2025"]
    assert outside["verdict"] == "需核实"  # 4.1.2: 海城 under 菱镁矿 total-output control


def test_docx_carries_the_edited_opinion(client):
    args = {"kind": "新建", "mineral": "蓝石棉", "place": "朝阳"}
    edited = "经审核，该蓝石棉项目不予通过。\n经办人：李四"
    res = client.post("/check/opinion.docx", query_string=args, data={"opinion": edited})
    paragraphs = [p.text for p in Document(io.BytesIO(res.data)).paragraphs]
    assert paragraphs[4:6] == edited.splitlines()
    assert "建议不予通过规划审核" not in "".join(paragraphs)  # the draft was replaced
    res = client.post("/check/opinion.docx", query_string=args, data={"opinion": "长" * 20001})
    assert res.status_code == 400 and "最多" in res.get_data(as_text=True)
