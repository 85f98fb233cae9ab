"""Full-text search (issue 4): golden queries, phrases, single characters, aliases, highlighting,
bad input, filters, facets and pages."""

from __future__ import annotations

import html
import random
import re
import threading

import pytest

from kb import KnowledgeBase
from kb.errors import BadQuery
from tests.golden_queries import GOLDEN, SLUG
from tests.tiny_plan import SCRIPT, build_tiny_kb


def ids(result: dict) -> list[str]:
    return [hit["id"] for hit in result["hits"]]


def everything(kb: KnowledgeBase, q: str, **filters) -> dict:
    return kb.search(q, limit=100, **filters)


# The clauses whose heading, lead sentence or text contains a term as written: found by grepping
# the plan (a term split by a page break counts: 延伸菱|镁矿 in 2.2.1; a heading counts for every
# clause under it: 强化矿区生态保护修复 for 7.3.1–7.3.3, 推进菱镁矿高质量开发利用 for 6.4.1–6.4.3).
CONTAINING = {
    "生态保护修复": "7.3.1 7.3.2 7.3.3 9.4.1",
    "矿业权出让": "1.1.2 1.3.5 7.2.2 8.1.1 8.2.1 9.4.1",
    "资源综合利用": "1.3.4 5.1.2 6.3.5 6.5.4",
    "找矿突破": "2.2.1 5.2.3 9.2.1 box6/1 box6/2 box6/3 box6/8",
    "综合利用水平": "6.3.5 6.3.6 box9/2",
    "地质资料": "5.1.3 5.2.3 8.3.1",
    "区域地质": "1.1.2 box4/2",
    "硼": (
        "1.1.1 1.1.2 1.3.4 2.2.1 3.1.1 3.1.2 3.1.3 box1/3 box1/6 4.1.2 4.2.3 box3/9 5.1.1 "
        "box4/1 5.1.2 5.2.1 5.2.2 box5/15 box5/16 box5/17 box5/18 box5/19 box5/26 box6/3 "
        "box6/5 6.1.1 6.1.2 6.1.3 box7/16 box7/17 6.3.4 6.3.5 box9/4"
    ),
    "金": (
        "1.1.1 1.1.2 2.2.1 3.1.1 3.1.2 box1/2 4.1.1 4.1.2 4.1.3 4.1.4 4.2.2 box2/1 4.2.3 "
        "box3/7 box3/8 5.1.1 box4/1 5.1.2 5.2.1 5.2.2 box5/1 box5/2 box5/3 box5/4 box5/5 "
        "box5/6 box5/23 box5/24 box5/27 box5/29 box5/30 5.2.3 box6/1 box6/2 box6/5 box6/8 "
        "6.1.1 6.1.3 box7/8 box7/9 box7/10 6.3.3 6.4.1 7.2.3 7.3.3 8.1.1 9.4.1"
    ),
    "铁": (
        "1.1.1 1.1.2 1.2.1 1.3.2 2.2.1 3.1.1 3.1.2 3.1.3 box1/1 box1/5 4.1.3 4.1.4 4.1.5 "
        "4.2.2 box2/2 box2/3 4.2.3 box3/1 box3/3 box3/4 box3/5 box3/6 box3/12 5.1.1 box4/1 "
        "5.2.1 5.2.2 box5/9 box5/10 box5/11 box5/12 box5/13 box5/14 box5/20 box5/21 box5/22 "
        "box5/23 box5/24 box5/25 box5/29 box6/1 box6/5 box6/6 6.1.1 6.1.2 6.1.3 box7/3 box7/4 "
        "box7/5 box7/6 box7/7 6.3.3 6.3.4 6.3.5 box8/1 box8/2 box8/4 box9/1 box9/2 box9/4 "
        "6.5.4"
    ),
    "锰": "4.1.4 4.2.3 box3/2 6.1.1 6.1.3 box7/11",
    "钼": "4.1.4 5.2.1 5.2.2 box5/8 6.5.4",
    "丹东市": "4.1.2",
    "丹东": (
        "1.1.1 4.1.2 box3/8 box3/9 box4/1 box5/1 box5/2 box5/7 box5/16 box5/17 box5/18 "
        "box5/19 box5/26 box5/28 box6/7 box7/8 box7/16 box9/4"
    ),
    "菱镁矿": (
        "1.1.1 1.2.1 1.3.4 2.2.1 3.1.1 box1/8 box1/note 4.1.2 4.1.3 5.2.1 5.2.4 6.1.2 box7/14 "
        "box7/15 box9/3 6.4.1 6.4.2 6.4.3 7.2.2"
    ),
    "岫岩": "4.1.2 4.1.3 box7/15 6.3.2",
    "硼矿": (
        "1.1.1 2.2.1 3.1.2 box1/3 box1/6 4.1.2 box3/9 box5/26 box6/3 6.1.2 box7/16 box7/17 "
        "6.3.4 box9/4"
    ),
    "金矿": (
        "2.2.1 3.1.2 box1/2 4.1.2 4.1.4 box3/7 box3/8 box5/23 box5/24 box5/27 box5/29 box6/2 "
        "box7/8 box7/9 box7/10"
    ),
}


