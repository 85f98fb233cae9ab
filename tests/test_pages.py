"""Pages from evidence (issue 9): every clause's page from the 目录 and the page breaks the text
shows, held to the hand-made audit (tests/audit/pages.csv) and to the plan's own facts."""

from __future__ import annotations

import pytest

from ingest.parser import parse_file, parse_text
from tests.audit import read_pages, score_pages
from tests.conftest import PLAN, SLUG

BOOK = "《辽宁省矿产资源总体规划（2021-2025年）》"
AUDIT = read_pages()


@pytest.fixture(scope="module")
def doc():
    return parse_file(PLAN)


@pytest.fixture(scope="module")
def by_local(doc):
    return {c.id.split("/", 1)[1]: c for c in doc.clauses}


def test_every_audited_page_and_range_matches(by_local):
    wrong = [
        (f.clause, f.page, f.pages, by_local[f.clause].page, by_local[f.clause].pages)
        for f in AUDIT
        if (by_local[f.clause].page, tuple(by_local[f.clause].pages)) != (f.page, f.pages)
    ]
    assert wrong == []


def test_the_audit_scores_one(doc):
    assert [(s.field, s.precision, s.recall) for s in score_pages(doc, AUDIT)] == [
        ("page", 1.0, 1.0),
        ("pages", 1.0, 1.0),
    ]


def test_the_audit_lists_every_clause_cited_past_its_section_start(doc):
    audited = {f.clause for f in AUDIT}
    sections = {s.label + s.title: s.page for top in doc.outline for s in top.children}
    later = [
        c.id.split("/", 1)[1]
        for c in doc.clauses
        if c.part == "body" and c.page != sections[c.path[1].replace(" ", "", 1)]
    ]
    assert len(AUDIT) >= 40 and len(later) == 79
    assert set(later) <= audited


# The facts issue 9 states, each checked against the text: the break that moves the page.
ISSUE_FACTS = {
    "6.5.3": 28,  # 6.5.1 “从严控制普通建筑用 / 砂石采矿权”
    "1.3.3": 5,  # 1.3.2 “辽宁省 / 矿产资源的刚性消费”
    "1.3.4": 5,
    "1.3.5": 5,
    "3.1.5": 10,  # 3.1.4 “新建矿山按照标准进 / 行规划”
    "box1/1": 10,
    "box1/10": 10,
    "box1/note": 10,
    "7.2.3": 31,  # 7.2.2 “积极推动生产矿山加 / 快升级改造”
    "9.2.3": 37,  # 9.2.2 “方可投放矿 / 业权”
    "1.1.2": 2,  # holds both breaks of §1.1 (2→3→4) …
    "1.2.1": 4,  # … so 第二节 starts on p.4, as the 目录 says
}


@pytest.mark.parametrize(("local", "page"), ISSUE_FACTS.items())
def test_issue_facts(by_local, local, page):
    assert by_local[local].page == page


CITED = {
    "6.5.3": (f"{BOOK}第六章第五节“规范普通建筑用砂石土矿开发利用”，第28页。", [28, 29]),
    "6.5.1": (f"{BOOK}第六章第五节“规范普通建筑用砂石土矿开发利用”，第27页。", [27, 28]),
    "box5/30": (f"{BOOK}专栏五“重点勘查区”第30项，第18页。", [18, 20]),
    "box6/3": (f"{BOOK}专栏六“矿产资源勘查重大工程”第3项，第19页。", [19, 21]),
    "box9/1": (f"{BOOK}专栏九“矿产资源开发利用与保护工程”第1项，第24页。", [24, 27]),
    "3.1.2": (f"{BOOK}第三章第一节“2025年规划目标”，第9页。", [9, 10]),
    "3.2.1": (f"{BOOK}第三章第二节“2035年远景目标”，第11页。", [11, 12]),
    "closing/3": (f"{BOOK}附则，第39页。", [39, None]),
    "annex-table/7": (f"{BOOK}附表7“辽宁省重点矿种矿山最低开采规模规划表”。", None),
}


@pytest.mark.parametrize(("local", "expected"), CITED.items())
def test_citation_quotes_the_page_and_carries_the_range(client, local, expected):
    data = client.get(f"/api/clauses/{SLUG}/{local}").get_json()
    assert (data["citation"]["text"], data["citation"]["pages"], data["pages"]) == (
        expected[0],
        expected[1],
        expected[1],
    )


def test_headings_are_tidied_in_the_citation_but_text_stays_verbatim(client):
    data = client.get(f"/api/clauses/{SLUG}/3.1.1").get_json()
    assert data["citation"]["section"] == "第一节 2025年规划目标"
    assert data["path"][1] == "第一节 2025 年规划目标"
    assert data["text"].startswith("到 2025 年，在矿产资源勘查")


SMALL = """
测试市矿产资源总体规划
(2021-2025 年)
目 录
总 则.....\t- 1 -
第一章 现状.....\t- 2 -
第一节 甲.....\t- 2 -
第二节 乙.....\t- 4 -
附 则\t- 6 -
总 则
一段总则。
第一章 现状
第一节 甲
第一段，写明现状，不作要求。
第二段，被分页截
断后接续，直至结束。
第三段，另起一页，照常书写。
第二节 乙
仅此一段。
附 则
本规划自发布之日起施行。
"""


def test_pages_on_a_small_plan():
    doc = parse_text(SMALL, "small")
    assert [(c.id.split("/", 1)[1], c.page, c.pages) for c in doc.clauses] == [
        ("general/1", 1, [1, 2]),
        ("1.1.1", 2, [2, 3]),  # one break to come, §1.2 on p.4: at most p.3
        ("1.1.2", 2, [2, 3]),
        ("1.1.3", 3, [3, 4]),  # after the break
        ("1.2.1", 4, [4, 6]),
        ("closing/1", 6, [6, None]),  # nothing after 附则 bounds it
    ]


def test_more_breaks_than_pages_keep_a_clause_before_the_next_heading():
    text = SMALL.replace("第二节 乙.....\t- 4 -", "第二节 乙.....\t- 2 -")
    pages = {c.id.split("/", 1)[1]: c.pages for c in parse_text(text, "small").clauses}
    assert (pages["1.1.1"], pages["1.1.3"]) == ([2, 2], [2, 2])


def test_the_clause_page_says_where_the_page_is_not_pinned(client):
    ranged = client.get(f"/clauses/{SLUG}/6.5.3").get_data(as_text=True)
    assert (
        "起始页：第 28 页至第 29 页之间（文本无页码，按目录与分页断句推定；引用取第 28 页）"
        in ranged
    )
    pinned = client.get(f"/clauses/{SLUG}/7.2.3").get_data(as_text=True)
    assert "起始页" not in pinned and "第七章第二节“稳妥推进绿色矿山建设”，第31页。" in pinned
