"""A plan is checked against its own 目录 before it replaces anything; UTF-16 is read; size is
bounded. Expected headings and sizes come from reading the plan file itself."""

from __future__ import annotations

import pytest

from ingest.parser import parse_file
from ingest.reader import MAX_CHARS
from tests.conftest import PLAN, SLUG
from tests.test_bad_input import ingest, tree_digest

TEXT = PLAN.read_text(encoding="utf-8")
# 附则 closes the plan with three short paragraphs (the last lines of the file).
CLOSING = [line.strip() for line in TEXT.split("\n附 则\n")[-1].splitlines() if line.strip()]
# The body of 第四章, from its heading to 第五章's.
CHAPTER_4 = TEXT[TEXT.index("\n第四章 优化") : TEXT.index("\n第五章 加强")]
JUNK = "免费领取资料，请关注公众号。" * 200  # 14 characters × 200, no heading


def refusal(path, reason: str) -> str:
    return f"plankb: {path}: {reason}\n"


CASES = {
    # 30 % of the plan's 20,899 characters ends inside 第三章第一节; 第二节 starts at 6,313.
    "first 30 %": (
        TEXT[: int(len(TEXT) * 0.3)],
        "目录列出的第三章第二节“2035 年远景目标”在正文中缺失（文件可能被截断）。"
        "A heading listed in the contents is missing from the body (truncated file?)",
    ),
    "without 第九章": (
        TEXT.replace("\n第九章 规划实施与管理\n", "\n"),
        "目录列出的第九章“规划实施与管理”在正文中缺失（文件可能被截断）。"
        "A heading listed in the contents is missing from the body (truncated file?)",
    ),
    "a chapter appended after 附则": (
        TEXT + CHAPTER_4,
        "附则之后还有“第四章”等正文标题，文件末尾混入了不属于规划的内容。"
        "Text after 附则 (the closing part) is not part of the plan",
    ),
    "prose appended after 附则": (
        TEXT + "\n\n" + JUNK + "\n",
        f"附则有 {sum(map(len, CLOSING)) + len(JUNK)} 字，超过附则应有的篇幅（上限 2000 字），"
        f"文件末尾可能混入了不属于规划的内容。{sum(map(len, CLOSING)) + len(JUNK)} characters "
        f"after 附则 are more than a closing part holds; something is appended to the plan",
    ),
    "too long for a plan": (
        TEXT + "\n" * (MAX_CHARS - len(TEXT) + 1),
        f"{MAX_CHARS + 1} 字超过一份规划文本的上限 {MAX_CHARS} 字。{MAX_CHARS + 1} characters "
        f"are more than a plan's text can be (at most {MAX_CHARS})",
    ),
}


def test_the_plan_has_what_its_contents_list():
    assert len(CLOSING) == 3 and CLOSING[-1].endswith("由辽宁省自然资源厅负责解释。")
    assert "第四章 优化矿产资源勘查开发总体格局" in CHAPTER_4


@pytest.mark.parametrize("name", CASES)
def test_a_plan_that_is_not_whole_is_refused_and_changes_nothing(tmp_path, live_kb, name):
    text, reason = CASES[name]
    bad = tmp_path / PLAN.name
    bad.write_text(text, encoding="utf-8")
    before = tree_digest(live_kb)
    result = ingest(str(bad), "--kb", str(live_kb))
    assert (result.returncode, result.stdout, result.stderr) == (1, "", refusal(bad, reason))
    assert tree_digest(live_kb) == before


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_with_a_bom_reads_as_the_same_plan(plan_copy, encoding):
    plan_copy.write_bytes("\ufeff".encode(encoding) + TEXT.encode(encoding))
    doc, same = parse_file(plan_copy), parse_file(PLAN)
    assert (doc.slug, doc.title) == (SLUG, "辽宁省矿产资源总体规划（2021-2025年）")
    assert [c.to_dict() for c in doc.clauses] == [c.to_dict() for c in same.clauses]
