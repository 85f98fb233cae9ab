"""Pages from evidence: the page of every clause, from the 目录 and the page breaks in the text.

The text has no page numbers. Two things in it are evidence of pages:

- the 目录 gives the page each section (and 总则, each chapter, 附则) starts on;
- a paragraph cut mid-sentence (…1:5 万区域地 / 质矿产调查…) or right after its lead sentence
  is a page break: the parser joins the two blocks and records where the second one starts.

Within a section that starts on page S, a clause with k recorded breaks before it starts on page
S + k at the earliest. A page break may also fall between two paragraphs, where it leaves no
trace; so the clause may start later, but not past the page the next heading starts on (N), less
the K - k recorded breaks still to come in the section (K in all, the clause's own included):

    pages = [S + k, N - (K - k)]

When both ends agree the page is pinned. The clause's `page` (the one its citation quotes) is
the first: the page the evidence proves the clause has reached, and where a reader who turns to
it finds the clause or, at most `pages[1] - pages[0]` pages on, its start. The last part of a
document (附则) has no next heading: its range is open, `[S, None]`.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator

from ingest.toc import TocEntry
from kb.model import Clause, Node

_PARTS = ("general", "chapter", "closing")  # top-level nodes that carry a 目录 page


def toc_pages(toc: list[TocEntry]) -> dict[tuple, int]:
    """The 目录 as a map: ("general",), (chapter,), (chapter, section), ("closing",) → page."""
    pages: dict[tuple, int] = {}
    chapter = None
    for entry in toc:
        if entry.kind in ("general", "closing"):
            pages[(entry.kind,)] = entry.page
        elif entry.kind == "chapter":
            chapter = entry.number
            pages[(chapter,)] = entry.page
        else:
            pages[(chapter, entry.number)] = entry.page
    return pages


def headings(outline: list[Node]) -> Iterator[Node]:
    """总则, each chapter and its sections, 附则: the headings of the body in reading order."""
    for top in outline:
        if top.kind in _PARTS:
            yield top
            yield from (child for child in top.children if child.kind == "section")


def assign_pages(outline: list[Node], clauses: list[Clause], breaks: list[int]) -> None:
    """Set `page` and `pages` on every body clause and `page` on every box (the page its first
    row or item starts on); `breaks` are the source offsets where a joined block begins."""
    by_id = {c.id: c for c in clauses}
    marks = sorted(breaks)
    nodes = list(headings(outline))
    for i, node in enumerate(nodes):
        following = (n.page for n in nodes[i + 1 :] if n.page is not None)
        members = sorted(
            (by_id[cid] for cid in _clause_ids(node) if cid in by_id), key=lambda c: c.span
        )
        _pages_of_section(members, node.page, next(following, None), marks)
        for box in node.children:
            if box.kind == "box":
                box.page = min((by_id[c].page for c in box.clauses if by_id[c].page), default=None)


def _clause_ids(node: Node) -> list[str]:
    boxes = [c for c in node.children if c.kind == "box"]
    return [*node.clauses, *(cid for box in boxes for cid in box.clauses)]


def _pages_of_section(
    members: list[Clause], start: int | None, end: int | None, marks: list[int]
) -> None:
    if start is None or not members:
        for clause in members:
            clause.page, clause.pages = start, None
        return
    first = bisect_left(marks, members[0].span[0])
    total = bisect_left(marks, members[-1].span[1]) - first
    for clause in members:
        before = bisect_left(marks, clause.span[0]) - first
        low = start + before if end is None else min(start + before, end)
        high = None if end is None else max(low, end - (total - before))
        clause.page, clause.pages = low, [low, high]
