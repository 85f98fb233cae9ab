"""Domain synonyms and colloquial forms, from the data file synonyms.toml beside this module:
露天开采 → 露天矿山, 万方 → 万立方米, 海沙 → 海砂, 谁开发谁治理 → 谁开采、谁治理.

A form is never rewritten inside the plan's own form (镁矿 inside 菱镁矿 stays).
"""

from __future__ import annotations

import tomllib
from functools import lru_cache
from pathlib import Path

from kb.understand.convert import Rewrite

DATA = Path(__file__).with_name("synonyms.toml")


@lru_cache(maxsize=1)
def table() -> dict[str, dict[str, str]]:
    """{"replace": {colloquial: plan form}, "expand": {word: other form}} from the data file."""
    with DATA.open("rb") as f:
        data = tomllib.load(f)
    return {name: dict(data.get(name, {})) for name in ("replace", "expand")}


def _inside(text: str, start: int, left: str, right: str) -> bool:
    """Whether the `left` found at `start` is part of an occurrence of `right`."""
    offset = right.find(left)
    while offset >= 0:
        if text[start - offset : start - offset + len(right)] == right:
            return True
        offset = right.find(left, offset + 1)
    return False


def replace_all(text: str, left: str, right: str) -> str:
    """`text` with each standalone `left` replaced by `right`."""
    out, i = [], 0
    while (j := text.find(left, i)) >= 0:
        keep = _inside(text, j, left, right)
        out.append(text[i:j] + (left if keep else right))
        i = j + len(left)
    return "".join(out) + text[i:]


def plan_forms(text: str) -> tuple[str, list[Rewrite]]:
    """`text` with every colloquial form replaced by the plan's (longest forms first)."""
    rewrites: list[Rewrite] = []
    for left, right in sorted(table()["replace"].items(), key=lambda lr: -len(lr[0])):
        if left in text:
            new = replace_all(text, left, right)
            if new != text:
                rewrites.append(("synonym", left, right))
                text = new
    return text, rewrites


def alternatives(words: list[str]) -> list[tuple[str, str]]:
    """(word, other form) for each word of `words` the data file expands."""
    expand = table()["expand"]
    return [(w, expand[w]) for w in words if w in expand]
