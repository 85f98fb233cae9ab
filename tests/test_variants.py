"""Acceptance 6: the same document tree from differently encoded and laid-out copies of the plan."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from ingest.parser import parse_file
from tests.conftest import PLAN

HEADING = re.compile(r"^(第[一二三四五六七八九十]+[章节])[ \t]+", re.M)


def tree(doc) -> dict:
    """Everything the parser read, less the character spans (which move with the layout)."""
    data = doc.to_dict()
    for clause in data["clauses"]:
        clause.pop("span")
    data.pop("sha256")
    return data


def flatten_toc(text: str) -> str:
    lines = text.split("\n")
    start = lines.index("目 录")
    end = next(i for i, ln in enumerate(lines) if ln.startswith("附 则") and "-" in ln)
    toc = " ".join(ln for ln in lines[start : end + 1] if ln.strip())
    return "\n".join([*lines[:start], toc, *lines[end + 1 :]])


def indent(text: str) -> str:
    return "\n".join("\u3000\u3000" + ln if ln.strip() else ln for ln in text.split("\n"))


VARIANTS: dict[str, tuple[Callable[[str], str], str]] = {
    "gb18030": (lambda t: t, "gb18030"),
    "utf-8 with BOM": (lambda t: t, "utf-8-sig"),
    "CRLF line endings": (lambda t: t.replace("\n", "\r\n"), "utf-8"),
    "ideographic-space indentation": (indent, "utf-8"),
    "headings 第一章　规划背景": (
        lambda t: HEADING.sub(lambda m: m.group(1) + "\u3000", t),
        "utf-8",
    ),
    "headings 第一章规划背景": (lambda t: HEADING.sub(lambda m: m.group(1), t), "utf-8"),
    "single newlines": (lambda t: re.sub(r"\n\s*\n", "\n", t), "utf-8"),
    "contents on one line": (flatten_toc, "utf-8"),
    "all of these at once": (
        lambda t: indent(
            re.sub(r"\n\s*\n", "\n", HEADING.sub(lambda m: m.group(1), flatten_toc(t)))
        ).replace("\n", "\r\n"),
        "gb18030",
    ),
}


@pytest.fixture(scope="module")
def original():
    return tree(parse_file(PLAN))


@pytest.mark.parametrize("name", VARIANTS)
def test_variant_gives_the_same_tree(
    tmp_path: Path, plan_copy: Path, plan_text: str, original, name: str
):
    transform, encoding = VARIANTS[name]
    variant = transform(plan_text)
    assert variant != plan_text or encoding != "utf-8"
    plan_copy.write_bytes(variant.encode(encoding))
    assert tree(parse_file(plan_copy)) == original


def test_spans_point_into_the_decoded_variant(plan_copy: Path, plan_text: str):
    crlf = indent(plan_text).replace("\n", "\r\n")
    plan_copy.write_bytes(crlf.encode("gb18030"))
    doc = parse_file(plan_copy)
    clause = next(c for c in doc.clauses if c.id.endswith("/6.4.2"))
    assert crlf[clause.span[0] : clause.span[1]] == clause.text


def test_front_matter_is_read_without_metadata_file(tmp_path: Path, plan_text: str):
    bare = tmp_path / "some-plan.txt"
    bare.write_text(plan_text, encoding="utf-8")
    doc = parse_file(bare)
    assert (doc.slug, doc.title, doc.issuer, doc.date) == (
        "some-plan",
        "辽宁省矿产资源总体规划（2021-2025年）",
        "辽宁省人民政府",
        "2022-10",
    )
    assert doc.clauses[0].id == "some-plan/general/1"
