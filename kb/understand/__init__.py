"""What a query means, before it is searched or answered — shared by search and ask.

    understander = Understander(plan_text)
    seen = understander("最底開採規模 三十万吨")
    seen.text        # "最低开采规模 30万吨"
    seen.rewrites    # traditional, typo, numeral … each {kind, label, from, to}

Rewrites, in order: traditional → simplified (kb.understand.convert), colloquial and domain
forms → the plan's (kb.understand.synonyms, a data file), Chinese numerals → digits, homophone
typos → the plan's own words (kb.understand.correct). Every rewrite is reported, so the user
sees what was searched for; a typo correction is also offered as 您是不是要找.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from typing import Any

from kb.understand.convert import Rewrite, numerals, simplified
from kb.understand.correct import Corrector
from kb.understand.synonyms import alternatives, plan_forms
from kb.vocabulary import REWRITE_KINDS

MAX_CHARS = 500  # longer text is left as it is (the parser refuses it with a message)


@dataclass
class Understanding:
    original: str
    text: str
    rewrites: list[Rewrite] = field(default_factory=list)
    did_you_mean: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "rewrites": [
                {"kind": k, "label": REWRITE_KINDS[k], "from": a, "to": b}
                for k, a, b in self.rewrites
            ],
            "did_you_mean": self.did_you_mean,
        }


def plan_text(library: Any) -> str:
    """Every clause of a library with its headings: what typos are corrected against."""
    parts = []
    for clause_id in library.order:
        clause, _ = library.get(clause_id)
        parts.append(" ".join([*clause.path, clause.title or "", clause.text]))
    return "\n".join(parts)


class Understander:
    """Rewrites queries against one plan text (the corpus of a KB)."""

    def __init__(self, hay: str, tokens: Callable[[str], list[str]], ignored: Collection[str] = ()):
        self.hay = hay
        self.corrector = Corrector(hay, tokens, ignored)

    def __call__(self, text: Any) -> Understanding:
        if not isinstance(text, str) or not text.strip() or len(text) > MAX_CHARS:
            return Understanding(text, text)
        rewrites: list[Rewrite] = []
        out = text
        for step in (simplified, plan_forms, numerals):
            out, made = step(out)
            rewrites += made
        out, fixes = self.corrector.correct(out)
        rewrites += [("typo", a, b) for a, b in fixes]
        out = self._expanded(out, rewrites)
        return Understanding(text, out, rewrites, out if fixes else None)

    @staticmethod
    def _expanded(text: str, rewrites: list[Rewrite]) -> str:
        """Each whole word the data file expands, as `word OR other`."""
        words = text.split()
        found = dict(alternatives(words))
        if not found:
            return text
        for word, other in found.items():
            rewrites.append(("expand", word, f"{word} OR {other}"))
        return " ".join(f"{w} OR {found[w]}" if w in found else w for w in words)
