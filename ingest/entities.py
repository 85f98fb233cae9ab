"""Entity mentions: every region, mineral, zone type and zone named in every clause.

A spaCy pipeline — `spacy.blank("zh")` with the jieba segmenter and the domain words — plus two
rule-based components fed from the gazetteers and the zone records. Matching runs at character
level (jieba glues 丹东市, 岫岩县, 磁铁矿 into words that token patterns miss) and the spans are
then mapped onto the jieba tokens, kept in ``doc.spans["plankb"]``.

Longest match wins, and blockers (资金, 金属, 钢铁, 西鞍山 …) claim their characters first.
A single-character alias (铁, 金, 硼, 煤 …) counts only in a list or before a word such as 资源 or
金属量 (铁、金、硼等; 铁-金-铜; 新增铁资源量; 以硼为主; 硼和铁分离), never in 铁岭, 资金 or 硼泥.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import jieba
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from ingest.gazetteer import Gazetteer
from ingest.places import outside_units
from kb.lexicon import Lexicon
from kb.model import Document
from kb.search.analyzer import jieba_for

jieba.setLogLevel(logging.WARNING)

SPAN_KEY = "plankb"
MENTIONS = "plankb.mentions"  # key of doc.user_data: the exact character-level mentions
FOLLOW_CHARS = set("、，。；：,;:-－—）)”")
FOLLOW_WORDS = ("和", "及", "与", "等", "为", "资源", "金属量", "多金属", "成矿")
JOINERS = set("、和及与-－—")
EXCLUSION = re.compile(r"除(?P<what>[^，。；除]+?)以?外")  # 鞍山市（除海城市、岫岩县外）
ZONE_SUFFIX = "（国家级）"
MIN_ZONE_SURFACE = 4
Record = dict[str, Any]


@dataclass(frozen=True)
class Match:
    """One character-level match; `targets` is empty for a blocker."""

    start: int
    end: int
    targets: tuple[tuple[str, str], ...]

    @property
    def single(self) -> bool:
        return self.end - self.start == 1


class TermTable:
    """Surface forms → (type, canonical name) targets, matched leftmost-longest."""

    def __init__(
        self,
        surfaces: dict[str, list[tuple[str, str]]],
        blockers: Iterable[str] = (),
        place_words: dict[str, list[str]] | None = None,
    ):
        self.place_words = place_words or {}  # unit words that make a name not a place
        self.surfaces = {s: tuple(t) for s, t in surfaces.items() if s}
        for word in blockers:
            self.surfaces.setdefault(word, ())
        self.lengths: dict[str, list[int]] = {}
        for surface in self.surfaces:
            self.lengths.setdefault(surface[0], []).append(len(surface))
        for first, lengths in self.lengths.items():
            self.lengths[first] = sorted(set(lengths), reverse=True)

    @classmethod
    def from_lexicon(cls, lexicon: Lexicon) -> TermTable:
        data = lexicon.data
        return cls(lexicon.surfaces(), data.get("blockers", []), data.get("place_words"))

    def longest(self, text: str, i: int) -> Match | None:
        for n in self.lengths.get(text[i], ()):
            if i + n > len(text):
                continue
            targets = self.surfaces.get(text[i : i + n])
            if targets is not None:
                return Match(i, i + n, targets)
        return None

    def scan(self, text: str) -> list[Match]:
        """Leftmost-longest matches of `text`, blockers included."""
        out: list[Match] = []
        i = 0
        while i < len(text):
            match = self.longest(text, i)
            if match is None:
                i += 1
                continue
            out.append(match)
            i = match.end
        return out


def _follows_ok(text: str, end: int) -> bool:
    return end >= len(text) or text[end] in FOLLOW_CHARS or text.startswith(FOLLOW_WORDS, end)


def _is_mineral(match: Match) -> bool:
    return any(kind == "mineral" for kind, _ in match.targets)


def accept_singles(text: str, matches: list[Match]) -> list[Match]:
    """Drop single-character matches that are not in a list or before a mineral word.

    A single character is kept when the text after it ends a list item (、 - 等 资源 金属量 …),
    when a kept mineral follows it directly (铅锌, 煤硅灰石), or when it follows a kept mineral
    and a joiner (硼和铁).
    """
    kept = [not m.single for m in matches]
    changed = True
    while changed:
        changed = False
        for i, m in enumerate(matches):
            if kept[i] or not _is_mineral(m):
                continue
            if _single_ok(text, matches, kept, i):
                kept[i] = changed = True
    return [m for m, k in zip(matches, kept, strict=True) if k]


def _single_ok(text: str, matches: list[Match], kept: list[bool], i: int) -> bool:
    m = matches[i]
    if _follows_ok(text, m.end):
        return True
    nxt = i + 1 < len(matches) and matches[i + 1]
    if nxt and kept[i + 1] and nxt.start == m.end and _is_mineral(nxt):
        return True
    prev = i > 0 and matches[i - 1]
    return bool(
        prev
        and kept[i - 1]
        and _is_mineral(prev)
        and prev.end == m.start - 1
        and text[prev.end] in JOINERS
    )


def find_mentions(text: str, table: TermTable) -> list[dict[str, Any]]:
    """Region, mineral and zone-type mentions of `text`, offsets into `text`; a region inside a
    geological unit's name (铁岭-靖宇次级隆起) is none."""
    matches = accept_singles(text, table.scan(text))
    found = [
        {"type": kind, "name": name, "text": text[m.start : m.end], "start": m.start, "end": m.end}
        for m in matches
        for kind, name in m.targets
    ]
    return outside_units(text, found, table.place_words)


