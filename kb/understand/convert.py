"""Rewrites that need no knowledge of the plan: traditional characters to simplified (OpenCC's
dictionaries, through opencc-python-reimplemented) and Chinese numerals before a unit to digits
(cn2an): 三十万吨 → 30万吨, 二十万方 → 20万方, 百分之三十 → 30%.

Each function returns the new text and the rewrites it made, as (kind, before, after).
"""

from __future__ import annotations

import re
from functools import lru_cache

import cn2an
from opencc import OpenCC

Rewrite = tuple[str, str, str]

_NUMERAL = "零〇一二两三四五六七八九十百千"
# A numeral is rewritten only before a unit of measure, so 一个区块, 十四五 and 三率 stay.
_UNITS = "万|亿|吨|立方米|方|平方千米|平方公里|千米|公里|米|处|家|年|个"
_QUANTITY = re.compile(f"([{_NUMERAL}]+)(?=({_UNITS}))")
_COUNTERS = ("处", "家", "年", "个")
_SMALL = 10  # below this, 两个 and 三年 are words rather than figures
_PERCENT = re.compile(f"百分之([{_NUMERAL}]+)")


@lru_cache(maxsize=1)
def _t2s() -> OpenCC:
    return OpenCC("t2s")


def simplified(text: str) -> tuple[str, list[Rewrite]]:
    """`text` in simplified characters; one rewrite per changed run."""
    out = _t2s().convert(text)
    if out == text:
        return text, []
    return out, [("traditional", text, out)]


def _number(numeral: str) -> str | None:
    try:
        value = cn2an.cn2an(numeral, "smart")
    except (ValueError, KeyError, IndexError):
        return None
    return str(int(value)) if float(value).is_integer() else str(value)


def numerals(text: str) -> tuple[str, list[Rewrite]]:
    """Chinese numerals before a unit (三十万吨) and percentages (百分之三十) as digits."""
    rewrites: list[Rewrite] = []

    def quantity(match: re.Match[str]) -> str:
        number = _number(match.group(1))
        counted = match.group(2) in _COUNTERS
        if number is None or (counted and float(number) < _SMALL):  # 一处, 两年, 三个: words
            return match.group(0)
        rewrites.append(("numeral", match.group(0), number))
        return number

    def percent(match: re.Match[str]) -> str:
        number = _number(match.group(1))
        if number is None:
            return match.group(0)
        rewrites.append(("numeral", match.group(0), f"{number}%"))
        return f"{number}%"

    text = _PERCENT.sub(percent, text)
    return _QUANTITY.sub(quantity, text), rewrites
