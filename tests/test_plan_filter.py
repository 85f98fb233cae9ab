"""Issue 13, a document filter on ask and check: with three plans loaded (the real plan and the
two test plans of tests/fixtures/plans), `doc=` answers a question from one plan and checks an
application against one plan's rules; every fact and check then cites that plan alone.

Every expectation below was read off the plan texts: the county plan's 表3 (five 开采规划区块,
KC01–KC05), the Hebei plan's 表1 (three 重点勘查区) and its 3.2.1.1 (新建铁矿地下开采规模不低于
30万吨/年), the real plan's §6.3 (划定…6 个开采规划区块, listed in 附表6) and 总则's scope
(除石油、天然气以外); neither test plan mentions 石油 or 菱镁. The real plan's §5.2.2 划定 30
个重点勘查区 (专栏五, 30 rows) in 辽宁省, which the Hebei plan does not cover; the real plan's
§6.1.1 禁止开采 蓝石棉 …, while neither test plan bans mining a mineral (their one 禁止 each bans
a place: 生态保护红线内新设采矿权, 交通干线两侧…新建露天矿山), and the county plan's 表3 rows are
blocks, not bans.
"""

from __future__ import annotations

import json
from typing import NamedTuple

import pytest

from kb import BadQuery, NotFound
from tests.conftest import SLUG
from tests.plans import COUNTY_SLUG, OTHER_SLUG

COUNTY_TITLE = "宽甸满族自治县矿产资源总体规划（2021-2025年）"
OTHER_TITLE = "河北省矿产资源总体规划（2021-2025年）"
REAL_TITLE = "辽宁省矿产资源总体规划（2021-2025年）"
BLOCKS = [  # 表3 of the county plan, in its order
    "宽甸硼海硼矿开采规划区块",
    "宽甸杨木川硼矿开采规划区块",
    "宽甸青椅山金矿开采规划区块",
    "宽甸振江铅锌矿开采规划区块",
    "宽甸永甸建筑用花岗岩开采规划区块",
]
HEBEI_ZONES = ["承德滦平铁矿重点勘查区", "张家口崇礼金矿重点勘查区", "邯郸武安铁矿重点勘查区"]


class Asked(NamedTuple):
    question: str
    doc: str
    status: str
    says: list[str]  # words the answer holds
    facts: list[str]  # words each of which some fact's text holds


ASKED = [
    Asked("宽甸的开采规划区块有哪些？", COUNTY_SLUG, "answered", ["共 5 个", *BLOCKS], BLOCKS),
    # the real plan lists its 开采规划区块 in 附表6, outside its text
    Asked("宽甸的开采规划区块有哪些？", SLUG, "not_in_text", ["附表6"], ["6 个开采规划区块"]),
    Asked("宽甸的开采规划区块有哪些？", OTHER_SLUG, "not_in_plan", ["规划未涉及"], []),
    Asked(
        "河北省重点勘查区有哪些？", OTHER_SLUG, "answered", ["共 3 个", *HEBEI_ZONES], HEBEI_ZONES
    ),
    Asked(
        "河北省重点勘查区有哪些？",
        SLUG,
        "answered",
        ["没有划定河北省重点勘查区"],
        ["30 个重点勘查区"],
    ),
    Asked("石油能开采吗？", SLUG, "not_in_plan", ["石油"], ["除石油、天然气以外"]),
    Asked("石油能开采吗？", COUNTY_SLUG, "not_in_plan", ["规划未涉及"], []),
    Asked("菱镁矿开采总量是多少？", COUNTY_SLUG, "not_in_plan", ["规划未涉及"], []),
    Asked("菱镁矿开采总量是多少？", OTHER_SLUG, "not_in_plan", ["规划未涉及"], []),
    # a province the plan does not cover: not the plan's own zones
    Asked("辽宁省重点勘查区有多少个？", OTHER_SLUG, "not_in_plan", ["规划未涉及", "辽宁省"], []),
    Asked("辽宁省重点勘查区有多少个？", SLUG, "answered", ["30 个"], ["30 个重点勘查区"]),
    # a plan that bans no mineral says so, and quotes no table row as a ban
    Asked("哪些矿种禁止开采？", COUNTY_SLUG, "not_in_text", ["没有写明禁止开采的矿种"], []),
    Asked("哪些矿种禁止开采？", OTHER_SLUG, "not_in_text", ["没有写明禁止开采的矿种"], []),
    Asked("哪些矿种禁止开采？", SLUG, "answered", ["蓝石棉"], ["禁止开采蓝石棉"]),
]


@pytest.mark.parametrize("case", ASKED, ids=[f"{c.doc}:{c.question}" for c in ASKED])
def test_a_question_put_to_one_plan_is_answered_from_it_alone(three, case):
    answer = three.ask(case.question, doc=case.doc)
    assert (answer["status"], answer["doc"]) == (case.status, case.doc)
    for word in case.says:
        assert word in answer["answer"], (word, answer["answer"])
    for word in case.facts:
        assert any(word in f["text"] for f in answer["facts"]), word
    assert len(answer["facts"]) >= len(case.facts) and (case.facts or not answer["facts"])
    slugs = {f["citation"]["document_slug"] for f in answer["facts"]}
    slugs |= {c["document_slug"] for c in answer["citations"]}
    assert slugs <= {case.doc}


