"""The rule extractor's vocabulary, read from `ingest/data/rules.toml` (modal words, action
words, comparators, units): data, not code, so a reader can check it against the plan."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

MODAL = ("forbidden", "restricted", "required", "encouraged", "priority")
VOCABULARY_FILE = Path(__file__).parent.parent / "data" / "rules.toml"


@dataclass(frozen=True)
class Hit:
    """One word found in a text: its span and what it stands for (None for a blocker)."""

    start: int
    end: int
    word: str
    value: str | None


class WordScanner:
    """Leftmost-longest matching of words → values; blockers (value None) claim characters."""

    def __init__(self, words: dict[str, str | None]):
        self.words = words
        self.lengths = sorted({len(w) for w in words}, reverse=True)

    def scan(self, text: str, start: int = 0, end: int | None = None) -> list[Hit]:
        """Every non-blocker hit in text[start:end], in order."""
        end = len(text) if end is None else end
        out: list[Hit] = []
        i = start
        while i < end:
            hit = self._at(text, i, end)
            if hit is None:
                i += 1
                continue
            if hit.value:  # None or "" marks a blocker
                out.append(hit)
            i = hit.end
        return out

    def _at(self, text: str, i: int, end: int) -> Hit | None:
        for n in self.lengths:
            word = text[i : i + n]
            if i + n <= end and word in self.words:
                return Hit(i, i + n, word, self.words[word])
        return None


@dataclass(frozen=True, eq=False)
class Vocabulary:
    modal: WordScanner  # modal word → modality
    actions: WordScanner  # action word → action
    mine_classes: WordScanner
    quota_words: tuple[str, ...]
    target_words: tuple[str, ...]
    before_mineral: tuple[str, ...]
    condition_phrases: tuple[str, ...]
    exceptions: tuple[re.Pattern[str], ...]
    lead_condition: re.Pattern[str]
    after_condition: tuple[str, ...]
    kind_of_mine: re.Pattern[str]
    mineral_list: re.Pattern[str]
    item_endings: tuple[str, ...]
    needs: dict[str, str]
    quantities: dict[str, Any]


def kind_pattern(conditions: dict[str, Any]) -> re.Pattern[str]:
    """建设 + …的 + 矿山: the …的 that says which mines a ban is on."""
    verbs = "|".join(map(re.escape, conditions["kind_verbs"]))
    nouns = "|".join(map(re.escape, conditions["kind_nouns"]))
    return re.compile(rf"(?:{verbs})(?P<kind>[^，；。]{{2,40}}?的)(?:{nouns})")


@cache
def vocabulary(path: Path = VOCABULARY_FILE) -> Vocabulary:
    """The vocabulary of `path` (cached: one read per build)."""
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    modal: dict[str, str | None] = {w: None for w in data["modality"]["blockers"]}
    for modality in MODAL:
        modal.update({w: modality for w in data["modality"][modality] if w not in modal})
    classes = data["subjects"]["mine_classes"]
    return Vocabulary(
        modal=WordScanner(modal),
        actions=WordScanner(dict(data["actions"])),
        mine_classes=WordScanner({w: w for w in classes}),
        quota_words=tuple(data["modality"]["quota_words"]),
        target_words=tuple(data["modality"]["target_words"]),
        before_mineral=tuple(data["conditions"]["before_mineral"]),
        condition_phrases=tuple(data["conditions"]["phrases"]),
        exceptions=tuple(re.compile(p) for p in data["conditions"]["exception"]),
        lead_condition=re.compile(data["conditions"]["lead"]),
        after_condition=tuple(data["conditions"]["after_condition"]),
        kind_of_mine=kind_pattern(data["conditions"]),
        mineral_list=re.compile(data["continuation"]["mineral_list"]),
        item_endings=tuple(data["continuation"]["item_endings"]),
        needs=dict(data["needs"]),
        quantities=data["quantities"],
    )
