"""`make bench` section: the question assistant on the golden questions — accuracy and warm
latency (p50/p95) of kb.ask, beside plain search on the same questions (is a clause that states
the expected fact in search's top three?), for the tuning and the held-out parts."""

from __future__ import annotations

import statistics
import time
from pathlib import Path
from typing import Any

from tests.ask_cases import SLUG, AskCase, SearchCase, problems, top3
from tests.plans import PLANS


def expanded(cases: list[AskCase]) -> list[AskCase]:
    """Each case, then each of its paraphrases as a case of its own."""
    out = []
    for case in cases:
        out.append(case)
        out += [case._replace(question=p, paraphrases=()) for p in case.paraphrases]
    return out


def percentile(times: list[float], p: float) -> float:
    ordered = sorted(times)
    return ordered[min(len(ordered) - 1, int(round(p * (len(ordered) - 1))))]


def run_ask(kb: Any, cases: list[AskCase]) -> dict[str, Any]:
    """Accuracy and warm latency of kb.ask, and search's top-3 on the same questions."""
    for case in cases:  # warm
        kb.ask(case.question)
    times, right, search_right, failures = [], 0, 0, []
    for case in cases:
        start = time.perf_counter()
        answer = kb.ask(case.question)
        times.append((time.perf_counter() - start) * 1000)
        wrong = problems(answer, case)
        right += not wrong
        failures += [(case.question, wrong)] if wrong else []
        search_right += _search_finds(kb, case)
    return {
        "n": len(cases),
        "right": right,
        "search_right": search_right,
        "p50": statistics.median(times),
        "p95": percentile(times, 0.95),
        "failures": failures,
    }


def _search_finds(kb: Any, case: AskCase) -> bool:
    """Whether plain search puts a clause the expected answer cites in its top three."""
    if not case.cites:
        return False
    hits = kb.search(case.question, limit=3)["hits"]
    return bool({h["id"] for h in hits} & {f"{SLUG}/{c}" for c in case.cites})


def run_search(kb: Any, cases: list[SearchCase]) -> dict[str, Any]:
    right = [c for c in cases if top3(kb.search(c.query, limit=3), c)]
    return {"n": len(cases), "right": len(right), "missed": [c for c in cases if c not in right]}


def bench_ask(workdir: Path) -> str:
    from ingest.build import build
    from kb import KnowledgeBase
    from tests.bench import table
    from tests.golden_ask_heldout import ASK as HELD_ASK
    from tests.golden_ask_heldout import SEARCH as HELD_SEARCH
    from tests.golden_ask_tuning import ASK, SEARCH

    kb_path = workdir / "kb-ask"
    build(PLANS, kb_path)
    kb = KnowledgeBase.open(kb_path)
    kb.warm()
    rows = []
    for part, asks, searches in (("tuning", ASK, SEARCH), ("held-out", HELD_ASK, HELD_SEARCH)):
        a, s = run_ask(kb, expanded(asks)), run_search(kb, searches)
        rows.append(
            [
                part,
                f"{a['right']}/{a['n']} ({a['right'] / a['n']:.0%})",
                f"{a['search_right']}/{a['n']} ({a['search_right'] / a['n']:.0%})",
                f"{a['p50']:.1f} ms",
                f"{a['p95']:.1f} ms",
                f"{s['right']}/{s['n']} ({s['right'] / s['n']:.0%})",
            ]
        )
    header = ["part", "ask: right", "search alone: top-3", "ask p50", "ask p95", "forgiving top-3"]
    return table("Question assistant (kb.ask, warm; target p95 ≤ 50 ms)", header, rows)
