"""Full-text search over the clauses: ranked hits with snippets and citations, facets, pages.

    index = SearchIndex.open(kb_root, library, lexicon)
    index.search("菱镁矿 开采规模", limit=10, region="丹东")

One `SearchIndex` per process; it keeps a pool of whoosh searchers (a searcher is not shared by
two threads at once), so it is safe under a multi-threaded WSGI server. A process forked after
the index was opened (a pre-fork server's worker) starts its own pool: open files are never
shared between processes.
"""

from __future__ import annotations

import os
import queue
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from whoosh import query as wq
from whoosh.searching import Searcher

from kb.citation import cite
from kb.documents import Library
from kb.errors import BadQuery, KBMissing
from kb.lexicon import Lexicon
from kb.search import ceiling
from kb.search.analyzer import char_spans
from kb.search.facets import Facets
from kb.search.index import open_index
from kb.search.query import Compiled, Parsed, QueryBuilder, describe, parse
from kb.search.snippet import snippet
from kb.understand import Understander, Understanding

MAX_LIMIT = 100


def folded(text: str) -> str:
    """The word characters of `text`, normalised as the index sees them."""
    return "".join(c for c, _, _ in char_spans(text))


def page_window(limit: Any = 10, offset: Any = 0, page: Any = None) -> tuple[int, int]:
    """Validated (limit, offset); `page` (from 1) sets the offset when given."""
    limit = _whole(limit, "limit", 1, MAX_LIMIT)
    if page not in (None, ""):
        return limit, (_whole(page, "page", 1, 10_000) - 1) * limit
    return limit, _whole(offset, "offset", 0, 1_000_000)


def _whole(value: Any, name: str, low: int, high: int) -> int:
    try:
        number = int(value)
    except (TypeError, ValueError):
        raise BadQuery(f"参数 {name}={value!r} 应为整数。{name} must be a whole number.") from None
    if not low <= number <= high:
        raise BadQuery(
            f"参数 {name}={number} 超出范围 {low}–{high}。{name} must be between {low} and {high}."
        )
    return number


