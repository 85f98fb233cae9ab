"""The cost ceiling of a search: what any one query may cost, whatever is typed.

A search costs about one whoosh matcher per word per field, so the cost of a query is bounded by
bounding what is compiled, not by refusing long text:

- at most MAX_CHARS characters are read (the rest is cut off);
- at most MAX_WORDS words are searched for (a run of Chinese counts its jieba words, a known name
  one word; the words past the ceiling are dropped, a run is cut after its last kept word);
- the relaxed fallback (a long run that no clause has whole) runs only when the strict search
  took under TIME_BUDGET seconds of CPU (the time of this request, not of other load).

Each cut adds a notice (Chinese, then English) that the answer carries as `notice`.
"""

from __future__ import annotations

from collections.abc import Callable

from kb.search.query import Atom, Parsed

MAX_CHARS = 100
MAX_WORDS = 12
TIME_BUDGET = 0.025  # seconds


def clip_text(text: str) -> tuple[str, str | None]:
    """`text` cut to MAX_CHARS characters, and the notice when it was cut."""
    if not isinstance(text, str) or len(text) <= MAX_CHARS:
        return text, None
    return text[:MAX_CHARS], (
        f"查询过长（{len(text)} 字），已截取前 {MAX_CHARS} 个字查找。"
        f"The query was cut to its first {MAX_CHARS} characters."
    )


def clip_words(parsed: Parsed, word_ends: Callable[[Atom], list[int]]) -> tuple[Parsed, str | None]:
    """`parsed` with at most MAX_WORDS words, and the notice when some were dropped.

    `word_ends(atom)` gives where each word of an atom ends in its text. Atoms are kept in
    reading order (required words, then excluded ones); the required one that crosses the
    ceiling is cut after its last word within it, and the rest are dropped.
    """
    budget, total = MAX_WORDS, 0
    out = Parsed()

    def keep(atom: Atom, whole: bool = False) -> Atom | None:
        nonlocal budget, total
        ends = word_ends(atom)
        total += len(ends)
        if len(ends) <= budget:
            budget -= len(ends)
            return atom
        if budget == 0 or whole:
            return None
        cut, budget = Atom(atom.text[: ends[budget - 1]], atom.phrase), 0
        return cut

    for group in parsed.groups:
        kept = [a for a in map(keep, group) if a is not None]
        if kept:
            out.groups.append(kept)
    # an exclusion cut short would exclude more (-硼泥 → -硼): kept whole or dropped
    out.excluded = [a for a in (keep(a, whole=True) for a in parsed.excluded) if a is not None]
    if total <= MAX_WORDS:
        return parsed, None
    return out, (
        f"查询词过多（{total} 个），只查找了前 {MAX_WORDS} 个词。"
        f"Only the first {MAX_WORDS} of {total} words were searched for."
    )


def over_budget(elapsed: float) -> str | None:
    """The notice when the strict search used up the time budget (no relaxed fallback)."""
    if elapsed <= TIME_BUDGET:
        return None
    return (
        "查询较复杂，没有再放宽条件查找部分匹配的条文。"
        "The query was too costly to retry with fewer words."
    )
