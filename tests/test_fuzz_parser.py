"""Fuzzing the parser: any text, or the plan cut, spliced and garbled, gives a Document or a
one-line BadDocument, never another exception."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ingest.parser import parse_text
from kb.errors import BadDocument
from kb.model import Document
from tests.conftest import PLAN

TEXT = PLAN.read_text(encoding="utf-8")
PIECES = st.sampled_from(
    ["\n", "\n\n", "第一章 ", "第十节", "总 则", "附 则", "专栏五", "目 录", "- 3 -", "附表 1 ",
     "（一）", "1、", "。", "\t", "\u3000", "|", "<p>", "第二十九章", "第〇节"]
)  # fmt: skip
SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def parses_or_refuses(text: str) -> None:
    try:
        doc = parse_text(text, "fuzz")
    except BadDocument as exc:
        assert "\n" not in str(exc) and str(exc).startswith("text: ")
        return
    assert isinstance(doc, Document) and doc.clauses


@SETTINGS
@given(st.lists(st.one_of(st.characters(), PIECES), max_size=300).map("".join))
def test_any_text(text):
    parses_or_refuses(text)


@SETTINGS
@given(st.lists(st.one_of(st.characters(codec="utf-8"), PIECES), max_size=200).map("".join))
def test_plan_shaped_text(text):
    parses_or_refuses("辽宁省矿产资源总体规划\n\n目 录\n\n" + text)


@SETTINGS
@given(
    st.lists(
        st.tuples(
            st.integers(0, len(TEXT)),
            st.integers(0, 2000),
            st.one_of(st.text(max_size=30), PIECES, st.just("")),
        ),
        min_size=1,
        max_size=4,
    )
)
def test_the_plan_cut_and_spliced(edits):
    text = TEXT
    for at, length, insert in edits:
        text = text[:at] + insert + text[at + length :]
    parses_or_refuses(text)
