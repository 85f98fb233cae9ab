"""Acceptance 3 and 4: clause fields, stable ids, every page-break join, boxes and tables."""

from __future__ import annotations

import re

import pytest

from ingest.build import build
from ingest.parser import parse_file
from kb import KnowledgeBase
from tests.conftest import PLAN, SLUG

# Every place in the plan where a page break split a paragraph: (clause, end of the first
# block, start of the block that continues it). Found by reading the whole file.
PAGE_BREAK_JOINS = [
    ("1.1.2", "1:5 万区域地", "质矿产调查覆盖率"),
    ("1.1.2", "登记事项，提高了", "行政效率，营商环"),
    ("1.3.2", "出新要求。辽宁省", "矿产资源的刚性消"),
    ("1.3.5", "管理提出新要求。", "矿产勘查开发监管"),
    ("2.2.1", "供应链条，延伸菱", "镁矿、滑石矿等优"),
    ("3.1.4", "建矿山按照标准进", "行规划、设计、建"),
    ("4.1.3", "加强鞍山、本溪、", "辽阳、抚顺等地铁"),
    ("4.1.5", "层气、地热等清洁", "能源的绿色勘查开"),
    ("4.2.3", "，涉及煤炭、铁、", "锰、金、锌、硼等"),
    ("5.1.2", "综合利用技术等省", "级重点科技创新建"),
    ("5.2.2", "、稀土、干热岩等", "矿种。"),
    ("5.2.4", "，制定探矿权年度", "投放计划，做到有"),
    ("6.1.4", "和创新开发模式的", "矿产资源开发基地"),
    ("6.2.1", "采区域内已退出矿", "业权的资源实施矿"),
    ("6.5.1", "严控制普通建筑用", "砂石采矿权设置数"),
    ("6.5.4", "绿色砂石生态产业", "区。加强资源丰富"),
    ("7.2.2", "极推动生产矿山加", "快升级改造，逐步"),
    ("9.2.2", "要求，方可投放矿", "业权，确保整体勘"),
]


@pytest.fixture(scope="module")
def doc():
    return parse_file(PLAN)


def source_blocks(plan_text: str, clause) -> list[str]:
    lines = [ln.strip() for ln in plan_text[clause.span[0] : clause.span[1]].splitlines()]
    blocks = [ln for ln in lines if ln]
    return blocks[1:] if clause.kind == "box_item" else blocks  # an item's first line is its title


def test_every_page_break_split_is_joined(doc, plan_text):
    found = []
    for clause in doc.clauses:
        blocks = source_blocks(plan_text, clause)
        found += [
            (clause.id.split("/", 1)[1], a[-8:], b[:8])
            for a, b in zip(blocks, blocks[1:], strict=False)
        ]
    assert found == PAGE_BREAK_JOINS


@pytest.mark.parametrize(("local", "head", "tail"), PAGE_BREAK_JOINS)
def test_joined_text_reads_on_without_a_gap(doc, local, head, tail):
    clause = next(c for c in doc.clauses if c.id == f"{SLUG}/{local}")
    assert head + tail in clause.text


def test_no_body_paragraph_ends_mid_sentence(doc):
    unfinished = [
        c.id
        for c in doc.clauses
        if c.kind == "paragraph" and not re.search(r"[。！？；：][”）]?$", c.text)
    ]
    assert unfinished == []


def cjk(text: str) -> str:
    return re.sub(r"[^\u4e00-\u9fff]", "", text)


def test_every_clause_has_id_path_text_page_and_span(doc, plan_text):
    for clause in doc.clauses:
        assert clause.id.startswith(f"{SLUG}/") and clause.doc == SLUG
        assert clause.path and clause.text
        start, end = clause.span
        assert 0 <= start < end <= len(plan_text)
        source = plan_text[start:end]
        if clause.kind == "table_row":  # carried-down cells stand in the rows above
            values = cjk("".join(clause.fields.values()))
            assert all(cjk(cell) in values for cell in source.split("\t")), clause.id
        elif clause.kind == "box_item":
            assert cjk(source) == cjk(clause.title + clause.text), clause.id
        elif clause.part == "annex":
            assert cjk(source) == cjk(clause.path[0] + clause.text), clause.id
        else:
            assert cjk(source) == cjk(clause.text), clause.id
        if clause.part != "annex":
            assert isinstance(clause.page, int)


def test_ids_are_unique_and_do_not_change_on_rebuild(tmp_path, kb):
    ids = [c.id for c in kb.library.docs[SLUG].clauses]
    assert len(ids) == len(set(ids)) == 191
    build([PLAN], tmp_path / "kb")
    rebuilt = KnowledgeBase.open(tmp_path / "kb")
    assert [c.id for c in rebuilt.library.docs[SLUG].clauses] == ids
    assert [rebuilt.clause(i) for i in ids[::17]] == [kb.clause(i) for i in ids[::17]]


LEADS = {
    "1.3.2": "辽宁全面振兴对矿产资源保障能力提出新要求。",
    "1.3.5": "全面深化“放管服”改革对矿产资源管理提出新要求。",
    "2.2.1": "坚持底线思维，保障资源安全。",
    "4.1.2": "营口-丹东金、菱镁、硼矿勘查开发区。",
    "5.2.3": "明确重点勘查区管控要求。",
    "6.1.4": "明确重点开采区管控要求。",
    "6.4.2": "严格控制矿山开采规模。",
    "9.5.2": "提高公共服务作用。",
    # paragraphs that open without a topic sentence
    "general/1": None,
    "1.1.1": None,
    "3.1.1": None,
    "6.4.1": None,
    "7.1.1": None,
}


