"""What a question asks — a list, a count, a value, a rule, a definition or a place in the
text — from the cue words of the data file cues.toml beside this module."""

from __future__ import annotations

import tomllib
from functools import lru_cache
from pathlib import Path
from typing import Any

DATA = Path(__file__).with_name("cues.toml")
INTENT_LABELS = {
    "list": "列举",
    "count": "计数",
    "value": "数值",
    "rule": "规定",
    "definition": "释义",
    "where": "出处",
}


@lru_cache(maxsize=1)
def cues() -> dict[str, Any]:
    with DATA.open("rb") as f:
        return tomllib.load(f)


def intent(question: str) -> str:
    """The first intent (in the data file's order) whose cue stands in `question`; "rule"
    when none does (a statement of a topic is answered by what the plan requires of it)."""
    data = cues()
    for name in data["order"]:
        if any(cue in question for cue in data["cues"][name]):
            return name
    return "rule"


def is_question(text: str) -> bool:
    """Whether a search query reads as a question (a cue word, or a question mark)."""
    data = cues()
    asks = ("where", "definition", "count", "list", "value", "yesno")
    return text.rstrip().endswith(("？", "?")) or any(
        cue in text for name in asks for cue in data["cues"][name]
    )


def stripped(question: str) -> str:
    """`question` without its question words (longest first), so its keywords remain."""
    data = cues()
    words = {c for name in data["strip"] for c in data["cues"][name]}
    for cue in sorted(words, key=len, reverse=True):
        question = question.replace(cue, " ")
    return question


def filler() -> frozenset[str]:
    """Words too general to choose a sentence by (全省, 规划 …)."""
    return frozenset(cues()["filler"]["words"])
