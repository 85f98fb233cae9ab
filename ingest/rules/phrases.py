"""Sentences and phrases of a clause, and what one phrase says: its modal word, its quantities,
its condition and exception (verbatim), its actions and mine classes.

A sentence runs up to ；or 。(the unit a rule cites); a phrase is a comma piece of a sentence
(not splitting inside brackets).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from ingest.quantities import find_quantities
from ingest.rules.vocabulary import Hit, Vocabulary

QUALIFIER = "原则上"
BANS = ("forbidden", "restricted")
_LEAD_CONDITION = re.compile(r"[^，；。的]{2,30}?的")


def pieces(text: str, start: int, end: int, stops: str) -> Iterator[tuple[int, int]]:
    """(start, end) of the pieces of text[start:end] cut after each of `stops` outside brackets."""
    depth = 0
    lo = start
    for i in range(start, end):
        ch = text[i]
        depth += ch in "（(“"
        depth -= ch in "）)”"
        if ch in stops and depth <= 0:
            yield lo, i + 1
            lo = i + 1
    if text[lo:end].strip():
        yield lo, end


def sentences(text: str, start: int = 0) -> Iterator[tuple[int, int]]:
    """Sentences of `text` from `start`: up to and including ；or 。."""
    yield from pieces(text, start, len(text), "；。")


def phrases(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Comma pieces of one sentence, without their trailing punctuation."""
    out = []
    for lo, hi in pieces(text, start, end, "，"):
        while hi > lo and text[hi - 1] in "，；。":
            hi -= 1
        if hi > lo:
            out.append((lo, hi))
    return out


@dataclass
class Phrase:
    """What one comma piece says; offsets into the clause text."""

    start: int
    end: int
    modal: Hit | None
    quantities: list[dict[str, Any]]
    kind: str | None  # the modality this phrase sets, or None
    condition: str | None = None
    exception: str | None = None
    actions: list[str] = field(default_factory=list)


def read_phrase(text: str, span: tuple[int, int], vocab: Vocabulary) -> Phrase:
    start, end = span
    hits = vocab.modal.scan(text, start, end)
    modal = next((h for h in hits if h.word != QUALIFIER), hits[0] if hits else None)
    quantities = find_quantities(text, start, end, vocab)
    words = text[start:end]
    kind = modal.value if modal else None
    limit = any(q["limit"] for q in quantities)
    if words.endswith("的"):
        kind = None  # a condition (储量规模为中型以上的) states no rule of its own
    elif quantities and kind in (None, "required", "restricted"):
        if any(w in words for w in vocab.target_words):
            kind = "target"
        elif limit or any(w in words for w in vocab.quota_words):
            kind = "quota"
    phrase = Phrase(start, end, modal, quantities, kind)
    phrase.exception = exception_in(words, vocab)
    phrase.condition = condition_in(text, phrase, vocab)
    phrase.actions = actions_in(text, start, end, vocab)
    return phrase


def exception_in(words: str, vocab: Vocabulary) -> str | None:
    for pattern in vocab.exceptions:
        found = pattern.search(words)
        if found:
            return found.group().strip("（）")
    return None


def condition_in(text: str, phrase: Phrase, vocab: Vocabulary) -> str | None:
    """A condition inside the phrase: a listed phrase (同等条件下), …的 before its modal word
    (…调整的必须按照…), the kind of mine a ban is on (禁止建设…安全无保障的矿山), or …的 leading a
    phrase with no modal word (具备…条件的转为地下开采)."""
    words = text[phrase.start : phrase.end]
    for listed in vocab.condition_phrases:
        if listed in words:
            return listed
    if phrase.modal:
        head = text[phrase.start : phrase.modal.start].removesuffix(QUALIFIER).strip()
        if head.endswith("的") and len(head) > 1:
            return head
        kind = vocab.kind_of_mine.match(text, phrase.modal.end, phrase.end)
        return kind["kind"] if kind and phrase.kind in BANS else None
    lead = _LEAD_CONDITION.match(words.strip())
    return lead.group() if lead and len(lead.group()) < len(words.strip()) else None


def actions_in(text: str, start: int, end: int, vocab: Vocabulary) -> list[str]:
    return list(dict.fromkeys(h.value for h in vocab.actions.scan(text, start, end) if h.value))


def mine_classes_in(text: str, start: int, end: int, vocab: Vocabulary) -> list[str]:
    return list(dict.fromkeys(h.word for h in vocab.mine_classes.scan(text, start, end)))
