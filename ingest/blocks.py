"""Blocks of plan text: where a sentence ends, a paragraph's lead sentence, and a paragraph
being put together from the blocks a page break split (…1:5 万区域地 / 质矿产调查…)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ingest.lines import Line

_LEAD = re.compile(r"^(?P<lead>[^。！？；：]{4,26}。)(?P<rest>.*)$", re.S)
_CLOSERS = "”’」』）)】"
_ENDS = "。！？；：!?;:"


def ends_sentence(text: str) -> bool:
    """True when a block ends a sentence, so the next block starts a new paragraph."""
    return text.rstrip(_CLOSERS)[-1:] in tuple(_ENDS)


def lead_sentence(text: str) -> str | None:
    """The paragraph's topic sentence (严格控制矿山开采规模。) when it opens with one."""
    m = _LEAD.match(text)
    if not m or not m.group("rest").strip():
        return None
    lead = m.group("lead")
    if lead.count("，") > 1 or re.search(r"\d", lead):
        return None
    return lead


def is_lead_only(text: str) -> bool:
    """A block that is only a lead sentence: its paragraph went on after a page break."""
    return lead_sentence(text + "…") == text


@dataclass
class Para:
    lines: list[Line] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "".join(line.text for line in self.lines)

    def continues_with(self, line: Line) -> bool:
        text = self.text
        return bool(self.lines) and (not ends_sentence(text) or is_lead_only(text))
