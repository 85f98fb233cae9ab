"""Numbering styles of the genre beyond 第X章/第X节 and 专栏: headings numbered 一、 and （一）,
articles 第X条, and tables 表N inside sections.

    heading_level("二、具体目标")      # (1, 2, "二、", "具体目标")
    heading_level("（一）勘查目标")    # (2, 1, "（一）", "勘查目标")
    article("第二条 本规划适用于…")    # (2, "本规划适用于…")
    TABLE.match("表3 宽甸满族自治县开采规划区块")

A heading is short and ends no sentence, so a list item of a paragraph (一、加强…。) is text.
Ranks: 0 for 第X节, 1 for 一、, 2 for （一）; a heading closes every open one of its rank or deeper.
"""

from __future__ import annotations

import re

from ingest.blocks import ends_sentence
from ingest.lines import clean_title
from ingest.toc import NUM
from kb.model import parse_cn_numeral

SECTION_RANK = 0
_HEADINGS = (
    (1, re.compile(rf"^(?P<n>[{NUM}]+)、[\s\u3000]*(?P<title>.+)$"), "{n}、"),
    (2, re.compile(rf"^[（(](?P<n>[{NUM}]+)[）)][\s\u3000]*(?P<title>.+)$"), "（{n}）"),
)
_ARTICLE = re.compile(rf"^第(?P<n>[{NUM}零百]+)条[\s\u3000]*(?P<rest>.+)$", re.S)
TABLE = re.compile(r"^表[\s\u3000]*(?P<n>\d+)[\s\u3000]+(?P<title>\S.*)$")
HEADING_MAX = 40


def short_title(title: str) -> str | None:
    """The cleaned title when it can be a heading's (short, no sentence end), else None."""
    title = clean_title(title)
    return title if title and len(title) <= HEADING_MAX and not ends_sentence(title) else None


def heading_level(text: str) -> tuple[int, int, str, str] | None:
    """(rank, number, label, title) of a 一、 or （一） heading; None for anything else."""
    for rank, pattern, label in _HEADINGS:
        m = pattern.match(text)
        title = short_title(m.group("title")) if m else None
        if m and title:
            return rank, parse_cn_numeral(m.group("n")), label.format(n=m.group("n")), title
    return None


def article(text: str) -> tuple[int, str] | None:
    """(number, text after the label) of a line opening an article (第五条 …)."""
    m = _ARTICLE.match(text)
    if not m or "百" in m.group("n"):
        return None
    return parse_cn_numeral(m.group("n").replace("零", "")), m.group("rest").strip()


def table_title(text: str) -> re.Match | None:
    """The match of a table's title line (表3 …开采规划区块), None for text that merely opens
    with 表."""
    m = TABLE.match(text)
    return m if m and short_title(m.group("title")) else None
