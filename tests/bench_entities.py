"""`make bench` section: entity extraction on the hand-checked sample, and its speed."""

from __future__ import annotations

import time
from pathlib import Path

from tests.bench import table
from tests.mention_eval import predicted, read_gold, score
from tests.plans import PLAN


def bench_entities(workdir: Path) -> str:
    """Precision and recall of region and mineral mentions on the 57 hand-checked clauses."""
    from ingest.entities import annotate
    from ingest.gazetteer import load_gazetteer
    from ingest.parser import parse_file
    from ingest.records import extract_records
    from kb.lexicon import Lexicon

    doc = parse_file(PLAN)
    lexicon = Lexicon(load_gazetteer(provinces=["辽宁省"]).lexicon())
    zones = extract_records([doc], lexicon)["zones"]
    start = time.perf_counter()
    mentions = annotate([doc], lexicon, zones)
    seconds = time.perf_counter() - start
    gold = read_gold()
    result = score(gold, predicted(mentions, gold))
    rows = [
        [kind, str(s.gold), str(s.found), str(s.correct), f"{s.precision:.3f}", f"{s.recall:.3f}"]
        for kind, s in result.items()
    ]
    head = table(
        f"Entity mentions vs the hand-checked sample ({len(gold)} clauses)",
        ["type", "gold", "found", "correct", "precision", "recall"],
        rows,
    )
    total = sum(len(v) for v in mentions.values())
    speed = table(
        "Entity extraction (spaCy blank zh + jieba + gazetteer and zone matchers)",
        ["clauses", "mentions", "time (pipeline built; jieba dictionary already loaded)"],
        [[str(len(doc.clauses)), str(total), f"{seconds:.2f} s"]],
    )
    return head + "\n" + speed
