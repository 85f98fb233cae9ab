"""The overall verdict from the checks, and the rules that decide it.

不符合 if any rule fails, 需核实 if any cannot be settled, 符合 only when every applicable rule
passes. Across plans the worst result wins, so the stricter plan decides. The plan's own review
clause (第九章第二节: 对不符合条件的，不予通过规划审核) is added as a check with the verdict's
result, since it is what makes a failed condition a failed review.
"""

from __future__ import annotations

from typing import Any

from kb.check.evaluate import FAIL, NA, PASS, VERIFY
from kb.check.terms import NEEDS_SCALE, REVIEW_MARKER

NO_RULE = "规划文本中没有适用于该申请的条款，需人工核实"


def verdict(checks: list[dict[str, Any]]) -> str:
    results = {c["result"] for c in checks}
    for result in (FAIL, VERIFY, PASS):
        if result in results:
            return result
    return VERIFY


def decisive(checks: list[dict[str, Any]], result: str) -> list[dict[str, Any]]:
    """The checks that decide `result`: every failing rule for 不符合, every open question for
    需核实, every applicable rule for 符合."""
    return [c for c in checks if c["result"] == result]


def settle_scale_tables(checks: list[dict[str, Any]]) -> None:
    """A rule that sends the minimum scale to a missing table (附表7) is settled when the text
    itself gives the minimum for this application (6.4.2: 菱镁矿 30 万吨/年): the result follows
    that comparison in the same plan and says so; otherwise it stays 需核实."""
    for check in checks:
        if check["needs"] not in NEEDS_SCALE or check["result"] != VERIFY:
            continue
        scale = [c for c in checks if c["scale"] and c["doc"] == check["doc"]]
        if scale:
            worst = verdict(scale)
            where = "、".join(dict.fromkeys(c["clause"] for c in scale))
            check["result"] = worst
            said = "；".join(dict.fromkeys(c["reason"] for c in scale if c["result"] == worst))
            check["reason"] = f"{check['needs']}未收录，以正文{where}规定的规模要求为准：{said}"
        else:
            check["reason"] = f"最低开采规模见{check['needs']}，文本未收录，需核对{check['needs']}"


def review_checks(review: list[dict[str, Any]], result: str) -> list[dict[str, Any]]:
    """The review clause of each plan, with the verdict the other rules give."""
    reasons = {
        FAIL: "申请不符合规划准入条件，依本条不予通过规划审核",
        VERIFY: "上述事项核实前，不能作出通过规划审核的结论",
        PASS: "申请符合各项适用的规划准入条件",
    }
    return [{**c, "result": result, "reason": reasons[result]} for c in review]


def is_review(rule: dict[str, Any]) -> bool:
    return REVIEW_MARKER in rule["text"]


__all__ = ["NA", "NO_RULE", "decisive", "is_review", "review_checks", "settle_scale_tables"]
