"""Policy stances on minerals, as a view of the rules: a ban, restriction, priority or
encouragement naming a mineral (禁止开采 煤炭 with its condition 砷和放射性等有害物质超过规定标准的;
限制勘查 菱镁矿 except 除资源整合外; 重点勘查开发 锰矿 in 朝阳市, 葫芦岛市, 建昌县), and every
control of a total (总量控制 菱镁矿). The shape is the one lookups read:
{stance, mineral, text, condition, exception, regions, clause, rule}."""

from __future__ import annotations

from typing import Any

STANCE_ACTIONS = ("勘查", "开采", "勘查开发", "勘查开采", "新建", "露天开采", "地下开采")
PREFIX = {"forbidden": "禁止", "restricted": "限制", "priority": "重点", "encouraged": "鼓励"}
TOTAL = "总量"
TOTAL_STANCE = "总量控制"


def stance_label(rule: dict[str, Any], phrase: str) -> str | None:
    """禁止开采, 限制勘查, 重点勘查开发, 鼓励开采, 总量控制 … or None when the rule takes none
    (a requirement, a target, or an act that is not exploring or mining: 鼓励…资源整合)."""
    if rule["modality"] in ("restricted", "quota") and TOTAL in phrase:
        return TOTAL_STANCE
    prefix = PREFIX.get(rule["modality"])
    return prefix + rule["action"] if prefix and rule["action"] in STANCE_ACTIONS else None


def stances(rules: list[dict[str, Any]], texts: dict[str, str]) -> list[dict[str, Any]]:
    """The stances of `rules` (texts: clause id → clause text, for each rule's phrase)."""
    out = []
    for rule in rules:
        lo, hi = rule["phrase"]
        label = stance_label(rule, texts[rule["clause_id"]][lo:hi])
        if label is None:
            continue
        out += [
            {
                "stance": label,
                "mineral": mineral,
                "text": rule["text"],
                "condition": rule["condition"],
                "exception": rule["exception"],
                "regions": rule["subjects"]["regions"],
                "clause": rule["clause_id"],
                "rule": rule["id"],
            }
            for mineral in rule["subjects"]["minerals"]
        ]
    return out
