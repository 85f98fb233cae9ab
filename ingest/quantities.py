"""Quantities in the plan's wording: a number, its unit and comparator, its period and whether
it binds — 30 万吨/年 (a minimum), ≤3000 (at most), 30% 左右 (about), 5-10 处 (between),
中型以上 (a reserve class at least) and an equivalent in brackets (20万立方米/年（50万吨/年左右）).

Units, comparator words and periods are data (`ingest/data/rules.toml`, [quantities]).
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from ingest.rules.vocabulary import Vocabulary

_NUMBER = r"(?P<num>\d+(?:\.\d+)?)(?:\s*-\s*(?P<num2>\d+(?:\.\d+)?))?"
_YEAR = re.compile(r"到\s*(?P<year>\d{4})\s*年")
RESERVE_UNIT = "储量规模"


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@cache
def _patterns(vocab: Vocabulary) -> tuple[re.Pattern[str], re.Pattern[str]]:
    q = vocab.quantities
    before = _alternation(list(q["before"]))
    after = _alternation(list(q["after"]))
    units = _alternation(q["units"])
    number = re.compile(
        rf"(?P<before>{before})?\s*{_NUMBER}\s*(?P<unit>{units})(?:\s*(?P<after>{after}))?"
    )
    reserve = re.compile(rf"(?P<cls>{_alternation(q['reserve_classes'])})以上")
    return number, reserve


def _comparator(found: re.Match[str], vocab: Vocabulary) -> str:
    q = vocab.quantities
    if found["num2"]:
        return "between"
    if found["after"]:
        return q["after"][found["after"]]
    if found["before"]:
        return q["before"][found["before"]]
    return "="


def _number(found: re.Match[str], text: str, vocab: Vocabulary) -> dict[str, Any]:
    low = float(found["num"])
    value: Any = [low, float(found["num2"])] if found["num2"] else low
    start = found.start("num")
    if found["before"] and found["before"] in ("≤", "≥"):
        start = found.start("before")
    return {
        "value": value,
        "unit": found["unit"],
        "comparator": _comparator(found, vocab),
        "text": text[start : found.end()],
        "limit": bool({found["before"], found["after"]} & set(vocab.quantities["limits"])),
        "start": start,
        "end": found.end(),
    }


def find_quantities(text: str, start: int, end: int, vocab: Vocabulary) -> list[dict[str, Any]]:
    """Quantities of text[start:end], offsets into `text`; one in brackets right after another
    is that one's ``equivalent``, not a quantity of its own."""
    number, reserve = _patterns(vocab)
    found = [_number(m, text, vocab) for m in number.finditer(text, start, end)]
    found += [
        {
            "value": m["cls"],
            "unit": RESERVE_UNIT,
            "comparator": ">=",
            "text": m.group(),
            "limit": True,
            "start": m.start(),
            "end": m.end(),
        }
        for m in reserve.finditer(text, start, end)
    ]
    found.sort(key=lambda q: q["start"])
    out: list[dict[str, Any]] = []
    for q in found:
        if out and text[out[-1]["end"] : q["start"]].strip() == "（":
            out[-1]["equivalent"] = {k: q[k] for k in ("value", "unit", "comparator", "text")}
            continue
        out.append(q)
    return out


def period_of(sentence: str, vocab: Vocabulary) -> str | None:
    """The period a sentence sets (到 2025 年 → 2025年; 规划期内 → 2021-2025年; 每年)."""
    year = _YEAR.search(sentence)
    if year:
        return f"{year['year']}年"
    for word, period in vocab.quantities["periods"].items():
        if word in sentence:
            return period
    return None


def binding_of(text: str, vocab: Vocabulary) -> str | None:
    """约束性 or 预期性 when `text` says which, else None."""
    return next((w for w in vocab.quantities["binding"] if w in text), None)


def public(quantity: dict[str, Any], period: str | None, binding: str | None) -> dict[str, Any]:
    """The stored form of a quantity: {value, unit, comparator, period, binding, text}."""
    out = {k: quantity[k] for k in ("value", "unit", "comparator")}
    out |= {"period": period, "binding": binding, "text": quantity["text"]}
    if "equivalent" in quantity:
        out["equivalent"] = quantity["equivalent"]
    return out
