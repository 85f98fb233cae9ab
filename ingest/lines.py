"""Source text → non-empty lines with their character spans, and text clean-up helpers."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Markup left in some boxes by the PDF conversion: <p>…</p> paragraphs, stray tags.
_P_BLOCK = re.compile(r"<p>(.*?)</p>", re.S)
_TAG = re.compile(r"</?[a-zA-Z][^<>]*>")
# Chemical formulas written with spaced or underscored subscripts: "B ₂ O ₃", "B_2O_3".
_SUBSCRIPT_DIGITS = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")
_UNDERSCORE_SUB = re.compile(r"(?<=[A-Z])_(\d+)")
_CJK = r"\u3400-\u9fff\uf900-\ufaff"
_SPACE_BETWEEN_CJK = re.compile(rf"(?<=[{_CJK}])[ \u3000]+(?=[{_CJK}])")
_SPACE_AT_PUNCT = re.compile(r"[ \u3000]+(?=[，。；：、）」”])|(?<=[（「“])[ \u3000]+")
_WS = re.compile(r"[\s\u3000]+")
STRIP = " \t\r\n\u3000\ufeff\xa0"


@dataclass(frozen=True)
class Line:
    """One non-empty line (or one <p> block of a line), stripped, with its span in the source."""

    text: str
    start: int
    end: int
    raw: str = ""  # the line with its leading tabs, which mark blank (merged) table cells

    @property
    def cells(self) -> list[str]:
        return [c.strip(STRIP) for c in (self.raw or self.text).split("\t")]

    @property
    def is_row(self) -> bool:
        return "\t" in self.text


def split_lines(text: str) -> list[Line]:
    """Every non-empty line, stripped of indentation (spaces, tabs, ideographic spaces)."""
    out: list[Line] = []
    pos = 0
    for raw in text.splitlines(keepends=True):
        body = raw.rstrip("\r\n")
        out.extend(_blocks_of(body, pos))
        pos += len(raw)
    return out


def _blocks_of(body: str, offset: int) -> list[Line]:
    if "<p>" in body:
        return [
            line
            for m in _P_BLOCK.finditer(body)
            for line in _stripped(m.group(1), offset + m.start(1))
        ]
    return _stripped(body, offset)


def _stripped(body: str, offset: int) -> list[Line]:
    lead = len(body) - len(body.lstrip(STRIP))
    core = body.strip(STRIP)
    if not core:
        return []
    # Tabs inside a table row are kept; trailing tabs of a box title line are not content.
    text = _TAG.sub("", core)
    raw = body.strip(" \r\n\u3000\ufeff\xa0")
    return [Line(text, offset + lead, offset + lead + len(core), raw)] if text.strip(STRIP) else []


def clean_text(text: str) -> str:
    """Body text as users should read it: formulas with real subscripts, no markup."""
    text = _TAG.sub("", text)
    text = _UNDERSCORE_SUB.sub(lambda m: m.group(1).translate(_SUBSCRIPT_DIGITS), text)
    text = re.sub(r"(?<=[A-Z])\s+(?=[₀-₉])|(?<=[₀-₉])\s+(?=[A-Z])", "", text)
    text = _SPACE_AT_PUNCT.sub("", text)
    return text.strip(STRIP)


def clean_title(text: str) -> str:
    """A heading title: one space for any run of white space, none between two CJK characters."""
    text = _WS.sub(" ", clean_text(text)).strip()
    return _SPACE_BETWEEN_CJK.sub("", text)


def compact(text: str) -> str:
    """Text with every white space removed: for comparing headings written differently."""
    return _WS.sub("", text)