def zone_surfaces(name: str, table: TermTable, provinces: Iterable[str] = ()) -> list[str]:
    """The forms a zone is named by: the row name, without a leading province name (辽宁, of
    `provinces`) and without （国家级）; not forms made only of region names (辽宁阜新, 辽宁铁法),
    which name the region too."""
    forms = {name, name.removesuffix(ZONE_SUFFIX)}
    forms |= {f.removeprefix(p) for f in forms for p in provinces if f.startswith(p)}
    return sorted(f for f in forms if len(f) >= MIN_ZONE_SURFACE and not _only_regions(f, table))


def _only_regions(text: str, table: TermTable) -> bool:
    regions = [m for m in find_mentions(text, table) if m["type"] == "region"]
    return sum(m["end"] - m["start"] for m in regions) == len(text)


def zone_table(
    zones: Iterable[Record], table: TermTable, provinces: Iterable[str] = ()
) -> TermTable:
    """A table of the zone names (`zones`: records with id and name)."""
    surfaces: dict[str, list[tuple[str, str]]] = {}
    for zone in zones:
        for form in zone_surfaces(zone["name"], table, provinces):
            surfaces.setdefault(form, []).append(("zone", zone["id"]))
    return TermTable(surfaces)


# -- spaCy components --------------------------------------------------------------------------


class _CharMatcher:
    """Marks character-level matches of a TermTable on the doc and maps them onto tokens."""

    def __init__(self, nlp: Language, name: str, span_key: str = SPAN_KEY):
        self.name = name
        self.span_key = span_key
        self.table: TermTable | None = None
        self.names: dict[str, str] = {}

    def find(self, text: str) -> list[dict[str, Any]]:
        raise NotImplementedError

    def __call__(self, doc: Doc) -> Doc:
        if self.table is None:
            raise ValueError(f"component {self.name!r} is not initialized")
        found = self.find(doc.text)
        doc.user_data.setdefault(MENTIONS, []).extend(found)
        group = doc.spans.setdefault(self.span_key, [])
        for m in found:
            span = doc.char_span(
                m["start"], m["end"], label=m["type"], kb_id=m["name"], alignment_mode="expand"
            )
            if span is not None:
                group.append(span)
        return doc


