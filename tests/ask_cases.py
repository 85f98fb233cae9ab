"""The shape of the golden question tables (tests/golden_ask_tuning.py, golden_ask_heldout.py)
and the one check both the tests and `make bench` hold an answer to.

Every expected value is read from the plan text, never from the product's output.
"""

from __future__ import annotations

from typing import Any, NamedTuple

SLUG = "liaoning-2021-2025"


class AskCase(NamedTuple):
    question: str
    status: str  # answered | not_in_plan | not_in_text | ambiguous
    facts: tuple[str, ...] = ()  # each stands in one fact of the answer (spaces ignored)
    cites: tuple[str, ...] = ()  # clauses (no slug) the expected facts are cited from
    exact: bool = False  # a list: the answer's facts cite exactly `cites`, no more, no fewer
    says: tuple[str, ...] = ()  # words the answer's sentence must hold
    paraphrases: tuple[str, ...] = ()  # other wordings that must give the same facts


class SearchCase(NamedTuple):
    query: str
    accepted: tuple[str, ...]  # any of these clauses (no slug) in the top three counts
    kind: str  # synonym | unit | numeral | traditional | typo | partial


def _squeeze(text: str) -> str:
    return "".join(text.split())


def problems(answer: dict[str, Any], case: AskCase) -> list[str]:
    """What is wrong with `answer` for `case` ([] when it is right)."""
    out = []
    if answer["status"] != case.status:
        out.append(f"status {answer['status']} ≠ {case.status}")
    facts = [(_squeeze(f["text"]), f["citation"]["clause_id"]) for f in answer["facts"]]
    wanted = {f"{SLUG}/{c}" for c in case.cites}
    for fact in case.facts:
        where = [cid for text, cid in facts if _squeeze(fact) in text]
        if not where:
            out.append(f"no fact holds {fact!r}")
        elif wanted and not set(where) & wanted:
            out.append(f"{fact!r} cited from {where}, not from {sorted(wanted)}")
    if case.exact and {cid for _, cid in facts} != wanted:
        out.append(f"cites {sorted({cid for _, cid in facts})} ≠ {sorted(wanted)}")
    for word in case.says:
        if _squeeze(word) not in _squeeze(answer["answer"]):
            out.append(f"the answer does not say {word!r}")
    if case.status in ("not_in_plan", "not_in_text") and not case.facts and answer["facts"]:
        out.append("facts given for a question the plan cannot answer")
    return out


def top3(result: dict[str, Any], case: SearchCase) -> bool:
    return bool({h["id"] for h in result["hits"][:3]} & {f"{SLUG}/{a}" for a in case.accepted})