def test_the_county_blocks_are_cited_row_by_row(three):
    answer = three.ask("宽甸的开采规划区块有哪些？", doc="宽甸满族自治县矿产资源总体规划")
    ids = [f["citation"]["clause_id"] for f in answer["facts"]]
    assert ids == [f"{COUNTY_SLUG}/table3/{n}" for n in range(1, 6)]
    assert all(f["citation"]["document"] == COUNTY_TITLE for f in answer["facts"])


def test_without_a_plan_a_question_is_put_to_all(three):
    answer = three.ask("河北省重点勘查区有哪些？")
    assert "doc" not in answer
    # only the Hebei plan's three zones lie in 河北省, not the real plan's 30 in 辽宁省
    assert HEBEI_ZONES[0] in answer["answer"] and "共 3 个" in answer["answer"]
    assert {f["citation"]["document_slug"] for f in answer["facts"]} == {OTHER_SLUG}


def test_the_province_a_question_names_is_its_own_plan_without_a_filter(three):
    answer = three.ask("辽宁省重点勘查区有多少个？")
    assert answer["status"] == "answered" and "30 个" in answer["answer"]
    assert not any(zone in answer["answer"] for zone in HEBEI_ZONES)
    assert {f["citation"]["document_slug"] for f in answer["facts"]} == {SLUG}


BORON = {"kind": "新建", "mineral": "硼矿", "place": "宽甸", "method": "地下开采"}
IRON = {"kind": "新建", "mineral": "铁矿", "place": "滦平县", "method": "地下开采"}


@pytest.mark.parametrize(
    "application, doc, title",
    [
        (BORON, COUNTY_SLUG, COUNTY_TITLE),
        (BORON, REAL_TITLE, REAL_TITLE),
        (IRON, OTHER_SLUG, OTHER_TITLE),
    ],
)
def test_a_check_against_one_plan_applies_its_rules_alone(three, application, doc, title):
    every = three.check(application)
    one = three.check(application, doc=doc)
    slug = one["doc"]
    assert [d["title"] for d in one["documents"]] == [title]
    assert (
        {c["doc"] for c in one["checks"]}
        == {c["citation"]["document_slug"] for c in one["checks"]}
        == {slug}
    )
    # the same rules of that plan as when every plan covering the place applies
    own = sorted((c["clause"], c["result"]) for c in every["checks"] if c["doc"] == slug)
    assert sorted((c["clause"], c["result"]) for c in one["checks"]) == own
    assert title in one["opinion"]
    others = {d["title"] for d in every["documents"]} - {title}
    assert not any(t in one["opinion"] for t in others)


def test_the_county_check_reads_its_own_sentences(three):
    checks = three.check(BORON, doc=COUNTY_SLUG)["checks"]
    texts = {c["clause"]: c["text"] for c in checks}
    # 3.1.1 新建矿山必须按照绿色矿山标准…: the application is 新建
    assert texts["3.1.1"] == "新建矿山必须按照绿色矿山标准进行规划、设计、建设和运营管理。"


def test_a_province_plan_covers_its_own_province_only(three):
    assert [d["slug"] for d in three.check(IRON)["documents"]] == [OTHER_SLUG]
    assert [d["slug"] for d in three.check(BORON)["documents"]] == [SLUG, COUNTY_SLUG]


@pytest.mark.parametrize(
    "application, doc, words",
    [
        (BORON, OTHER_SLUG, [f"《{OTHER_TITLE}》不覆盖宽甸"]),
        (IRON, SLUG, [f"《{REAL_TITLE}》不覆盖滦平县"]),
        (IRON, COUNTY_SLUG, [f"《{COUNTY_TITLE}》不覆盖滦平县"]),
        ({"mineral": "硼矿"}, COUNTY_SLUG, [f"按《{COUNTY_TITLE}》审核须填写它覆盖的地点"]),
    ],
)
def test_a_plan_that_does_not_cover_the_place_is_a_clear_message(three, application, doc, words):
    with pytest.raises(BadQuery) as raised:
        three.check(application, doc=doc)
    for word in words:
        assert word in str(raised.value)


@pytest.mark.parametrize("call", ["ask", "check"])
def test_an_unknown_plan_is_not_found_with_suggestions(three, call):
    with pytest.raises(NotFound, match="没有这个规划：宽甸规划") as raised:
        if call == "ask":
            three.ask("硼矿开采规模是多少？", doc="宽甸规划")
        else:
            three.check(BORON, doc="宽甸规划")
    assert raised.value.suggestions == ["宽甸满族自治县矿产资源总体规划"]


