"""Links across plan levels where the text states them: a zone of one plan that a sentence of
that plan places inside a zone of another plan (a county's block in a provincial 重点开采区):

    宽甸硼海硼矿开采规划区块、宽甸杨木川硼矿开采规划区块位于辽宁宽甸三岔子-砬子沟重点开采区内。

sets, on each of the two blocks, ``within: [{id: <the provincial zone>, clause_id: <the
sentence's clause>}]``. Nothing is inferred from names or places alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from kb.model import Document

_WITHIN = re.compile(r"位于(?P<where>[^。；]*?)内")
_SENTENCE_END = "。；"


def link_levels(
    docs: Iterable[Document], mentions: dict[str, list[dict[str, Any]]], zones: list[dict]
) -> None:
    """Set `within` on every zone a sentence of its own plan places inside another plan's zone."""
    by_id = {z["id"]: z for z in zones}
    for doc in docs:
        for clause in doc.clauses:
            found = [m for m in mentions.get(clause.id, []) if m["type"] == "zone"]
            for stated in _WITHIN.finditer(clause.text):
                _link(clause.text, clause.id, stated, found, by_id, doc.slug)


def _link(text: str, clause_id: str, stated: re.Match, found: list, by_id: dict, slug: str):
    start = max(text.rfind(c, 0, stated.start()) for c in _SENTENCE_END) + 1
    own = [m for m in found if start <= m["start"] and m["end"] <= stated.start()]
    outer = [
        m for m in found if stated.start("where") <= m["start"] and m["end"] <= stated.end("where")
    ]
    for inner in (m for m in own if by_id[m["id"]]["doc"] == slug):
        links = by_id[inner["id"]].setdefault("within", [])
        for m in outer:
            if by_id[m["id"]]["doc"] != slug and all(w["id"] != m["id"] for w in links):
                links.append({"id": m["id"], "clause_id": clause_id})
