"""The front matter (title, issuer, date), the table of contents and the 附表/附图 lists."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ingest.lines import Line, clean_title, compact
from kb.model import parse_cn_numeral

NUM = "一二三四五六七八九十"
_TOC_ENTRY = re.compile(
    rf"(?P<label>总[\s\u3000]*则|附[\s\u3000]*则|第[{NUM}]+[章节])[\s\u3000]*"
    r"(?P<title>.*?)[\s\u3000.…·]*-\s*(?P<page>\d+)\s*-"
)
_ANNEX_ENTRY = re.compile(r"^[-•·\s]*(?P<kind>附表|附图)\s*(?P<number>\d+)\s*(?P<title>.+)$")
_CN_DATE = re.compile(rf"^([〇零{NUM}]{{4}})年([{NUM}]+)月$")
_ISSUER = re.compile(r"(人民政府|委员会|办公厅|厅|部|局)$")
BODY_START = re.compile(rf"^(总则|第[{NUM}]+章)")
_YEARS = re.compile(r"^[（(]\s*(\d{4})\s*[-—–至]\s*(\d{4})\s*年\s*[）)]$")


@dataclass
class TocEntry:
    kind: str  # general | chapter | section | closing
    number: int | None
    title: str
    page: int


@dataclass
class FrontMatter:
    title: str = ""
    issuer: str = ""
    date: str = ""
    toc: list[TocEntry] = field(default_factory=list)
    annexes: list[tuple[str, int, str, Line]] = field(default_factory=list)  # kind, no, title, line
    body_start: int = 0  # index of the first body line


def read_front(lines: list[Line]) -> FrontMatter:
    """Split off everything before the body: front matter, TOC and annex lists."""
    front = FrontMatter()
    i = _read_title_page(lines, front)
    i = _read_toc(lines, i, front)
    front.body_start = _read_annex_lists(lines, i, front)
    return front


def _is_toc_heading(text: str) -> bool:
    return compact(text).startswith("目录")


def _read_title_page(lines: list[Line], front: FrontMatter) -> int:
    end = _title_page_end(lines)
    parts: list[str] = []
    for line in lines[:end]:
        text = compact(line.text)
        if m := _YEARS.match(text):
            parts.append(f"（{m.group(1)}-{m.group(2)}年）")
        elif m := _CN_DATE.match(text):
            front.date = f"{_cn_year(m.group(1))}-{parse_cn_numeral(m.group(2)):02d}"
        elif _ISSUER.search(text) and parts:
            front.issuer = text
        else:
            parts.append(text)
    front.title = "".join(parts)
    return end


def _title_page_end(lines: list[Line]) -> int:
    for i, line in enumerate(lines):
        text = line.text
        if _is_toc_heading(text) or _TOC_ENTRY.search(text) or BODY_START.match(compact(text)):
            return i
    return len(lines)


def _cn_year(text: str) -> int:
    return int("".join(str("〇一二三四五六七八九".index("〇" if c == "零" else c)) for c in text))


def _read_toc(lines: list[Line], i: int, front: FrontMatter) -> int:
    if i < len(lines) and _is_toc_heading(lines[i].text):
        front.toc.extend(_toc_entry(m) for m in _TOC_ENTRY.finditer(lines[i].text))
        i += 1
    while i < len(lines):
        entries = [_toc_entry(m) for m in _TOC_ENTRY.finditer(lines[i].text)]
        if not entries:
            break
        front.toc.extend(entries)
        i += 1
    return i


def _toc_entry(m: re.Match) -> TocEntry:
    label = compact(m.group("label"))
    page = int(m.group("page"))
    if label == "总则":
        return TocEntry("general", None, "总则", page)
    if label == "附则":
        return TocEntry("closing", None, "附则", page)
    kind = "chapter" if label.endswith("章") else "section"
    return TocEntry(kind, parse_cn_numeral(label[1:-1]), clean_title(m.group("title")), page)


def _read_annex_lists(lines: list[Line], i: int, front: FrontMatter) -> int:
    while i < len(lines):
        text = compact(lines[i].text)
        if text in ("附表", "附图"):
            i += 1
            continue
        m = _ANNEX_ENTRY.match(lines[i].text)
        if not m:
            return i
        kind = "annex_table" if m.group("kind") == "附表" else "annex_map"
        front.annexes.append(
            (kind, int(m.group("number")), clean_title(m.group("title")), lines[i])
        )
        i += 1
    return i
