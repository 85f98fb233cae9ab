"""The cost ceiling (kb/search/ceiling.py): a query over it is shortened, answered, and says so;
what it compiles is no more than what its shortened form compiles."""

from __future__ import annotations

import pytest

from kb.cli.main import main
from tests.bench_cost import compiled_terms, no_ceiling
from tests.conftest import SLUG

# 第六章第四节, the paragraph that starts 严格控制矿山开采规模 (line 390 of the plan), as pasted.
PASTED = (
    "严格控制矿山开采规模。原则上禁止新建露天矿山，禁止既有露天矿山平面扩大范围，具备转为地下开采"
    "条件的转为地下开采。新建矿山储量规模必须达到中型以上，最低开采规模为 30 万吨/年，支持以资本为"
    "纽带开展资源整合，推进采矿企业（已有矿业权）兼并重组，重组后矿山储量规模为中型以上的，开采规模"
    "应达到 30 万吨/年以上；储量规模为小型的，开采规模应达到 10 万吨/年以上。"
)


def test_a_pasted_paragraph_is_cut_and_still_finds_its_clause(kb):
    result = kb.search(PASTED)
    assert result["query"] == PASTED[:100]
    assert result["notice"].startswith(
        f"查询过长（{len(PASTED)} 字），已截取前 100 个字查找。"
        "The query was cut to its first 100 characters."
    )
    assert "只查找了前 12 个词" in result["notice"]
    assert result["hits"][0]["id"] == f"{SLUG}/6.4.2"


def test_the_cut_query_costs_what_its_first_words_cost(kb):
    (searched,) = kb.search(PASTED)["understood"]["all"]
    assert PASTED.startswith(searched[0]["text"]) and len(searched[0]["text"]) < 40
    assert compiled_terms(kb, PASTED) == compiled_terms(kb, searched[0]["text"]) <= 60
    with no_ceiling():
        assert compiled_terms(kb, PASTED) > 3 * 60  # the whole paragraph: 60-odd words


def test_too_many_words_keep_the_first_twelve(kb):
    result = kb.search(" ".join(["硼"] * 20 + ["金"] * 20))
    assert result["notice"] == (
        "查询词过多（40 个），只查找了前 12 个词。Only the first 12 of 40 words were searched for."
    )
    assert result["understood"]["all"] == [[{"text": "硼", "phrase": False}]] * 12
    assert {h["id"] for h in result["hits"]} <= {h["id"] for h in kb.search("硼")["hits"]}
    assert result["total"] == kb.search("硼")["total"]


def test_excluded_words_count_toward_the_ceiling_and_are_never_cut_short(kb):
    # 硼泥 is two words (硼 泥): five fit beside 硼, the sixth is dropped, not cut to -硼
    result = kb.search("硼 " + " ".join(["-硼泥"] * 15))
    assert result["understood"]["excluded"] == [{"text": "硼泥", "phrase": False}] * 5
    assert result["total"] == kb.search("硼 -硼泥")["total"]


@pytest.mark.parametrize("q", ["菱镁矿 开采规模", "岫岩县新建菱镁矿山最低开采规模是多少", "硼"])
def test_a_query_under_the_ceiling_has_no_notice(kb, q):
    assert kb.search(q)["notice"] is None


def test_the_page_and_the_json_show_the_notice(client):
    data = client.get("/api/search", query_string={"q": "硼" * 10_000}).get_json()
    assert data["notice"].startswith("查询过长（10000 字），已截取前 100 个字查找。")
    page = client.get("/search", query_string={"q": "硼" * 10_000}).get_data(as_text=True)
    assert f'<p class="notice" role="status">{data["notice"]}</p>' in page


def test_the_command_line_shows_the_notice(kb, kb_path, capsys):
    assert main(["search", "--kb", str(kb_path), PASTED]) == 0
    assert capsys.readouterr().out.splitlines()[1] == kb.search(PASTED)["notice"]