def containing(text: str) -> set[str]:
    """Ids of the clauses that contain `text` as written (CONTAINING, read off the plan)."""
    return {f"{SLUG}/{local}" for local in CONTAINING[text].split()}


# -- acceptance 1: the golden table --------------------------------------------------------------


@pytest.mark.parametrize("golden", GOLDEN, ids=[g.query for g in GOLDEN])
def test_golden_query_ranks_its_clause_in_the_top_three(kb, golden):
    assert golden.clause_id in ids(kb.search(golden.query, limit=3))


def test_the_golden_table_is_big_and_varied():
    assert len(GOLDEN) >= 40
    assert len({g.query for g in GOLDEN}) == len(GOLDEN)
    assert {len(g.query) for g in GOLDEN} >= {1, 2, 3, 4}
    assert any(g.query.startswith('"') for g in GOLDEN)


# -- acceptance 2: phrases ----------------------------------------------------------------------

PHRASES = ["生态保护修复", "矿业权出让", "资源综合利用", "找矿突破", "综合利用水平", "地质资料"]


@pytest.mark.parametrize("phrase", PHRASES)
def test_a_quoted_phrase_finds_exactly_the_clauses_containing_it(kb, phrase):
    assert set(ids(everything(kb, f'"{phrase}"'))) == containing(phrase)
    assert set(ids(everything(kb, f"“{phrase}”"))) == containing(phrase)


# A phrase written as its words apart (each a word the plan uses: 生态 保护 修复), and the clauses
# holding every word but never the phrase (grepped: 2.2.2 生态保护与修复, 2.2.4 矿业权竞争性出让,
# 5.1.1 找矿新突破, 5.2.4 地质勘查资料 …; a heading's words count for the clauses under it).
APART = {
    "生态保护修复": ("生态 保护 修复", "1.3.5 2.2.2 6.5.2 7.1.3 7.2.1 9.2.2"),
    "矿业权出让": ("矿业权 出让", "2.2.4 3.1.5"),
    "资源综合利用": (
        "资源 综合利用",
        "1.2.1 2.2.3 4.1.3 5.1.3 6.3.3 6.3.4 6.3.6 box9/2 box9/3 box9/4",
    ),
    "找矿突破": ("找矿 突破", "1.1.2 5.1.1"),
    "综合利用水平": ("综合利用 水平", "1.2.1 1.3.4 5.1.3 6.3.3"),
    "地质资料": ("地质 资料", "5.2.4 6.1.5"),
}


@pytest.mark.parametrize("phrase", PHRASES)
def test_a_quoted_phrase_leaves_out_clauses_with_its_words_apart(kb, phrase):
    words, locals_apart = APART[phrase]
    apart = {f"{SLUG}/{local}" for local in locals_apart.split()}
    assert set(ids(everything(kb, words))) == apart | containing(phrase)
    assert apart.isdisjoint(ids(everything(kb, f'"{phrase}"')))  # the phrase leaves them out


def test_an_exact_run_ranks_above_its_words_apart(kb):
    found = ids(everything(kb, "区域地质"))
    exact = containing("区域地质")
    assert set(found[: len(exact)]) == exact


# -- acceptance 3: single characters -------------------------------------------------------------


@pytest.mark.parametrize("char", list("硼金铁锰钼"))
def test_single_character_recall_is_complete(kb, char):
    assert set(ids(everything(kb, char))) == containing(char)


