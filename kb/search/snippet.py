"""Highlighted snippets: about 120 characters around the best match, matches in <mark>.

Matching works on the same normalised characters as the index (so 30万吨 marks "30 万吨" and
B2O3 marks "B₂O₃"), but every mark starts and ends on a character of the original text, and
everything outside the marks is HTML-escaped.
"""

from __future__ import annotations

from collections.abc import Iterable
from html import escape

from kb.search.analyzer import char_spans

WIDTH = 120
LEAD = 24  # characters of context shown before the first match of a snippet
ELLIPSIS = "…"

Span = tuple[int, int, int]  # start, end, index of the term it matches


def find_marks(text: str, groups: Iterable[list[str]]) -> list[Span]:
    """Where each group stands in `text`, as (start, end, group index): the group's first
    string wherever it stands as written, else every one of the others (parts, aliases)."""
    spans = list(char_spans(text))
    hay = "".join(c for c, _, _ in spans)
    found: list[Span] = []
    for k, (whole, *parts) in enumerate(groups):
        places = _places(hay, whole) or [p for part in parts for p in _places(hay, part)]
        found += [(spans[i][1], spans[j - 1][2], k) for i, j in places]
    return _merge(sorted(found))


def _places(hay: str, term: str) -> list[tuple[int, int]]:
    """(start, end) in `hay` of every occurrence of the normalised characters of `term`."""
    needle = "".join(c for c, _, _ in char_spans(term))
    places, i = [], hay.find(needle) if needle else -1
    while i >= 0:
        places.append((i, i + len(needle)))
        i = hay.find(needle, i + 1)
    return places


def _merge(spans: list[Span]) -> list[Span]:
    """Join overlapping or touching marks (菱镁 and 菱镁矿 give one mark)."""
    merged: list[Span] = []
    for start, end, k in spans:
        if merged and start <= merged[-1][1]:
            last = merged[-1]
            merged[-1] = (last[0], max(last[1], end), last[2])
        else:
            merged.append((start, end, k))
    return merged


def _window(length: int, marks: list[Span], width: int) -> tuple[int, int]:
    """The window of about `width` characters that shows the most different terms."""
    if not marks:
        return 0, min(length, width)
    best, best_key = (0, 0), None
    for anchor, (start, _, _) in enumerate(marks):
        lo = max(0, start - LEAD)
        hi = min(length, lo + width)
        lo = max(0, hi - width)
        inside = [m for m in marks if m[0] >= lo and m[1] <= hi]
        key = (len({m[2] for m in inside}), len(inside), -anchor)
        if best_key is None or key > best_key:
            best, best_key = (lo, hi), key
    return best


def snippet(text: str, groups: list[list[str]], width: int = WIDTH) -> str:
    """About `width` characters of `text` around the best match, escaped, matches in <mark>."""
    marks = find_marks(text, groups)
    lo, hi = _window(len(text), marks, width)
    inside = [m for m in marks if m[1] > lo and m[0] < hi]
    if inside:  # never cut a mark in two: widen the window to whole marks
        lo, hi = min(lo, inside[0][0]), max(hi, inside[-1][1])
    return (
        (ELLIPSIS if lo > 0 else "")
        + render(text, inside, lo, hi)
        + (ELLIPSIS if hi < len(text) else "")
    )


def render(text: str, marks: list[Span], lo: int, hi: int) -> str:
    parts, pos = [], lo
    for start, end, _ in marks:
        parts.append(escape(text[pos:start]))
        parts.append(f"<mark>{escape(text[start:end])}</mark>")
        pos = end
    parts.append(escape(text[pos:hi]))
    return "".join(parts)
