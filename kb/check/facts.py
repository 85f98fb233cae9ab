"""Facts the clerk states that no applicable rule settles (生态保护红线 for a mine the plan's
text has no rule on): they are named as open questions and keep the verdict from 符合."""

from __future__ import annotations

from typing import Any

from kb.check.application import Application
from kb.check.terms import CHANGE_FACTS, CONDITION_FACTS, CONTROL_FACTS, ZONE_FACTS
from kb.vocabulary import CHECK_FACTS

COMMITMENT = "承诺"  # settles every requirement without a measure (kb.check.evaluate.modality)


def triggers(key: str) -> set[str]:
    """The words of a rule (text, condition, zone types) that bring the fact `key` to bear."""
    tables = (CONDITION_FACTS, ZONE_FACTS, CHANGE_FACTS, CONTROL_FACTS)
    return {key} | {word for table in tables for word, k in table.items() if k == key}


def unsettled(app: Application, rules: list[dict[str, Any]]) -> list[str]:
    """Labels of the facts stated true that none of `rules` (the applicable ones) bears on."""
    out = []
    for key, value in app.facts.items():
        if not value or (key == COMMITMENT and any(r["modality"] == "required" for r in rules)):
            continue
        words = triggers(key)
        texts = [" ".join([r["text"], *r["subjects"]["zone_types"]]) for r in rules]
        if not any(w in t for w in words for t in texts):
            out.append(CHECK_FACTS[key])
    return out
