"""`make bench`, search section: this index against a SQLite FTS5 trigram baseline.

Both engines get the same clauses (heading path, lead sentence, text) and the golden queries of
tests/golden_queries.py. The baseline is what a user would otherwise build: an FTS5 table with
the trigram tokenizer, every space-separated word of the query as a quoted string (implicit AND),
ranked by FTS5's bm25.
"""

from __future__ import annotations

import json
import sqlite3
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from kb import KnowledgeBase
from kb.lexicon import Lexicon
from kb.search.index import build_index
from tests.golden_queries import GOLDEN, HELD_OUT

WARM_RUNS = 5  # timings per golden query, after one warm-up
SINGLE = "硼金铁锰钼"
QUOTES = '"“”「」'


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def latencies(run: Callable[[str], list[str]]) -> list[float]:
    """Seconds per query: every golden query WARM_RUNS times, after one warm-up each."""
    times = []
    for golden in GOLDEN:
        run(golden.query)
        for _ in range(WARM_RUNS):
            start = time.perf_counter()
            run(golden.query)
            times.append(time.perf_counter() - start)
    return times


def recall_at_3(run: Callable[[str], list[str]]) -> float:
    return sum(g.clause_id in run(g.query)[:3] for g in GOLDEN) / len(GOLDEN)


def held_out_recall_at_3(run: Callable[[str], list[str]]) -> float:
    return sum(bool(h.clause_ids & set(run(h.query)[:3])) for h in HELD_OUT) / len(HELD_OUT)


def single_char_recall(kb: KnowledgeBase, run_all: Callable[[str], list[str]]) -> float:
    """Share of the clauses containing 硼, 金, 铁, 锰 or 钼 that a one-character query finds."""
    found = wanted = 0
    for char in SINGLE:
        expected = {cid for cid, (c, _) in kb.library.by_id.items() if char in c.text}
        found += len(expected & set(run_all(char)))
        wanted += len(expected)
    return found / wanted


class Fts5Baseline:
    """An in-memory FTS5 trigram table over the same clauses."""

    def __init__(self, kb: KnowledgeBase):
        self.db = sqlite3.connect(":memory:", check_same_thread=False)
        self.db.execute(
            "CREATE VIRTUAL TABLE clauses USING fts5("
            "id UNINDEXED, heading, title, body, tokenize='trigram')"
        )
        rows = [
            (c.id, " ".join(c.path), c.title or "", c.text) for c, _ in kb.library.by_id.values()
        ]
        self.db.executemany("INSERT INTO clauses VALUES (?, ?, ?, ?)", rows)
        self.db.commit()

    @staticmethod
    def match(query: str) -> str:
        words = ["".join(ch for ch in w if ch not in QUOTES) for w in query.split()]
        return " ".join('"' + w.replace('"', '""') + '"' for w in words if w)

    def run(self, query: str, limit: int = 10) -> list[str]:
        try:
            rows = self.db.execute(
                "SELECT id, snippet(clauses, 3, '<mark>', '</mark>', '…', 24) FROM clauses "
                "WHERE clauses MATCH ? ORDER BY rank LIMIT ?",
                (self.match(query), limit),
            )
            return [row[0] for row in rows]
        except sqlite3.OperationalError:
            return []


def build_times(kb: KnowledgeBase, workdir: Path) -> tuple[list[float], list[float]]:
    """Seconds to build this index and the baseline table, RUNS-style, same clauses."""
    mentions = json.loads((kb.root / "mentions.json").read_text(encoding="utf-8"))
    lexicon = Lexicon.load(kb.root)
    docs = list(kb.library.docs.values())
    ours, theirs = [], []
    for n in range(WARM_RUNS):
        start = time.perf_counter()
        build_index(docs, mentions, lexicon, workdir / f"index-{n}")
        ours.append(time.perf_counter() - start)
        start = time.perf_counter()
        Fts5Baseline(kb)
        theirs.append(time.perf_counter() - start)
    return ours, theirs


def bench_search(workdir: Path) -> str:
    """Index build time, warm query latency and recall@3 of both engines."""
    from ingest.build import build
    from tests.bench import table
    from tests.plans import PLANS

    kb_path = workdir / "kb-search"
    build(PLANS, kb_path)
    kb = KnowledgeBase.open(kb_path)
    ours_build, fts_build = build_times(kb, workdir)
    kb.search_index.warm()
    fts = Fts5Baseline(kb)
    engines = [
        (
            "whoosh + jieba + characters (this index)",
            ours_build,
            lambda q: [h["id"] for h in kb.search(q)["hits"]],
            lambda q: [h["id"] for h in kb.search(q, limit=100)["hits"]],
        ),
        ("SQLite FTS5 trigram (baseline)", fts_build, fts.run, lambda q: fts.run(q, 1000)),
    ]
    rows = []
    for name, builds, run, run_all in engines:
        times = latencies(run)
        rows.append(
            [
                name,
                f"{statistics.median(builds) * 1000:.0f} ms",
                f"{percentile(times, 50) * 1000:.2f} ms",
                f"{percentile(times, 95) * 1000:.2f} ms",
                f"{recall_at_3(run):.1%}",
                f"{held_out_recall_at_3(run):.1%}",
                f"{single_char_recall(kb, run_all):.0%}",
            ]
        )
    rows.append(["target", "", "", "≤ 20 ms", "≥ 95 %", "", "100 %"])
    title = (
        f"Search: {len(GOLDEN)} golden queries, {len(kb.library.by_id)} clauses, warm "
        f"process (jieba loaded), {WARM_RUNS} timed runs each"
    )
    header = [
        "engine",
        "index build",
        "p50",
        "p95",
        "recall@3",
        f"held-out ({len(HELD_OUT)})",
        "1-char recall (硼金铁锰钼)",
    ]
    return table(title, header, rows)
