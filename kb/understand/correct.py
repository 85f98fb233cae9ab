"""Homophone typos corrected against the plan's own text: 最底开采规模 → 最低开采规模.

A word of the query (a jieba word of two characters or more, not a question word) that stands
nowhere in the plan is a suspect; the longest stretch of the query around it (up to eight Chinese
characters) that sounds like a stretch of the plan (toneless pinyin, pypinyin) is replaced by
it. Nothing is corrected into a form the plan does not contain.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Collection

from pypinyin import lazy_pinyin

_HAN = re.compile(r"[\u4e00-\u9fff]+")
LONGEST = 8
SHORTEST = 2


class Corrector:
    """The plan's text with the pinyin of each character, indexed by syllable pairs."""

    def __init__(self, hay: str, tokens: Callable[[str], list[str]], ignored: Collection[str] = ()):
        self.tokens = tokens
        self.ignored = ignored
        self.hay = "".join(_HAN.findall(hay))
        self.sounds = lazy_pinyin(self.hay, errors=lambda s: ["?"] * len(s))
        self.pairs: dict[tuple[str, str], list[int]] = defaultdict(list)
        for i in range(len(self.sounds) - 1):
            self.pairs[(self.sounds[i], self.sounds[i + 1])].append(i)

    def homophone(self, word: str) -> str | None:
        """A stretch of the plan other than `word` that sounds like it, else None."""
        sounds = lazy_pinyin(word)
        n = len(sounds)
        for i in self.pairs.get((sounds[0], sounds[1]), []):
            if self.sounds[i : i + n] == sounds and self.hay[i : i + n] != word:
                return self.hay[i : i + n]
        return None

    def correct(self, text: str) -> tuple[str, list[tuple[str, str]]]:
        """`text` with its homophone typos corrected, and the (typo, correction) pairs."""
        fixes: list[tuple[str, str]] = []
        for run in _HAN.findall(text):
            for typo, fix in self._run(run):
                text = text.replace(typo, fix, 1)
                fixes.append((typo, fix))
        return text, fixes

    def _run(self, run: str) -> list[tuple[str, str]]:
        fixes, start = [], 0
        for word in self.tokens(run):
            at = run.find(word, start)
            start = at + len(word) if at >= 0 else start
            if at < 0 or len(word) < SHORTEST or word in self.ignored or word in self.hay:
                continue
            fix = self._around(run, at, at + len(word))
            if fix and not any(fix[0] in typo or typo in fix[0] for typo, _ in fixes):
                fixes.append(fix)
        return fixes

    def _around(self, run: str, begin: int, end: int) -> tuple[str, str] | None:
        """The longest stretch of `run` holding run[begin:end] that sounds like the plan."""
        spans = [
            (i, j)
            for i in range(max(0, end - LONGEST), begin + 1)
            for j in range(end, min(len(run), i + LONGEST) + 1)
        ]
        for i, j in sorted(spans, key=lambda ij: ij[0] - ij[1]):
            fix = self.homophone(run[i:j])
            if fix is not None:
                return run[i:j], fix
        return None
