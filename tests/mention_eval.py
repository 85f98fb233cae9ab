"""Scoring entity extraction against the hand-checked sample `fixtures/mentions_gold.txt`.

Used by tests/test_entities.py (thresholds) and tests/bench.py (the printed table).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

GOLD = Path(__file__).with_name("fixtures") / "mentions_gold.txt"
TYPES = ("region", "mineral")


def read_gold(path: Path = GOLD, slug: str = "liaoning-2021-2025") -> dict[str, Counter]:
    """Clause id → Counter of (type, canonical name) of its hand-checked mentions."""
    gold: dict[str, Counter] = {}
    current: Counter | None = None
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("["):
            current = gold.setdefault(f"{slug}/{line.strip('[]')}", Counter())
            continue
        kind, name, _surface = line.split(" ", 2)
        current[(kind, name)] += 1
    return gold


def predicted(mentions: dict[str, list[dict[str, Any]]], clause_ids) -> dict[str, Counter]:
    """The extractor's region and mineral mentions of the same clauses, counted the same way."""
    return {
        cid: Counter(
            (m["type"], m["name"])
            for m in mentions.get(cid, [])
            if m["type"] in TYPES and m.get("field") != "title"  # the sample is of clause text
        )
        for cid in clause_ids
    }


@dataclass
class Score:
    kind: str
    gold: int
    found: int
    correct: int

    @property
    def precision(self) -> float:
        return self.correct / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        return self.correct / self.gold if self.gold else 1.0


def score(gold: dict[str, Counter], found: dict[str, Counter]) -> dict[str, Score]:
    """Precision and recall per type (and "all") over every clause of `gold`."""
    out = {}
    for kind in (*TYPES, "all"):

        def pick(counter: Counter, kind: str = kind) -> Counter:
            return Counter({k: n for k, n in counter.items() if kind == "all" or k[0] == kind})

        g = sum((pick(c) for c in gold.values()), Counter())
        f = sum((pick(found[cid]) for cid in gold), Counter())
        right = sum(sum((pick(gold[cid]) & pick(found[cid])).values()) for cid in gold)
        out[kind] = Score(kind, sum(g.values()), sum(f.values()), right)
    return out


def errors(gold: dict[str, Counter], found: dict[str, Counter]) -> list[str]:
    """Readable differences, clause by clause: "- missed" and "+ spurious" mentions."""
    lines = []
    for cid in gold:
        missed, extra = gold[cid] - found[cid], found[cid] - gold[cid]
        lines += [f"{cid}: - {k} {n} ×{c}" for (k, n), c in missed.items()]
        lines += [f"{cid}: + {k} {n} ×{c}" for (k, n), c in extra.items()]
    return lines
