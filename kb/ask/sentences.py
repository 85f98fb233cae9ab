"""The plan's clauses cut into sentences (at 。；！？), each with its clause's headings, and
chosen for a question by the names and keywords it holds. A fact is always one such sentence
(or a table row), verbatim, with its clause's citation."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from kb.documents import Library

_END = re.compile(r"[^。；！？]+[。；！？]?")
UNIT = (
    r"万立方米/年|万吨/年|万平方千米|平方千米|万立方米|亿吨|万吨|吨|亿元|万元|%|个|处|家|种|类|幅"
    r"|年|m|米"
)
NUMBER = r"(?:≤|≥|<|>)?\d+(?:\.\d+)?(?:\s*[-~]\s*\d+(?:\.\d+)?)?"
QUANTITY = re.compile(rf"({NUMBER})\s*({UNIT})(?:\s*(以上|以下|以内|左右|以浅))?")


@dataclass(frozen=True)
class Sentence:
    clause_id: str
    text: str
    heading: str  # the clause's headings and lead sentence, for names the sentence leaves out
    order: int
    flat: str  # the text without spaces (the PDF put spaces around figures: 30 万吨)
    start: int  # offsets in the clause text
    end: int

    def holds(self, word: str) -> bool:
        return word in self.flat

    def near(self, word: str) -> bool:
        return word in self.flat or word in self.heading

    def quantities(self) -> list[re.Match[str]]:
        return list(QUANTITY.finditer(self.text))


_MARKS = str.maketrans("", "", "“”‘’\"'「」『』《》")


def squeezed(text: str) -> str:
    """`text` without spaces and quotation marks, as words are looked for in it (the plan
    quotes its slogans: 砂石土矿“净矿”出让 holds 净矿出让)."""
    return "".join(text.split()).translate(_MARKS)


def _pieces(text: str, pieces: list[str]):
    """Each piece with its offset, as a match-like (group, start) pair."""
    at = 0
    for piece in pieces:
        start = text.find(piece, at)
        at = start + len(piece)
        yield _Piece(piece, start)


@dataclass(frozen=True)
class _Piece:
    text: str
    at: int

    def group(self, _: int = 0) -> str:
        return self.text

    def start(self) -> int:
        return self.at


class Sentences:
    """Every sentence of every clause, in reading order."""

    def __init__(self, library: Library):
        self.library = library
        self.all: list[Sentence] = []
        for clause_id in library.order:
            clause, _ = library.get(clause_id)
            heading = squeezed("".join([*clause.path, clause.title or ""]))
            pieces = [clause.text] if clause.fields else _END.findall(clause.text)
            for match in _pieces(clause.text, pieces):
                text = match.group(0).strip()
                if len(text) > 1:
                    flat = squeezed(text)
                    start = match.start() + match.group(0).index(text)
                    sentence = Sentence(
                        clause_id, text, heading, len(self.all), flat, start, start + len(text)
                    )
                    self.all.append(sentence)

    def citation(self, clause_id: str) -> dict[str, Any]:
        return self.library.clause_dict(*self.library.get(clause_id))["citation"]

    def fact(self, sentence: Sentence) -> dict[str, Any]:
        return {"text": sentence.text, "citation": self.citation(sentence.clause_id)}

    def section(self, sentence: Sentence) -> str:
        """The title of the section (or box) a sentence stands in."""
        clause, _ = self.library.get(sentence.clause_id)
        return clause.path[-1].partition(" ")[2] or clause.path[-1] if clause.path else ""

    def whole(self, sentence: Sentence) -> dict[str, Any]:
        """The fact of the full sentence (up to 。) that `sentence` begins."""
        clause, _ = self.library.get(sentence.clause_id)
        end = sentence.end
        for other in self.all[sentence.order + 1 :]:
            if other.clause_id != sentence.clause_id or clause.text[end - 1] in "。！？":
                break
            end = other.end
        text = clause.text[sentence.start : end]
        return {"text": text, "citation": self.citation(sentence.clause_id)}

    def ranked(
        self,
        keywords: list[str],
        names: list[list[str]],
        quantity: bool = False,
        nearby: Sequence[str] = (),
    ) -> list[tuple[float, Sentence]]:
        """Sentences near every one of `names` (each a list of alternative names), scored by
        the share of `keywords` they hold (in the sentence 1, in its headings ½), best first,
        the shorter first among equals; holding one of `nearby` (a region) scores more.
        With `quantity`, only sentences holding a figure with a unit."""
        out = []
        for s in self.all:
            if not all(any(s.near(n) for n in alts) for alts in names):
                continue
            if quantity and not s.quantities():
                continue
            score = sum(1.0 if s.holds(k) else 0.5 if k in s.heading else 0.0 for k in keywords)
            score = score / len(keywords) if keywords else 0.5
            score += 0.1 * sum(any(s.holds(n) for n in alts) for alts in names)
            score += 0.3 if any(s.holds(n) for n in nearby) else 0.0
            out.append((round(score, 6), s))
        out.sort(key=lambda pair: (-pair[0], len(pair[1].flat), pair[1].order))
        return out

    def holding(self, text: str) -> Sentence | None:
        """The first sentence that holds `text`."""
        return next((s for s in self.all if text in s.text or text in s.flat), None)