class SearchIndex:
    """The opened index of one KB build, with what a search needs beside it."""

    def __init__(
        self,
        path: Path,
        library: Library,
        lexicon: Lexicon | None = None,
        understander: Understander | None = None,
    ):
        self.ix = open_index(path)
        self.understand = understander or (lambda q: Understanding(q, q))
        self.library = library
        self.lexicon = lexicon
        self.builder = QueryBuilder(self.ix.schema["body"].analyzer, lexicon)
        self._pool: queue.SimpleQueue[Searcher] = queue.SimpleQueue()
        self._pid = os.getpid()
        with self._searcher() as searcher:
            stored = [searcher.stored_fields(n) for n in range(searcher.doc_count_all())]
        self._ids = [s["id"] for s in stored]
        self.facets = Facets(library, lexicon, self._ids, [s["facets"] for s in stored])
        self._hay = [
            folded(" ".join([*c.path, c.title or "", c.text]))
            for c in (self.library.get(cid)[0] for cid in self._ids)
        ]

    @classmethod
    def open(
        cls,
        root: Path,
        library: Library,
        lexicon: Lexicon | None = None,
        understander: Understander | None = None,
    ) -> SearchIndex:
        path = root / "index"
        if not (path / "dictionary.txt").exists():
            raise KBMissing(
                f"the knowledge base at {root} has no search index; rebuild it with: plankb ingest"
            )
        return cls(path, library, lexicon, understander)

    @contextmanager
    def _searcher(self) -> Iterator[Searcher]:
        if self._pid != os.getpid():  # forked: the parent's searchers are the parent's
            self._pool, self._pid = queue.SimpleQueue(), os.getpid()
        try:
            searcher = self._pool.get_nowait()
        except queue.Empty:
            searcher = self.ix.searcher()
        try:
            yield searcher
        finally:
            self._pool.put(searcher)

    def close(self) -> None:
        """Close this process's idle searchers (a later search opens new ones)."""
        if self._pid != os.getpid():
            return  # the parent's searchers are the parent's to close
        while True:
            try:
                self._pool.get_nowait().close()
            except queue.Empty:
                return

    def stored_facets(self, clause_id: str) -> dict[str, Any]:
        """The facet values the index holds for one clause."""
        return self.facets.values[self._ids.index(clause_id)]

    def warm(self) -> None:
        """Load the jieba dictionary now rather than on the first query."""
        self.builder.words.tokens("预热")

    def search(
        self,
        q: str,
        limit: Any = 10,
        offset: Any = 0,
        page: Any = None,
        region: str | None = None,
        mineral: str | None = None,
        zone_type: str | None = None,
        chapter: str | None = None,
        kind: str | None = None,
        doc: str | None = None,
    ) -> dict[str, Any]:
        """Clauses matching `q`, best first, with snippets, citations and facet counts; `doc`
        (a slug or a title) keeps one plan's clauses."""
        limit, offset = page_window(limit, offset, page)
        q, cut = ceiling.clip_text(q)  # bounded before anything else reads it
        seen = self.understand(q)  # kb.understand: the rewrites are shown with the result
        parsed, dropped = ceiling.clip_words(parse(seen.text), self.builder.word_ends)
        filters = self.facets.filters(
            region=region, mineral=mineral, zone_type=zone_type, chapter=chapter, kind=kind, doc=doc
        )
        compiled, hits, relaxed, costly = self._matches(parsed, filters)
        notices = [n for n in (cut, dropped, costly) if n]
        return {
            "query": q,
            "notice": " ".join(notices) or None,
            "understood": {**describe(parsed), **seen.to_dict()},
            "relaxed": relaxed,
            "filters": {k: v for k, v in filters.items() if v is not None},
            "total": len(hits),
            "offset": offset,
            "limit": limit,
            "hits": [
                self._hit(n, score, compiled.marks) for n, score in hits[offset : offset + limit]
            ],
            "facets": self.facets.counts(n for n, _ in hits),
        }

    def _matches(self, parsed: Parsed, filters: dict[str, str | None]) -> tuple:
        """(compiled, hits, relaxed, notice): the strict query's hits; when there are none, the
        relaxed query's, unless the strict one already used up the time budget (the notice)."""
        compiled = self.builder.build(parsed)
        start = time.thread_time()  # CPU time of this request: other load does not count
        hits = self._run(compiled, filters)
        if hits or not compiled.relaxable:
            return compiled, hits, False, None
        costly = ceiling.over_budget(time.thread_time() - start)
        if costly:
            return compiled, hits, False, costly
        compiled = self.builder.build(parsed, relax=True)
        return compiled, self._run(compiled, filters), True, None

    def _run(self, compiled: Compiled, filters: dict[str, str | None]) -> list[tuple[int, float]]:
        """(docnum, score) of every match, best first; a relaxed query ranks first by how many of
        its loosened words a clause contains."""
        terms = [wq.Term(k, v) for k, v in filters.items() if v is not None]
        with self._searcher() as searcher:
            results = searcher.search(
                compiled.query, limit=None, filter=wq.And(terms) if terms else None
            )
            hits = [(hit.docnum, hit.score) for hit in results]
        if compiled.units:  # stable sort: score order within the same count
            units = [[folded(name) for name in names] for names in compiled.units]
            hits.sort(key=lambda hit: -self._covered(hit[0], units))
        return hits

    def _covered(self, docnum: int, units: list[list[str]]) -> int:
        """How many of `units` (each a word and its aliases, folded) stand in a clause or its
        headings."""
        hay = self._hay[docnum]
        return sum(any(name in hay for name in names) for names in units)

    def _hit(self, docnum: int, score: float, marks: list[list[str]]) -> dict[str, Any]:
        clause, doc = self.library.get(self._ids[docnum])
        return {
            "id": clause.id,
            "doc": doc.slug,
            "kind": clause.kind,
            "heading": " › ".join(clause.path),
            "path": clause.path,
            "title": clause.title,
            "snippet": snippet(clause.text, marks),
            "text": clause.text,
            "score": round(score, 4),
            "citation": cite(clause, doc),
        }
