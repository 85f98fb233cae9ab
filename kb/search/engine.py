"""Full-text search over the clauses: ranked hits with snippets and citations, facets, pages.

    index = SearchIndex.open(kb_root, library, lexicon)
    index.search("菱镁矿 开采规模", limit=10, region="丹东")

One `SearchIndex` per process; it keeps a pool of whoosh searchers (a searcher is not shared by
two threads at once), so it is safe under a multi-threaded WSGI server.
"""

from __future__ import annotations

import difflib
import queue
from collections import Counter
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
from kb.model import cn_numeral
from kb.plans import plan_slug
from kb.search.analyzer import char_spans
from kb.search.index import open_index
from kb.search.query import Compiled, QueryBuilder, describe, parse
from kb.search.snippet import snippet
from kb.understand import Understander, Understanding
from kb.vocabulary import CLAUSE_KINDS, FACET_LABELS, FACETS

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
        with self._searcher() as searcher:
            stored = [searcher.stored_fields(n) for n in range(searcher.doc_count_all())]
        self._ids = [s["id"] for s in stored]
        self._facets = [s["facets"] for s in stored]
        self._chapters = self._chapter_labels()
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
        try:
            searcher = self._pool.get_nowait()
        except queue.Empty:
            searcher = self.ix.searcher()
        try:
            yield searcher
        finally:
            self._pool.put(searcher)

    def stored_facets(self, clause_id: str) -> dict[str, Any]:
        """The facet values the index holds for one clause."""
        return self._facets[self._ids.index(clause_id)]

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
        seen = self.understand(q)  # kb.understand: the rewrites are shown with the result
        parsed = parse(seen.text)
        filters = self.filters(
            region=region, mineral=mineral, zone_type=zone_type, chapter=chapter, kind=kind, doc=doc
        )
        compiled = self.builder.build(parsed)
        hits = self._run(compiled, filters)
        relaxed = not hits and compiled.relaxable
        if relaxed:
            compiled = self.builder.build(parsed, relax=True)
            hits = self._run(compiled, filters)
        return {
            "query": q,
            "understood": {**describe(parsed), **seen.to_dict()},
            "relaxed": relaxed,
            "filters": {k: v for k, v in filters.items() if v is not None},
            "total": len(hits),
            "offset": offset,
            "limit": limit,
            "hits": [
                self._hit(n, score, compiled.marks) for n, score in hits[offset : offset + limit]
            ],
            "facets": self._facet_counts(n for n, _ in hits),
        }

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
            hits.sort(key=lambda hit: -self._covered(hit[0], compiled.units))
        return hits

    def _covered(self, docnum: int, units: list[list[str]]) -> int:
        """How many of `units` (each a word and its aliases) stand in a clause or its headings."""
        hay = self._hay[docnum]
        return sum(any(folded(name) in hay for name in names) for names in units)

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

    # -- filters and facets ------------------------------------------------------------------

    def filters(self, **given: str | None) -> dict[str, str | None]:
        """Each given filter as the indexed value it stands for; BadQuery when unknown."""
        out: dict[str, str | None] = {}
        for name, value in given.items():
            value = value.strip() if isinstance(value, str) else value
            out[name] = self._filter_value(name, value) if value else None
        return out

    def _filter_value(self, name: str, value: str) -> str:
        if name == "kind":
            return self._known(
                name,
                value,
                {**{k: k for k in CLAUSE_KINDS}, **{v: k for k, v in CLAUSE_KINDS.items()}},
            )
        if name == "chapter":
            return self._known(name, value, self._chapter_names())
        if name == "doc":
            return plan_slug(self.library, value)
        found = self.lexicon.candidates(value, name) if self.lexicon is not None else []
        if len(found) == 1:
            return found[0][1]
        known = {v for f in self._facets for v in f[name]}
        return self._known(name, value, {v: v for v in known})

    @staticmethod
    def _known(name: str, value: str, names: dict[str, str]) -> str:
        if value in names:
            return names[value]
        close = difflib.get_close_matches(value, list(names), n=5, cutoff=0.3)
        hint = f"（您是否要找：{'、'.join(close)}）" if close else ""
        label = FACET_LABELS[name]
        raise BadQuery(f"没有这个{label}：{value}{hint}。Unknown {name} {value!r}.")

    def _chapter_labels(self) -> dict[str, str]:
        """Chapter key → its heading (第六章 → 第六章 强化…), in reading order."""
        labels: dict[str, str] = {}
        for cid, facets in zip(self._ids, self._facets, strict=True):
            clause, _ = self.library.get(cid)
            key = facets["chapter"]
            labels.setdefault(key, clause.path[0] if clause.path else key)
        return labels

    def _chapter_names(self) -> dict[str, str]:
        names = {}
        for key, label in self._chapters.items():
            names[key] = names[label] = key
            if key.startswith("第") and key.endswith("章"):
                number = key[1:-1]
                names[number] = key
                names.update({str(n): key for n in range(1, 100) if cn_numeral(n) == number})
        names.update({"0": "总则"} if "总则" in self._chapters else {})
        return names

    def _facet_counts(self, docnums: Iterator[int]) -> dict[str, list[dict[str, Any]]]:
        names = ("doc", "chapter", "kind", *FACETS)
        counts: dict[str, Counter[str]] = {name: Counter() for name in names}
        for n in docnums:
            facets = self._facets[n]
            counts["doc"][self._ids[n].split("/", 1)[0]] += 1
            counts["chapter"][facets["chapter"]] += 1
            counts["kind"][facets["kind"]] += 1
            for name in FACETS:
                counts[name].update(facets[name])
        titles = {slug: d.title for slug, d in self.library.docs.items()}
        order = {"chapter": list(self._chapters), "kind": list(CLAUSE_KINDS), "doc": list(titles)}
        labels = {"chapter": self._chapters, "kind": CLAUSE_KINDS, "doc": titles}
        return {
            name: _facet_list(c, order.get(name), labels.get(name, {}))
            for name, c in counts.items()
        }


def _facet_list(
    counts: Counter[str], order: list[str] | None, labels: dict[str, str]
) -> list[dict[str, Any]]:
    if order is not None:
        values = [v for v in order if counts[v]]
    else:
        values = sorted(counts, key=lambda v: (-counts[v], v))
    return [{"value": v, "label": labels.get(v, v), "count": counts[v]} for v in values]
