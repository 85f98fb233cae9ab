"""Whoosh analyzers for Chinese planning text: jieba words and single characters.

Two token streams over the same text, both normalised the same way (NFKC, lower case, so
B₂O₃ = B2O3 = b2o3 and full-width ＡＢＣ = abc) and both skipping punctuation, spaces and
symbols:

- `WordTokenizer`: jieba's default (accurate) mode with the project's domain dictionary and
  *sequential* positions, so phrase queries work (jieba's stock ChineseAnalyzer uses search mode
  with character offsets as positions and stems with an English stemmer).
- `CharTokenizer`: one token per character, so any substring of the text can be found as a phrase
  of characters: 硼 finds 硼矿, 硼镁铁 and 硼泥; 区域地质 finds 区域地质矿产调查.

Every token carries `startchar`/`endchar` in the *original* text, so highlighting never splits a
character. Each jieba dictionary is loaded once per process and shared (it is read-only after
the domain words are added); the global `jieba.dt` is never touched.
"""

from __future__ import annotations

import logging
import unicodedata
from collections.abc import Iterator
from functools import lru_cache
from itertools import groupby

import jieba
from whoosh.analysis import Token, Tokenizer

jieba.setLogLevel(logging.WARNING)

_SKIPPED = ("P", "Z", "C", "S")  # punctuation, separators, control characters, symbols
SEPARATOR = "\u2029"  # joins the parts of one field (heading, title, text); phrases never cross it


def normalize(text: str) -> tuple[str, list[int]]:
    """`text` in NFKC lower case, with the index in `text` of every character it produced."""
    chars: list[str] = []
    origin: list[int] = []
    for i, ch in enumerate(text):
        norm = unicodedata.normalize("NFKC", ch).lower() if not ch.isascii() else ch.lower()
        chars.append(norm)
        origin.extend([i] * len(norm))
    return "".join(chars), origin


def is_word_char(ch: str) -> bool:
    """Letters, digits and ideographs count; punctuation, spaces and symbols do not."""
    return unicodedata.category(ch)[0] not in _SKIPPED


@lru_cache(maxsize=4)
def jieba_for(words: tuple[str, ...]) -> jieba.Tokenizer:
    """A jieba tokenizer with `words` added, shared by every analyzer with the same words."""
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    for word in words:
        tokenizer.add_word(word)
    return tokenizer


def word_spans(text: str, words: tuple[str, ...]) -> Iterator[tuple[str, int, int]]:
    """(word, start, end) of every jieba word of `text`, offsets in `text`."""
    norm, origin = normalize(text)
    pos = 0
    for piece in jieba_for(words).cut(norm, HMM=True):
        # split at punctuation inside a piece: "5-10" is two words
        for is_word, group in groupby(enumerate(piece, pos), key=lambda ic: is_word_char(ic[1])):
            if is_word:
                run = list(group)
                word = "".join(c for _, c in run)
                yield word, origin[run[0][0]], origin[run[-1][0]] + 1
        pos += len(piece)


def char_spans(text: str) -> Iterator[tuple[str, int, int]]:
    """(character, start, end) of every word character of `text`, offsets in `text`."""
    norm, origin = normalize(text)
    for ch, i in zip(norm, origin, strict=True):
        if is_word_char(ch):
            yield ch, i, i + 1


class _SpanTokenizer(Tokenizer):
    """A whoosh tokenizer over `spans(text)`, with sequential positions (plus a gap at every
    SEPARATOR)."""

    def spans(self, text: str) -> Iterator[tuple[str, int, int]]:
        raise NotImplementedError

    def __call__(
        self,
        value: str,
        positions: bool = False,
        chars: bool = False,
        keeporiginal: bool = False,
        removestops: bool = True,
        start_pos: int = 0,
        start_char: int = 0,
        tokenize: bool = True,
        mode: str = "",
        **kwargs,
    ) -> Iterator[Token]:
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        spans = self.spans(value) if tokenize else [(normalize(value)[0], 0, len(value))]
        pos, last = start_pos, 0
        for text, start, end in spans:
            if SEPARATOR in value[last:start]:
                pos += 1  # a gap: no phrase runs across parts of a field
            token.text, token.boost, token.stopped = text, 1.0, False
            if keeporiginal:
                token.original = value[start:end]
            if positions:
                token.pos = pos
            if chars:
                token.startchar, token.endchar = start_char + start, start_char + end
            yield token
            pos, last = pos + 1, end


class WordTokenizer(_SpanTokenizer):
    """jieba words (default mode, HMM on) with the domain dictionary `words`.

    Pickled into the index schema with its word list only, so an index is always queried with
    the dictionary it was built with.
    """

    def __init__(self, words: tuple[str, ...] = ()):
        self.words = tuple(sorted(set(words)))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, WordTokenizer) and other.words == self.words

    def __hash__(self) -> int:
        return hash(self.words)

    def __getstate__(self) -> dict:
        return {"words": self.words}

    def __setstate__(self, state: dict) -> None:
        self.words = tuple(state["words"])

    def spans(self, text: str) -> Iterator[tuple[str, int, int]]:
        return word_spans(text, self.words)

    def tokens(self, text: str) -> list[str]:
        return [w for w, _, _ in self.spans(text)]


class CharTokenizer(_SpanTokenizer):
    """One token per letter, digit or ideograph."""

    def spans(self, text: str) -> Iterator[tuple[str, int, int]]:
        return char_spans(text)

    def tokens(self, text: str) -> list[str]:
        return [c for c, _, _ in self.spans(text)]