@Language.factory("plankb_gazetteer", default_config={"span_key": SPAN_KEY})
class GazetteerMatcher(_CharMatcher):
    """Regions, minerals and zone types of the lexicon (EntityRuler-style, character level)."""

    def initialize(
        self,
        get_examples: Any = None,
        *,
        nlp: Language | None = None,
        lexicon: Lexicon | None = None,
    ) -> None:
        if lexicon is None:
            raise ValueError("plankb_gazetteer needs the lexicon to initialize")
        self.table = TermTable.from_lexicon(lexicon)

    def find(self, text: str) -> list[dict[str, Any]]:
        return find_mentions(text, self.table)


@Language.factory("plankb_zones", default_config={"span_key": SPAN_KEY})
class ZoneMatcher(_CharMatcher):
    """Zones named in the text (辽宁岫岩西沟-小荒沟, 鞍山齐大山-西鞍山 …)."""

    def initialize(
        self,
        get_examples: Any = None,
        *,
        nlp: Language | None = None,
        lexicon: Lexicon | None = None,
        zones: Iterable[dict[str, Any]] = (),
    ) -> None:
        if lexicon is None:
            raise ValueError("plankb_zones needs the lexicon to initialize")
        zones = list(zones)
        self.names = {z["id"]: z["name"] for z in zones}
        table = TermTable.from_lexicon(lexicon)
        self.table = zone_table(zones, table, lexicon.province_names())

    def find(self, text: str) -> list[dict[str, Any]]:
        spans = [(m.start, m.end, zid) for m in self.table.scan(text) for _, zid in m.targets]
        keys = ("type", "name", "id", "text", "start", "end")
        rows = [("zone", self.names[z], z, text[i:j], i, j) for i, j, z in spans]
        return [dict(zip(keys, row, strict=True)) for row in rows]


def jieba_tokenizer(words: Iterable[str]) -> jieba.Tokenizer:
    """A jieba tokenizer of its own (the global `jieba.dt` is left alone) with `words` added:
    the very one the search index builds with, so the dictionary loads once per build."""
    return jieba_for(tuple(sorted(set(words))))


def pipeline(lexicon: Lexicon, zones: Iterable[dict[str, Any]] = ()) -> Language:
    """`spacy.blank("zh")` with jieba and the domain words, and the two matchers initialized."""
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
    nlp.tokenizer.jieba_seg = jieba_tokenizer(lexicon.words())
    nlp.add_pipe("plankb_gazetteer").initialize(lexicon=lexicon)
    nlp.add_pipe("plankb_zones").initialize(lexicon=lexicon, zones=list(zones))
    return nlp


def annotate(
    docs: Iterable[Document], gazetteer: Gazetteer | Lexicon, zones: Iterable[dict[str, Any]] = ()
) -> dict[str, list[dict[str, Any]]]:
    """Clause id → its mentions ({type, name, text, start, end, negated}; zones also carry
    their id), ordered by position; offsets into `clause.text`."""
    lexicon = gazetteer if isinstance(gazetteer, Lexicon) else Lexicon(gazetteer.lexicon())
    nlp = pipeline(lexicon, zones)
    clauses = [c for d in docs for c in d.clauses]
    out: dict[str, list[dict[str, Any]]] = {}
    for clause, doc in zip(clauses, nlp.pipe(c.text for c in clauses), strict=True):
        found = mark_exclusions(clause.text, doc.user_data.get(MENTIONS, []))
        out[clause.id] = sorted(found, key=lambda m: (m["start"], -m["end"], m["type"]))
    return out


def mark_exclusions(text: str, found: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Set "negated" on every mention: True inside 除…外 (鞍山市（除海城市、岫岩县外）,
    除石油、天然气以外), where the text names a thing to leave it out."""
    spans = [m.span("what") for m in EXCLUSION.finditer(text)]
    for m in found:
        m["negated"] = any(lo <= m["start"] and m["end"] <= hi for lo, hi in spans)
    return found
