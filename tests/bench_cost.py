"""`make bench` section: the cost of the worst queries, without and with the cost ceiling.

The worst queries are long: a 499-character run of Chinese from the plan (found whole, so the
strict search answers), the same characters shuffled (no clause has them all, so the relaxed
fallback runs too), 249 single-character words, the names with the most aliases, and 10,000
characters. "Without" lifts the ceiling of kb/search/ceiling.py back to where the code stood
before it: 500 characters (longer queries were refused then), no limit on words or time.
"""

from __future__ import annotations

import random
import re
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from unittest import mock

from kb import KnowledgeBase
from kb.search import ceiling
from kb.search.query import parse
from tests.plans import PLANS

RUNS = 20


def worst_queries(plan_text: str, kb: KnowledgeBase) -> dict[str, str]:
    """Name → query text: the costliest shapes of query we know of."""
    han = "".join(re.findall(r"[\u4e00-\u9fff]", plan_text))
    shuffled = list(han[5000:5499])
    random.Random(8).shuffle(shuffled)
    names = sorted(
        kb.lexicon.names("mineral") + kb.lexicon.names("region"),
        key=lambda n: -len(kb.lexicon.aliases(n)),
    )
    return {
        "499-character run from the plan": han[5000:5499],
        "the same 499 characters shuffled": "".join(shuffled),
        "249 one-character words": " ".join(han[7000:7249]),
        "40 names with the most aliases, OR": " OR ".join(names[:40]),
        "10,000 characters": han[:10_000],
    }


def compiled_terms(kb: KnowledgeBase, text: str) -> int:
    """How many term and phrase queries a search for `text` compiles (the strict query)."""
    index = kb.search_index
    parsed, _ = ceiling.clip_words(parse(ceiling.clip_text(text)[0]), index.builder.word_ends)
    return sum(1 for _ in index.builder.build(parsed).query.leaves())


@contextmanager
def no_ceiling() -> Iterator[None]:
    with (
        mock.patch.object(ceiling, "MAX_CHARS", 500),
        mock.patch.object(ceiling, "MAX_WORDS", 10**9),
        mock.patch.object(ceiling, "TIME_BUDGET", float("inf")),
    ):
        yield


def p95_ms(kb: KnowledgeBase, text: str, runs: int = RUNS) -> tuple[float, float]:
    """p95 of (wall, CPU) milliseconds: CPU time is what the query costs, whatever else runs."""
    wall, cpu = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.thread_time()
        kb.search(text)
        wall.append(time.perf_counter() - start)
        cpu.append(time.thread_time() - start_cpu)
    at = min(runs - 1, round(0.95 * (runs - 1)))
    return sorted(wall)[at] * 1000, sorted(cpu)[at] * 1000


def bench_cost(workdir: Path) -> str:
    from tests.bench import ROOT, table

    kb_path = workdir / "kb"
    if not kb_path.exists():
        from ingest.build import build

        build(PLANS, kb_path)
    kb = KnowledgeBase.open(kb_path)
    kb.warm()
    plan = (ROOT / "corpus" / "liaoning-mineral-plan-2021-2025.txt").read_text(encoding="utf-8")
    rows = []
    for name, text in worst_queries(plan, kb).items():
        with no_ceiling():
            before, terms_before = p95_ms(kb, text, runs=5), compiled_terms(kb, text)
        after, terms_after = p95_ms(kb, text), compiled_terms(kb, text)
        rows.append([name, *(f"{t:.0f}" for t in before), str(terms_before)])
        rows[-1] += [*(f"{t:.1f}" for t in after), str(terms_after)]
    return table(
        f"Worst-query cost, ms (one process, p95 of {RUNS} runs, wall and CPU time; target ≤ 50 ms "
        f"with the ceiling: {ceiling.MAX_CHARS} characters, {ceiling.MAX_WORDS} words, "
        f"{ceiling.TIME_BUDGET * 1000:.0f} ms CPU before the relaxed retry)",
        ["query", "without: wall", "CPU", "terms", "with ceiling: wall", "CPU", "terms"],
        rows,
    )
