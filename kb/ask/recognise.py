"""The things a question names: regions, minerals, zone types, zones, indicators and policy
terms, through the KB's lexicon (aliases included: 丹东 → 丹东市, 硼 → 硼矿), and the keywords
left over to choose sentences by."""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from typing import Any

from kb.lexicon import Lexicon

SHORTEST_INNER = 2  # names found inside a longer word must have at least two characters


@dataclass
class Entities:
    regions: list[str] = field(default_factory=list)
    minerals: list[str] = field(default_factory=list)
    zone_types: list[str] = field(default_factory=list)
    zones: list[str] = field(default_factory=list)
    indicators: list[str] = field(default_factory=list)
    terms: list[str] = field(default_factory=list)
    keywords: list[str] = field(default_factory=list)  # as written, in question order
    ambiguous: dict[str, list[str]] = field(default_factory=dict)  # word → the names it may mean
    written: dict[str, str] = field(default_factory=dict)  # canonical name → as written
    last: tuple[str, str] | None = None  # (kind, name) of the last thing named: what is asked

    def to_dict(self) -> dict[str, Any]:
        keys = ("regions", "minerals", "zone_types", "zones", "indicators", "terms", "keywords")
        return {k: getattr(self, k) for k in keys}

    def empty(self) -> bool:
        """Nothing named and no keyword: the question asks about nothing findable."""
        return not any(self.to_dict().values())

    def add(self, kind: str, name: str, written: str) -> None:
        names = getattr(self, {"zone_type": "zone_types"}.get(kind, kind + "s"))
        if name not in names:
            names.append(name)
        self.written.setdefault(name, written)
        self.last = (kind, name)


class Recogniser:
    """Names in a question, by whole jieba words first, then by names inside a word."""

    def __init__(
        self,
        lexicon: Lexicon,
        tokens: Callable[[str], list[str]],
        zones: dict[str, str],
        indicators: Collection[str],
        terms: Collection[str],
        ignored: Collection[str],
    ):
        self.lexicon = lexicon
        self.tokens = tokens
        self.zones = zones  # zone name (and name without 辽宁/（国家级）) → zone id
        self.indicators = set(indicators)
        self.terms = set(terms)
        self.ignored = ignored
        self.longest = max(map(len, lexicon.surfaces()), default=1)

    def __call__(self, text: str) -> Entities:
        found = Entities()
        for token in self.tokens(text):
            if token in self.ignored:
                continue
            if not self._name(token, found):
                self._inner(token, found)
                if len(token) >= SHORTEST_INNER:
                    found.keywords.append(token)
                    found.last = ("keyword", token)
        for name in self.indicators:
            if name in text:
                found.indicators.append(name)
        return found

    def _name(self, word: str, found: Entities) -> bool:
        candidates = self.lexicon.candidates(word)
        if len(candidates) == 1:
            kind, name = candidates[0]
            found.add(kind, name, word)
            return True
        if len(candidates) > 1:
            found.ambiguous[word] = [name for _, name in candidates]
            return True
        if word in self.zones:
            found.zones.append(self.zones[word])
            found.keywords.append(word)
            found.last = ("zone", self.zones[word])
            return True
        if word in self.terms:
            found.terms.append(word)
            found.keywords.append(word)
            found.last = ("keyword", word)
            return True
        return False

    def _inner(self, word: str, found: Entities) -> None:
        """Names standing inside `word` (菱镁矿 in 菱镁矿山), longest first, not overlapping."""
        i = 0
        while i < len(word):
            for n in range(min(self.longest, len(word) - i), SHORTEST_INNER - 1, -1):
                piece = word[i : i + n]
                if n < len(word) and len(self.lexicon.candidates(piece)) == 1:
                    kind, name = self.lexicon.candidates(piece)[0]
                    found.add(kind, name, piece)
                    i += n
                    break
            else:
                i += 1