# The clauses that name gold as a mineral (金矿, or 金 in a list: 铁、金、硼 / 铁-金-铜 /
# 主要矿种：金), read off the plan; the other clauses with 金 have 资金, 金属, 金刚石, 金山银山,
# 基金, 金融.
GOLD_AS_MINERAL = (
    "1.1.2 2.2.1 3.1.1 3.1.2 box1/2 4.1.2 4.1.3 4.1.4 4.2.2 box2/1 4.2.3 box3/7 box3/8 5.1.1 "
    "box4/1 5.1.2 5.2.1 5.2.2 box5/1 box5/2 box5/3 box5/4 box5/5 box5/6 box5/23 box5/24 box5/27 "
    "box5/29 box6/2 box6/5 6.1.1 6.1.3 box7/8 box7/9 box7/10"
)


def test_gold_mentions_rank_above_funds_metals_and_diamonds(kb):
    gold = {f"{SLUG}/{local}" for local in GOLD_AS_MINERAL.split()}
    ranked = ids(everything(kb, "金"))
    assert set(ranked[: len(gold)]) == gold
    assert "资金" in kb.clause(ranked[-1])["text"] or "金属" in kb.clause(ranked[-1])["text"]


def test_tieling_and_steel_rank_below_iron(kb):
    ranked = ids(everything(kb, "铁"))
    only_names = [
        cid
        for cid in ranked
        if not re.sub("铁岭|钢铁|铁法|硼镁铁", "", " ".join(_parts(kb, cid))).count("铁")
    ]
    assert only_names == ranked[-len(only_names) :]
    assert len(only_names) >= 5


def _parts(kb, cid):
    clause, _ = kb.library.get(cid)
    return [clause.title or "", clause.text]


# -- aliases -------------------------------------------------------------------------------------


def test_an_alias_finds_more_but_never_drowns_the_literal(kb):
    found = ids(everything(kb, "丹东市"))
    literal = containing("丹东市")
    assert found[: len(literal)] == [f"{SLUG}/4.1.2"]
    assert set(found) == containing("丹东市") | containing("丹东")


@pytest.mark.parametrize(
    ("query", "finds"), [("菱镁", "菱镁矿"), ("岫岩县", "岫岩"), ("B2O3", "硼矿"), ("黄金", "金矿")]
)
def test_an_alias_finds_the_other_names(kb, query, finds):
    assert containing(finds) <= set(ids(everything(kb, query)))


def test_formulas_match_however_they_are_written(kb):
    for query in ("B2O3", "B₂O₃", "b2o3", "Ｂ２Ｏ３"):
        assert set(ids(kb.search(query, limit=2))) == {f"{SLUG}/box1/3", f"{SLUG}/3.1.2"}


# -- acceptance 4: highlighting ------------------------------------------------------------------


def marks(snippet: str) -> list[str]:
    return [html.unescape(m) for m in re.findall(r"<mark>(.*?)</mark>", snippet)]


def unmarked(snippet: str) -> str:
    return html.unescape(re.sub("</?mark>", "", snippet)).strip("…")


@pytest.mark.parametrize(
    ("query", "clause", "expected"),
    [
        ("最低开采规模", "6.4.2", ["最低开采规模"]),
        ("30万吨", "6.4.2", ["30 万吨", "30 万吨"]),
        ("B2O3", "box1/3", ["B₂O₃"]),
        ('"绿色矿山考评标准"', "7.2.3", ["绿色矿山考评标准"]),
        ("净矿出让", "8.2.1", ["净矿”出让"]),
    ],
)
def test_highlighting_marks_exactly_the_matched_text(kb, query, clause, expected):
    hit = next(h for h in everything(kb, query)["hits"] if h["id"] == f"{SLUG}/{clause}")
    assert marks(hit["snippet"]) == expected
    assert unmarked(hit["snippet"]) in hit["text"]


def test_snippets_are_about_120_characters_around_the_match(kb):
    hit = next(h for h in everything(kb, "1197个")["hits"] if h["id"] == f"{SLUG}/1.1.2")
    assert len(hit["text"]) > 600
    assert hit["snippet"].startswith("…") and hit["snippet"].endswith("…")
    assert 110 <= len(unmarked(hit["snippet"])) <= 130
    assert marks(hit["snippet"]) == ["1197 个"]