@pytest.mark.parametrize(("local", "lead"), LEADS.items())
def test_lead_sentence_is_the_title(kb, local, lead):
    clause = kb.clause(f"{SLUG}/{local}")
    assert clause["title"] == lead
    if lead:
        assert clause["text"].startswith(lead)


def test_a_box_ends_where_its_numbered_items_end(doc):
    box4 = [c for c in doc.clauses if c.box == 4]
    assert [(c.item, c.title) for c in box4] == [
        (1, "战略性矿产资源调查评价工程"),
        (2, "清洁能源调查工程"),
    ]
    after = next(c for c in doc.clauses if c.id == f"{SLUG}/5.1.2")
    assert after.title == "深化基础地质理论技术创新。" and after.box is None
    assert after.path == ["第五章 加强矿产资源调查评价与勘查", "第一节 加强矿产资源调查评价力度"]


def test_box_items_of_boxes_four_six_and_nine(doc):
    items = {b: [c.title for c in doc.clauses if c.box == b] for b in (6, 9)}
    assert items[6] == [
        "鞍山-本溪-辽阳铁矿勘查增储工程",
        "辽东地区、阜新-朝阳-葫芦岛地区金矿勘查增储工程",
        "辽东大石桥-凤城-宽甸硼矿勘查增储工程",
        "凤城赛马地区铌、钽和稀土矿勘查评价工程",
        "老矿山深部外围找矿工程",
        "铁岭昌图古榆树煤层气勘探工程",
        "干热岩等清洁能源勘查评价工程",
        "金刚石隐伏矿勘查评价工程",
    ]
    assert items[9] == [
        "鞍山、本溪、辽阳铁矿资源生产能力建设工程",
        "沈阳、阜新、抚顺、铁岭煤炭残余资源综合回收利用工程",
        "鞍山、营口、辽阳菱镁矿浮选工程",
        "丹东、营口硼矿综合利用工程",
    ]
    box9 = [c for c in doc.clauses if c.box == 9]
    assert all("<" not in c.text and ">" not in c.text for c in box9)
    assert box9[3].text == (
        "继续开展凤城地区硼镁铁矿中硼和铁分离工艺的研究；"
        "继续加强大石桥、宽甸地区硼镁石及硼泥的综合开发利用研究。"
    )


def test_box_one_rows_with_carried_down_cells(doc):
    rows = [c.fields for c in doc.clauses if c.box == 1 and c.kind == "table_row"]
    keys = ("类别", "指标名称", "指标单位", "指标值", "指标属性")
    assert [tuple(r[k] for k in keys) for r in rows] == [
        ("矿产资源勘查", "新增资源储量（铁矿）", "矿石，亿吨", "10", "预期性"),
        ("矿产资源勘查", "新增资源储量（金矿）", "金属，吨", "30", "预期性"),
        ("矿产资源勘查", "新增资源储量（硼矿）", "B₂O₃，万吨", "10", "预期性"),
        ("矿产资源勘查", "新发现大中型矿产地", "处", "5-10", "预期性"),
        ("年开采量", "铁矿", "亿吨（62%）", "0.7", "预期性"),
        ("年开采量", "硼矿", "矿石，万吨", "500", "预期性"),
        ("年开采量", "滑石", "矿石，万吨", "300", "预期性"),
        ("年开采量", "菱镁矿", "矿石，万吨", "≤3000", "约束性"),
        ("矿山结构", "矿山数量", "个", "2000左右", "预期性"),
        ("矿山结构", "大中型矿山比例", "%", "30左右", "预期性"),
    ]
    note = next(c for c in doc.clauses if c.id == f"{SLUG}/box1/note")
    assert note.text.startswith("注：矿产资源勘查指标值为2021-2025年五年累计数值")


def source_rows(plan_text: str, box_label: str) -> list[list[str]]:
    """The rows of a box table read straight off the text, independently of the parser."""
    lines = plan_text.splitlines()
    start = next(i for i, ln in enumerate(lines) if ln.startswith(box_label))
    rows = []
    for line in lines[start + 2 :]:
        if "\t" not in line:
            break
        rows.append([cell.strip() for cell in line.split("\t")])
    return rows


@pytest.mark.parametrize(
    ("box", "label", "count"),
    [(2, "专栏二", 3), (3, "专栏三", 12), (5, "专栏五", 30), (7, "专栏七", 19)],
)
def test_zone_tables_row_by_row(doc, plan_text, box, label, count):
    parsed = [c for c in doc.clauses if c.box == box]
    expected = source_rows(plan_text, label)
    assert len(expected) == count
    assert [
        [c.fields["序号"], c.fields["名称"], c.fields["主要矿种"], c.fields["所在行政区"]]
        for c in parsed
    ] == expected
    assert [c.id for c in parsed] == [f"{SLUG}/box{box}/{n}" for n in range(1, count + 1)]
    assert all(c.kind == "table_row" and c.title == c.fields["名称"] for c in parsed)


def test_subscripts_read_as_formula(doc):
    text = next(c for c in doc.clauses if c.id == f"{SLUG}/3.1.2").text
    assert "硼矿资源量（B₂O₃ 组分量）10 万吨" in text
