"""Query understanding shared by search and ask: the forgiving searches of the golden tables,
the synonym data checked against the plan, and every rewrite shown."""

from __future__ import annotations

import pytest

from kb.understand.convert import numerals, simplified
from kb.understand.synonyms import table
from tests.ask_cases import SLUG, SearchCase, top3
from tests.golden_ask_heldout import SEARCH as HELD_OUT
from tests.golden_ask_tuning import SEARCH as TUNING

CASES = TUNING + HELD_OUT
# Held-out searches the first run got wrong (README: held-out figures), kept strict.
HELD_OUT_MISSES = {"硼矿 最低开采规模", "菱镁矿年开采总量控制在多少"}
MISS = pytest.mark.xfail(strict=True, reason="held-out miss of the first run")
MARKED = [pytest.param(c, marks=MISS) if c.query in HELD_OUT_MISSES else c for c in CASES]


@pytest.mark.parametrize("case", MARKED, ids=[c.query for c in CASES])
def test_a_forgiving_search_finds_its_clause_in_the_top_three(kb, case: SearchCase):
    assert top3(kb.search(case.query, limit=3), case)


def test_every_plan_form_of_the_synonym_data_stands_in_the_plan(plan_text):
    flat = "".join(plan_text.split())
    for left, right in table()["replace"].items():
        assert "".join(right.split()) in flat, right
        assert left not in flat.replace(right, ""), left
    for word, other in table()["expand"].items():
        assert word in flat and other in flat


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("三十万吨", "30万吨"),
        ("二十万方", "20万方"),
        ("百分之三十", "30%"),
        ("两千个左右", "2000个左右"),
        ("五万吨", "5万吨"),
        ("一个区块只设立一个勘查主体", "一个区块只设立一个勘查主体"),
        ("十四五", "十四五"),
        ("第六章", "第六章"),
    ],
)
def test_chinese_numerals_before_a_unit_become_digits(text, expected):
    assert numerals(text)[0] == expected


def test_traditional_characters_become_simplified():
    assert simplified("禁止開採 菱鎂礦")[0] == "禁止开采 菱镁矿"


def test_every_rewrite_is_shown_with_the_search(kb):
    understood = kb.search("禁止開採 海沙 三十万吨")["understood"]
    assert understood["text"] == "禁止开采 海砂 30万吨"
    assert [(r["kind"], r["from"], r["to"]) for r in understood["rewrites"]] == [
        ("traditional", "禁止開採 海沙 三十万吨", "禁止开采 海沙 三十万吨"),
        ("synonym", "海沙", "海砂"),
        ("numeral", "三十", "30"),
    ]
    assert understood["did_you_mean"] is None


def test_a_homophone_typo_is_corrected_and_offered(kb):
    result = kb.search("最底开采规模")
    assert result["understood"]["did_you_mean"] == "最低开采规模"
    assert result["understood"]["rewrites"][0]["kind"] == "typo"
    # 最低开采规模 stands in 6.3.1, 6.4.2, 6.5.3 and 附表7's title
    assert {h["id"] for h in result["hits"][:4]} == {
        f"{SLUG}/{c}" for c in ("6.3.1", "6.4.2", "6.5.3", "annex-table/7")
    }


@pytest.mark.parametrize("query", ["丹东有哪些硼矿重点勘查区", "菱镁矿 开采规模", "规划期限", "硼"])
def test_a_query_in_the_plan_s_own_words_is_not_rewritten(kb, query):
    assert kb.search(query)["understood"]["rewrites"] == []


@pytest.mark.parametrize(
    ("query", "words"),
    [
        ("岫岩 菱镁矿 露天", ("岫岩", "菱镁", "露天")),
        ("朝阳 砂石", ("朝阳", "砂石")),
        ("哪些矿种禁止开采？", ("矿种", "禁止", "开采")),
    ],
)
def test_no_clause_holding_every_word_gives_those_holding_most_and_says_so(kb, query, words):
    result = kb.search(query)
    assert result["relaxed"] is True
    assert result["total"] > 0
    for hit in result["hits"][:3]:
        hay = "".join([*hit["path"], hit["title"] or "", hit["text"]])
        assert any(w in hay for w in words)
