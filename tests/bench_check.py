"""`make bench`, 规划审核 section: warm latency of a check over the golden applications, and
how many of them get the verdict the plan text gives (tests/golden_check.py)."""

from __future__ import annotations

import time
from pathlib import Path

from kb import KnowledgeBase
from tests.bench_search import percentile
from tests.golden_check import CASES
from tests.plans import PLANS

WARM_RUNS = 5  # timings per golden application, after one warm-up
TARGET_MS = 50  # p95, warm


def bench_check(workdir: Path) -> str:
    from ingest.build import build
    from tests.bench import table

    kb_path = workdir / "kb-check"
    build(PLANS, kb_path)
    kb = KnowledgeBase.open(kb_path)
    times, right = [], 0
    for application, verdict, _ in CASES:
        right += kb.check(application)["verdict"] == verdict  # warm-up, and the verdict
        for _ in range(WARM_RUNS):
            start = time.perf_counter()
            kb.check(application)
            times.append(time.perf_counter() - start)
    p50, p95 = (percentile(times, p) * 1000 for p in (50, 95))
    rows = [
        ["p50 (warm)", f"{p50:.1f} ms", "—"],
        ["p95 (warm)", f"{p95:.1f} ms", f"≤ {TARGET_MS} ms"],
        ["verdicts as the plan gives them", f"{right}/{len(CASES)}", f"{len(CASES)}/{len(CASES)}"],
    ]
    title = f"规划审核 ({len(CASES)} golden applications × {WARM_RUNS} runs)"
    return table(title, ["measure", "value", "target"], rows)