@pytest.fixture(scope="module")
def client(three):
    from web import create_app

    return create_app({"TESTING": True, "KB_PATH": str(three.root)}).test_client()


def test_the_api_takes_a_plan(client):
    got = client.get("/api/ask", query_string={"q": "河北省重点勘查区有哪些？", "doc": OTHER_SLUG})
    body = got.get_json()
    assert (got.status_code, body["doc"], body["status"]) == (200, OTHER_SLUG, "answered")
    assert {f["citation"]["document_slug"] for f in body["facts"]} == {OTHER_SLUG}
    get = client.get("/api/check", query_string={**BORON, "doc": COUNTY_SLUG}).get_json()
    post = client.post("/api/check", json={**BORON, "doc": COUNTY_SLUG}).get_json()
    assert get == post
    assert (get["doc"], [d["slug"] for d in get["documents"]]) == (COUNTY_SLUG, [COUNTY_SLUG])


@pytest.mark.parametrize(
    "path, args",
    [
        ("/api/ask", {"q": "硼矿开采规模是多少？", "doc": "宽甸规划"}),
        ("/api/check", {**BORON, "doc": "宽甸规划"}),
        ("/api/search", {"q": "硼", "doc": "宽甸规划"}),
        ("/api/rules", {"doc": "宽甸规划"}),
    ],
)
def test_the_api_answers_an_unknown_plan_with_404_and_suggestions(client, path, args):
    got = client.get(path, query_string=args)
    body = got.get_json()
    assert (got.status_code, body["status"], body["ok"]) == (404, 404, False)
    assert body["error"].startswith("没有这个规划：宽甸规划")
    assert body["suggestions"] == ["宽甸满族自治县矿产资源总体规划"]


def test_the_api_refuses_a_plan_that_does_not_cover_the_place(client):
    got = client.post("/api/check", json={**BORON, "doc": OTHER_SLUG})
    assert got.status_code == 400
    assert f"《{OTHER_TITLE}》不覆盖宽甸" in got.get_json()["error"]
    bad = client.post("/api/check", json={**BORON, "doc": ["x"]})
    assert bad.status_code == 400 and "doc" in bad.get_json()["error"]


def test_the_check_form_offers_the_loaded_plans(client):
    page = client.get("/check", query_string={**BORON, "doc": COUNTY_SLUG}).get_data(as_text=True)
    select = page.split('<select name="doc">', 1)[1].split("</select>", 1)[0]
    for slug in (SLUG, COUNTY_SLUG, OTHER_SLUG):
        assert f'value="{slug}"' in select
    assert f'<option value="{COUNTY_SLUG}" selected>' in select
    result = page.split('class="check-result"', 1)[1]
    assert f"依据：《{COUNTY_TITLE}》</p>" in result
    assert f"doc={COUNTY_SLUG}" in result  # the JSON, Word and export links keep the plan
    docx = client.get("/check/opinion.docx", query_string={**BORON, "doc": COUNTY_SLUG})
    assert docx.status_code == 200


def test_the_check_form_of_one_plan_has_no_choice(client, kb_path):
    from web import create_app

    single = create_app({"TESTING": True, "KB_PATH": str(kb_path)}).test_client()
    assert 'name="doc"' not in single.get("/check").get_data(as_text=True)


def test_the_command_line_takes_a_plan(three, capsys):
    from kb.cli.main import main

    kb = ["--kb", str(three.root)]
    assert main(["ask", "河北省重点勘查区有哪些？", *kb, "--doc", OTHER_SLUG, "--json"]) == 0
    facts = json.loads(capsys.readouterr().out)["facts"]
    assert [f["citation"]["document_slug"] for f in facts] == [OTHER_SLUG] * len(facts) != []
    check = ["check", "--kind", "新建", "--mineral", "硼矿", "--place", "宽甸", *kb]
    assert main([*check, "--doc", COUNTY_SLUG, "--json"]) == 0
    documents = json.loads(capsys.readouterr().out)["documents"]
    assert [d["slug"] for d in documents] == [COUNTY_SLUG]
    assert main([*check, "--doc", "宽甸规划"]) == 1
    assert "您是否要找：宽甸满族自治县矿产资源总体规划" in capsys.readouterr().err


@pytest.mark.parametrize(("scale", "result"), [("20万吨/年", "不符合"), ("40万吨/年", "符合")])
def test_a_scale_set_for_a_method_is_compared_when_the_method_matches(three, scale, result):
    # the Hebei test plan, 3.2.1.1: 新建铁矿地下开采规模不低于30万吨/年 — an underground mine
    # of the right method is still held to the scale
    app = {"kind": "新建", "mineral": "铁矿", "place": "唐山", "method": "地下", "scale": scale}
    answer = three.check(app, doc=OTHER_SLUG)
    (row,) = [c for c in answer["checks"] if "不低于30万吨/年" in c["text"]]
    assert (row["clause"], row["result"]) == ("3.2.1.1", result)