@pytest.fixture(scope="module")
def tiny(tmp_path_factory) -> KnowledgeBase:
    return KnowledgeBase.open(build_tiny_kb(tmp_path_factory.mktemp("tiny")))


def test_markup_in_a_clause_comes_back_escaped(tiny):
    result = tiny.search("网页注入")
    assert ids(result) == ["tiny-plan/1.1.1"]
    hit = result["hits"][0]
    assert SCRIPT in hit["text"]
    assert "<script" not in hit["snippet"]
    assert hit["snippet"] == (
        "防范<mark>网页注入</mark>。本段含有标记&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"
        "与 a &lt; b &amp; c &gt; d 的字符，须原样转义显示。"
    )


def test_markup_in_the_query_is_searched_as_text(tiny):
    assert [marks(h["snippet"]) for h in tiny.search("script alert")["hits"]] == [
        ["script", "alert", "script"]
    ]


# -- bad input: any string gives results or BadQuery ---------------------------------------------

BAD = {
    "": "请输入",
    "   \t\n": "请输入",
    "OR OR": "没有可查找的文字",
    "-": "没有可查找的文字",
    "*": "没有可查找的文字",
    '""': "没有可查找的文字",
    "-硼": "只有排除词",
    '--"绿色矿山"': "只有排除词",
}


@pytest.mark.parametrize("query", BAD, ids=lambda q: repr(q[:12]))
def test_unanswerable_queries_raise_bad_query_with_a_message(kb, query):
    with pytest.raises(BadQuery, match=BAD[query]):
        kb.search(query)


SAME = [
    ('"绿色矿山', '"绿色矿山"'),  # unbalanced quote: the phrase runs to the end
    ("硼 OR", "硼"),
    ("OR 硼", "硼"),
    ("硼 OR OR 钼", "硼 OR 钼"),
    ("硼 -", "硼"),
    ("  硼  ", "硼"),
    ("(硼)", "硼"),
    ("硼*", "硼"),
    ("硼 | 钼", "硼 OR 钼"),
    ("－硼泥 硼", "硼 -硼泥"),
]


@pytest.mark.parametrize(("query", "same_as"), SAME)
def test_stray_syntax_is_ignored(kb, query, same_as):
    assert ids(everything(kb, query)) == ids(everything(kb, same_as))


@pytest.mark.parametrize(
    "query",
    [
        "title:*",
        "<script>alert(1)</script>",
        "body:硼~2",
        "\x00\x01",
        "🙂",
        "\ud800硼",
        "SELECT * FROM clauses;",
        "a" * 500,
        "“”「」『』",
        "硼 AND NOT 金",
    ],
)
def test_odd_queries_give_results_or_bad_query(kb, query):
    try:
        result = kb.search(query)
    except BadQuery as exc:
        assert str(exc)
    else:
        assert result["total"] == len(ids(everything(kb, query)))


def test_random_queries_never_raise_anything_but_bad_query(kb):
    pool = list('硼金铁丹东岫岩矿山规划绿色"“”-－ OR|()*:~^<>&;\\/') + ["OR", " ", "-硼"]
    rng = random.Random(4)
    for _ in range(300):
        query = "".join(rng.choice(pool) for _ in range(rng.randint(0, 12)))
        try:
            kb.search(query)
        except BadQuery:
            pass


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"limit": 0}, "limit"),
        ({"limit": 101}, "limit"),
        ({"limit": "ten"}, "limit"),
        ({"offset": -1}, "offset"),
        ({"page": 0}, "page"),
        ({"region": "丹冬"}, "丹东市"),
        ({"mineral": "金子"}, "mineral"),
        ({"chapter": "第十章"}, "chapter"),
        ({"kind": "poem"}, "kind"),
        ({"zone_type": "重点区"}, "zone_type"),
    ],
)
def test_bad_parameters_raise_bad_query_naming_them(kb, params, message):
    with pytest.raises(BadQuery, match=message):
        kb.search("硼", **params)


# -- results: shape, pages, filters, facets ------------------------------------------------------


