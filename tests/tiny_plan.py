"""A tiny plan for search tests that need a corpus of their own (markup, escaping).

The parser strips tags such as <p> from plan text, so `build_tiny_kb` puts a <script> back into
one clause after parsing: the search layer must escape it whatever a future document holds.
"""

from __future__ import annotations

from pathlib import Path
from unittest import mock

from ingest.build import build
from ingest.parser import parse_file

SCRIPT = '<script>alert("x")</script>'
SLUG = "tiny-plan"

TINY_PLAN = """
测试市矿产资源总体规划

(2021-2025 年)

测试市人民政府

二〇二二年十月

目 录

总 则.....\t- 1 -
第一章 规划背景.....\t- 2 -
第一节 发展现状.....\t- 2 -
第二节 存在问题.....\t- 3 -
附 则\t- 4 -

总 则

本规划适用于丹东市所辖区域内的硼矿、金矿和铁矿。

第一章 规划背景

第一节 发展现状

防范网页注入。本段含有标记与 a < b & c > d 的字符，须原样转义显示。

宽甸硼矿资源丰富。硼镁铁矿与硼泥综合利用，资金投入逐年增加。

第二节 存在问题

绿色矿山建设滞后。矿山建设不符合绿色标准的问题依然存在。

附 则

本规划自发布之日起施行。
"""


def _parse_with_markup(path: Path):
    doc = parse_file(path)
    clause = next(c for c in doc.clauses if c.id == f"{SLUG}/1.1.1")
    clause.text = clause.text.replace("标记", f"标记{SCRIPT}")
    return doc


def build_tiny_kb(folder: Path) -> Path:
    """Build the tiny plan into `folder`/kb and return that path."""
    plan = folder / f"{SLUG}.txt"
    plan.write_text(TINY_PLAN, encoding="utf-8")
    with mock.patch("ingest.build.parse_file", _parse_with_markup):
        build([plan], folder / "kb")
    return folder / "kb"
