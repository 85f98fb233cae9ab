"""The query syntax a clerk types, parsed by hand into whoosh query objects.

    菱镁矿 开采规模        words separated by spaces are all required
    "绿色矿山建设"         a quoted phrase (also “…”, 「…」) must appear exactly as written
    硼 -硼泥               -word (or -"phrase") excludes clauses that contain it
    硼 OR 金 丹东          OR (or |) between two words accepts either: (硼 or 金) and 丹东

Any string is a valid query: quotes need not be balanced, stray operators are ignored, whoosh
syntax (title:x, *, ~) and markup are plain text. It gives results, or BadQuery with a message.

A word is found wherever its characters stand next to each other (菱镁 finds 菱镁矿), in the
text, the lead sentence or the heading path; whole jieba words, lead sentences and headings score
higher than character fragments. A run of Chinese without spaces is split into jieba words that
are all required (3000万吨 finds …≤3000 with the unit 万吨), and scores more where the whole run
stands as written. Names of regions, minerals and zone types also find their aliases (丹东市 →
丹东, 硼 → 硼矿/B₂O₃) at a lower weight, and clauses where the entity is recognised score higher.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from whoosh import query as wq

from kb.errors import BadQuery
from kb.lexicon import Lexicon
from kb.search.analyzer import CharTokenizer, WordTokenizer, is_word_char, normalize

MAX_QUERY_CHARS = 500
MAX_TERMS = 32
QUOTES = '"“”＂「」『』'
MINUS = "-－–—"
OR_WORDS = ("OR", "|", "｜")
# Question words and particles dropped from a run of Chinese that has other words in it, so
# 丹东有哪些硼矿重点勘查区 asks for 丹东 硼矿 重点勘查区.
STOPWORDS = frozenset(
    "的 了 吗 呢 吧 啊 是 有 都 也 请问 哪些 哪个 哪里 什么 多少 几 如何 怎么 怎样 为什么"
    " 是否 有没有 关于 规定 之 几个 多少个 能不能 能否 可不可以 是不是 在哪 哪一章 哪章".split()
)
# Query-side weights per field (BM25F scores are multiplied by these).
BOOST = {"title": 3.0, "heading": 1.5, "body": 1.0, "chars": 0.3}
CHAR_FIELDS = ("chars",)  # every character of a clause and its headings
WORD_FIELDS = ("title", "heading", "body")
ALIAS = 0.4  # weight of a match through an alias (丹东市 → 丹东)
LITERAL = 20.0  # flat bonus: the name stands as the clerk wrote it, so aliases never drown it
ENTITY = 2.0  # the clause mentions the entity (recognised by the gazetteers)
EXACT = 30.0  # flat bonus: the whole run of Chinese stands as written


@dataclass(frozen=True)
class Atom:
    """A word (a run of text without spaces) or a quoted phrase."""

    text: str
    phrase: bool = False


@dataclass
class Parsed:
    """Groups that are all required, each a list of alternatives joined by OR; exclusions."""

    groups: list[list[Atom]] = field(default_factory=list)
    excluded: list[Atom] = field(default_factory=list)


def has_words(text: str) -> bool:
    return any(is_word_char(c) for c in normalize(text)[0])


def _scan(text: str) -> list[tuple[str, bool, bool]]:
    """(text, quoted, negated) pieces of a query, in order."""
    pieces, i, n = [], 0, len(text)
    while i < n:
        if text[i].isspace():
            i += 1
            continue
        negated = text[i] in MINUS
        while i < n and text[i] in MINUS:
            i += 1
        quoted = i < n and text[i] in QUOTES
        start = i + 1 if quoted else i
        stop = start
        while stop < n and text[stop] not in QUOTES and (quoted or not text[stop].isspace()):
            stop += 1
        pieces.append((text[start:stop], quoted, negated))
        i = stop + 1 if quoted else stop
    return pieces


def parse(text: str) -> Parsed:
    """The structure of a query; BadQuery when nothing in it can be searched for."""
    if not isinstance(text, str) or not text.strip():
        raise BadQuery("请输入要查找的词语。Enter one or more words to search for.")
    if len(text) > MAX_QUERY_CHARS:
        raise BadQuery(
            f"查询过长（{len(text)} 字），请缩短到 {MAX_QUERY_CHARS} 字以内。"
            f"The query is too long: keep it under {MAX_QUERY_CHARS} characters."
        )
    parsed, pending_or = Parsed(), False
    for piece, quoted, negated in _scan(text):
        if not quoted and not negated and piece in OR_WORDS:
            pending_or = bool(parsed.groups)
            continue
        if not has_words(piece):
            continue
        atom = Atom(piece, quoted)
        if negated:
            parsed.excluded.append(atom)
        elif pending_or:
            parsed.groups[-1].append(atom)
        else:
            parsed.groups.append([atom])
        pending_or = False
    return _checked(parsed)


def _checked(parsed: Parsed) -> Parsed:
    if not parsed.groups:
        if parsed.excluded:
            raise BadQuery(
                "查询中只有排除词（-词语）：请再输入至少一个要查找的词。"
                "Only excluded words: add a word to search for."
            )
        raise BadQuery(
            "查询中没有可查找的文字（只有标点或符号）。"
            "The query has no letters, digits or Chinese characters to search for."
        )
    if sum(map(len, parsed.groups)) + len(parsed.excluded) > MAX_TERMS:
        raise BadQuery(f"查询词过多：最多 {MAX_TERMS} 个。Too many words: at most {MAX_TERMS}.")
    return parsed


@dataclass
class Compiled:
    """A whoosh query, what to highlight in the hits, and what relaxing would loosen.

    `marks` holds one list per thing searched for: the text as the clerk wrote it, then the
    parts or aliases to mark in a clause where it does not stand as written.
    """

    query: wq.Query = field(default_factory=wq.NullQuery)
    marks: list[list[str]] = field(default_factory=list)
    relaxable: bool = False
    units: list[list[str]] = field(default_factory=list)  # relaxed: each loosened word's names


class QueryBuilder:
    """Turns a Parsed query into whoosh queries over the fields of kb.search.index."""

    def __init__(self, words: WordTokenizer, lexicon: Lexicon | None = None):
        self.words = words
        self.chars = CharTokenizer()
        self.lexicon = lexicon

    def build(self, parsed: Parsed, relax: bool = False) -> Compiled:
        """All groups required; with `relax`, any group or any word of a run of Chinese will do,
        and clauses holding more of them rank first."""
        out = Compiled()
        groups = [wq.Or([self._atom(a, out, relax) for a in g]) for g in parsed.groups]
        combine = wq.Or if relax else wq.And
        query: wq.Query = combine(groups) if len(groups) > 1 else groups[0]
        if parsed.excluded:
            query = wq.AndNot(query, wq.Or([self.literal(a.text) for a in parsed.excluded]))
        out.query = query.normalize()
        out.relaxable = len(parsed.groups) > 1 or any(
            len(self._words(a.text)) > 1 for g in parsed.groups for a in g if not a.phrase
        )
        return out

    def _atom(self, atom: Atom, out: Compiled, relax: bool) -> wq.Query:
        if atom.phrase:
            out.marks.append([atom.text])
            return self.literal(atom.text)
        words = [atom.text] if self._entity(atom.text) else self._words(atom.text)
        if relax and len(words) > 1:  # single characters are mostly debris here (菱镁矿|山)
            words = [w for w in words if len(w) > 1] or words
        units = [self.unit(w) for w in words]
        names = [name for _, unit_names in units for name in unit_names]
        if relax:
            out.units.extend(unit_names for _, unit_names in units)
        if len(units) == 1:
            out.marks.append(names)
            return units[0][0]
        out.marks.append([atom.text, *names])
        core = (wq.Or if relax else wq.And)([query for query, _ in units])
        exact = wq.ConstantScoreQuery(self.literal(atom.text, fields=CHAR_FIELDS), EXACT)
        return wq.AndMaybe(core, exact)

    def _words(self, text: str) -> list[str]:
        words = self.words.tokens(text)
        kept = [w for w in words if w not in STOPWORDS]
        return kept or words

    def _entity(self, name: str) -> tuple[str, str, list[str]] | None:
        """(facet, canonical name, every name) of the one entity called `name`, else None."""
        found = self.lexicon.candidates(name) if self.lexicon is not None else []
        if len(found) != 1:
            return None
        kind, canonical = found[0]
        return kind, canonical, self.lexicon.aliases(canonical, kind)

    def unit(self, text: str) -> tuple[wq.Query, list[str]]:
        """One word and the names it is found by (the word, then its aliases).

        A name of the gazetteers is found as written (a flat bonus, so its aliases never drown
        it), as a whole word, and through its other names as whole words at a lower weight
        (丹东市 → 丹东, 硼 → B2O3; not 铁 inside 铁岭); clauses where the gazetteers recognised
        the entity score higher.
        """
        entity = self._entity(text)
        if entity is None:
            return self.literal(text), [text]
        facet, canonical, names = entity
        key = self._key(text)
        aliases = [n for n in names if self._key(n) and key not in self._key(n)]
        as_written = wq.ConstantScoreQuery(self.literal(text, fields=CHAR_FIELDS), LITERAL)
        found = wq.Or(
            [
                as_written,
                self.literal(text, fields=WORD_FIELDS),
                *(self.literal(a, ALIAS, fields=WORD_FIELDS) for a in aliases),
            ]
        )
        return wq.AndMaybe(found, wq.Term(facet, canonical, boost=ENTITY)), [text, *aliases]

    def _key(self, text: str) -> str:
        return "".join(self.chars.tokens(text))

    def literal(
        self, text: str, scale: float = 1.0, fields: tuple[str, ...] = CHAR_FIELDS + WORD_FIELDS
    ) -> wq.Query:
        """`text` as written: its characters in a row anywhere, or its words in a row."""
        tokens = {"chars": self.chars.tokens(text), "words": self.words.tokens(text)}
        found = [
            self._seq(f, tokens["chars" if f in CHAR_FIELDS else "words"], BOOST[f] * scale)
            for f in fields
        ]
        return wq.Or([q for q in found if q is not None])

    @staticmethod
    def _seq(fieldname: str, tokens: list[str], boost: float) -> wq.Query | None:
        if not tokens:
            return None
        if len(tokens) == 1:
            return wq.Term(fieldname, tokens[0], boost=boost)
        return wq.Phrase(fieldname, tokens, boost=boost)


def describe(parsed: Parsed) -> dict[str, Any]:
    """The query as understood, for the JSON answer and the page."""
    return {
        "all": [[{"text": a.text, "phrase": a.phrase} for a in g] for g in parsed.groups],
        "excluded": [{"text": a.text, "phrase": a.phrase} for a in parsed.excluded],
    }