def test_a_result_has_the_contract_shape(kb):
    result = kb.search("菱镁矿 开采规模")
    assert list(result) == (
        "query notice understood relaxed filters total offset limit hits facets".split()
    )
    assert (result["query"], result["total"], result["offset"], result["limit"]) == (
        "菱镁矿 开采规模",
        2,
        0,
        10,
    )
    hit = result["hits"][0]
    assert list(hit) == [
        "id",
        "doc",
        "kind",
        "heading",
        "path",
        "title",
        "snippet",
        "text",
        "score",
        "citation",
    ]
    clause = kb.clause(f"{SLUG}/6.4.2")
    assert {k: hit[k] for k in ("id", "kind", "path", "title", "text", "citation")} == {
        k: clause[k] for k in ("id", "kind", "path", "title", "text", "citation")
    }
    assert hit["heading"] == "第六章 强化矿产资源开发利用与保护 › 第四节 推进菱镁矿高质量开发利用"
    assert hit["citation"]["text"] == (
        "《辽宁省矿产资源总体规划（2021-2025年）》第六章第四节“推进菱镁矿高质量开发利用”，第27页。"
    )
    assert hit["doc"] == SLUG
    assert list(result["facets"]) == ["doc", "chapter", "kind", "region", "mineral", "zone_type"]
    assert result["facets"]["doc"] == [
        {"value": SLUG, "label": "辽宁省矿产资源总体规划（2021-2025年）", "count": 2}
    ]


def test_pages_and_offsets_slice_one_ranking(kb):
    whole = ids(kb.search("矿山", limit=30))
    assert ids(kb.search("矿山", limit=10, offset=10)) == whole[10:20]
    assert ids(kb.search("矿山", limit=10, page=3)) == whole[20:30]
    assert kb.search("矿山", limit=10, page=3)["offset"] == 20
    assert ids(kb.search("矿山", offset=1000)) == []


@pytest.mark.parametrize("name", ["chapter", "kind", "region", "mineral", "zone_type"])
def test_every_facet_count_is_what_its_filter_returns(kb, name):
    facets = everything(kb, "硼")["facets"][name]
    assert facets
    totals = {f["value"]: kb.search("硼", **{name: f["value"]})["total"] for f in facets}
    assert totals == {f["value"]: f["count"] for f in facets}


def test_chapter_and_kind_facets_add_up_to_the_total(kb):
    result = everything(kb, "绿色")
    for name in ("chapter", "kind"):
        assert sum(f["count"] for f in result["facets"][name]) == result["total"]


@pytest.mark.parametrize(
    ("name", "values"),
    [
        ("region", ["丹东", "丹东市"]),
        ("chapter", ["6", "六", "第六章", "第六章 强化矿产资源开发利用与保护"]),
        ("kind", ["table_row", "表格行"]),
        ("mineral", ["硼", "硼矿", "B2O3"]),
    ],
)
def test_a_filter_takes_any_name_of_its_value(kb, name, values):
    results = [ids(everything(kb, "硼", **{name: v})) for v in values]
    assert results[0] and all(r == results[0] for r in results)


def test_a_county_mention_counts_for_its_city(kb):
    dandong = set(ids(everything(kb, "硼", region="丹东")))
    kuandian = set(ids(everything(kb, "硼", region="宽甸")))
    assert kuandian and kuandian < dandong
    assert f"{SLUG}/box7/16" in kuandian  # 辽宁宽甸三岔子-砬子沟 names the county only


def test_a_relaxed_query_says_so_and_ranks_by_words_covered(kb):
    result = kb.search("岫岩县新建菱镁矿山最低开采规模是多少")
    assert result["relaxed"] is True
    assert ids(result)[0] == f"{SLUG}/6.4.2"
    assert kb.search("菱镁矿 开采规模")["relaxed"] is False


def test_words_separated_by_spaces_are_relaxed_when_no_clause_holds_them_all(kb):
    result = kb.search("菱镁矿 岫岩县 最低开采规模 露天")
    assert result["relaxed"] is True
    # 6.4.2 (under 推进菱镁矿高质量开发利用) holds 最低开采规模 and 露天, not 岫岩县
    assert ids(result)[0] == f"{SLUG}/6.4.2"


def test_concurrent_searches_give_the_same_answers(kb):
    queries = [g.query for g in GOLDEN[:16]]
    expected = {q: ids(kb.search(q)) for q in queries}
    got: dict[str, list[str]] = {}

    def work(q: str) -> None:
        for _ in range(5):
            got[q] = ids(kb.search(q))

    threads = [threading.Thread(target=work, args=(q,)) for q in queries]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert got == expected
