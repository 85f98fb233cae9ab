"""The 审核意见 as a Word file (python-docx): title, the application, the checklist, the opinion."""

from __future__ import annotations

import io
import re
from typing import Any

from docx import Document

from kb.check.opinion import describe
from kb.errors import BadQuery

MAX_OPINION = 20000  # characters of an edited opinion
# what XML 1.0 cannot hold: control characters but tab and newlines, surrogates, U+FFFE/U+FFFF
_XML_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def opinion_docx(result: dict[str, Any], edited: str | None = None) -> bytes:
    """The opinion (the draft, or the clerk's edited text) with the application, the verdict and
    the checklist."""
    text = (edited or "").strip() or result["opinion"]
    if len(text) > MAX_OPINION:
        raise BadQuery(f"审核意见最多 {MAX_OPINION} 字。The opinion is too long.")
    text = _XML_UNSAFE.sub("", text)  # control characters pasted from a PDF cannot go in XML
    doc = Document()
    doc.add_heading("规划审核意见（草稿）", level=1)
    doc.add_paragraph(f"申请：{describe(result['application'])}")
    doc.add_paragraph(f"结论：{result['verdict']}")
    doc.add_heading("审核意见", level=2)
    for paragraph in text.splitlines():
        doc.add_paragraph(paragraph)
    doc.add_heading("逐条核对", level=2)
    table = doc.add_table(rows=1, cols=4)
    for cell, title in zip(table.rows[0].cells, ("条款", "结果", "理由", "出处"), strict=True):
        cell.text = title
    for check in result["checks"]:
        row = table.add_row().cells
        row[0].text = check["clause"]
        row[1].text = check["result"]
        row[2].text = check["reason"]
        row[3].text = check["citation"]["text"]
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
