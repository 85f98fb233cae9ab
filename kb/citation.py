"""Citations a clerk can paste into an official letter, with structured fields beside them.

《辽宁省矿产资源总体规划（2021-2025年）》第六章第四节“推进菱镁矿高质量开发利用”，第27页。
《辽宁省矿产资源总体规划（2021-2025年）》专栏五“重点勘查区”第16项，第18页。
《宽甸满族自治县矿产资源总体规划（2021-2025年）》表3“宽甸满族自治县开采规划区块”第2项，第4页。
《河北省矿产资源总体规划（2021-2025年）》第二条，第1页。
《河北省矿产资源总体规划（2021-2025年）》第二章二、（一）“勘查目标”，第2页。

A heading is quoted without the spaces the PDF put between digits and Chinese
(第一节 2025 年规划目标 → “2025年规划目标”); the clause text itself stays verbatim.
"""

from __future__ import annotations

import re
from typing import Any

from kb.model import Clause, Document

_CJK = r"\u3400-\u9fff\uff08\uff09"
_LOOSE = re.compile(rf"(?<=[{_CJK}])\s+(?=[0-9A-Za-z])|(?<=[0-9A-Za-z])\s+(?=[{_CJK}])")


def tidy(title: str) -> str:
    """A heading title as quoted: no space between a digit or letter and Chinese (2025 年 →
    2025年)."""
    return _LOOSE.sub("", title)


def tidy_heading(heading: str | None) -> str | None:
    """ "第一节 2025 年规划目标" → "第一节 2025年规划目标": the space after the label stays."""
    if heading is None:
        return None
    label, sep, title = heading.partition(" ")
    return f"{label}{sep}{tidy(title)}"


# Citation styles a user can choose: id → label. "plan" is the plan's own form (above).
STYLES = {"plan": "规划原文格式", "gbt7714": "GB/T 7714—2015"}


def _label_title(heading: str) -> tuple[str, str]:
    """ "专栏一 辽宁省“十四五”规划主要指标" → ("专栏一", "辽宁省‘十四五’规划主要指标"): quotes
    inside a quoted title become single quotes, as Chinese usage has it."""
    label, _, title = heading.partition(" ")
    return label, tidy(title).replace("“", "‘").replace("”", "’")


def citation_text(clause: Clause, doc: Document) -> str:
    book = f"《{doc.title}》"
    page = f"，第{clause.page}页。" if clause.page else "。"
    if clause.box is not None:
        label, title = _label_title(clause.path[-1])
        where = "注" if clause.kind == "note" else f"第{clause.item}项"
        return f"{book}{label}“{title}”{where}{page}"
    if clause.kind == "article":
        return f"{book}{clause.title}{page}"
    if clause.part == "annex":
        return f"{book}{clause.path[0]}{clause.item}“{clause.title}”。"
    if clause.part in ("general", "closing"):
        return f"{book}{clause.path[0]}{page}"
    headings = [_label_title(h) for h in clause.path]
    labels = "".join(label for label, _ in headings)
    return f"{book}{labels}“{headings[-1][1]}”{page}"


def gbt7714_text(clause: Clause, doc: Document) -> str:
    """GB/T 7714—2015, for a document of type [Z] (other): 责任者. 题名[Z]. 出版年: 引文页码.

    辽宁省人民政府. 辽宁省矿产资源总体规划（2021-2025年）[Z]. 2022: 27.
    """
    year = doc.date[:4] if doc.date else ""
    tail = f"{year}: {clause.page}." if year and clause.page else (f"{year}." if year else "")
    issuer = f"{doc.issuer}. " if doc.issuer else ""
    return f"{issuer}{doc.title}[Z]. {tail}".rstrip()


def quotation(text: str, citation: str) -> str:
    """The clause's words in Chinese quotation marks, then its citation (for a letter)."""
    return f"“{text.strip()}”{citation}"


def cite(clause: Clause, doc: Document) -> dict[str, Any]:
    """The citation of a clause: ready text and the structured fields it is made of."""
    path = clause.path
    chapter = path[0] if clause.part == "body" and path else None
    section = path[1] if clause.part == "body" and clause.section and len(path) > 1 else None
    text = citation_text(clause, doc)
    return {
        "text": text,
        "styles": {"plan": text, "gbt7714": gbt7714_text(clause, doc)},
        "document": doc.title,
        "document_slug": doc.slug,
        "issuer": doc.issuer,
        "date": doc.date,
        "chapter": tidy_heading(chapter),
        "section": tidy_heading(section),
        "box": tidy_heading(path[-1]) if clause.box is not None else None,
        "item": clause.item,
        "page": clause.page,
        "pages": clause.pages,
        "clause_id": clause.id,
        "permalink": f"/clauses/{clause.id}",
    }
