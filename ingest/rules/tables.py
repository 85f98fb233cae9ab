"""Rules from the indicator rows of a box (专栏一): 约束性 → quota, 预期性 → target, with the
value (≤3000, 2000左右, 5-10), unit, and period the box's note gives the row's category."""

from __future__ import annotations

import re
from typing import Any

from ingest.records import indicator_period
from kb.model import Clause

ATTRIBUTE = {"约束性": "quota", "预期性": "target"}
CATEGORY_ACTION = {"年开采量": "开采", "矿产资源勘查": "勘查"}
_VALUE = re.compile(
    r"^(?P<cmp>≤|≥)?(?P<num>\d+(?:\.\d+)?)(?:-(?P<num2>\d+(?:\.\d+)?))?(?P<about>左右)?$"
)
_COMPARATOR = {"≤": "<=", "≥": ">="}


def row_quantity(fields: dict[str, str], note: str) -> dict[str, Any] | None:
    """{value, unit, comparator, period, binding, text} of one indicator row."""
    raw = fields.get("指标值", "")
    found = _VALUE.match(raw)
    if not found:
        return None
    low = float(found["num"])
    if found["num2"]:
        value: Any = [low, float(found["num2"])]
        comparator = "between"
    else:
        value = low
        comparator = "~" if found["about"] else _COMPARATOR.get(found["cmp"] or "", "=")
    period, _ = indicator_period(note, fields.get("类别", ""))
    return {
        "value": value,
        "unit": fields.get("指标单位", "").split("，")[-1],
        "comparator": comparator,
        "period": period,
        "binding": fields.get("指标属性") or None,
        "text": raw,
    }


def row_rule(clause: Clause, minerals: list[str], note: str) -> dict[str, Any] | None:
    """The rule of one indicator row, or None when the row has no attribute or value."""
    fields = clause.fields or {}
    modality = ATTRIBUTE.get(fields.get("指标属性", ""))
    quantity = row_quantity(fields, note)
    if modality is None or quantity is None:
        return None
    action = CATEGORY_ACTION.get(fields.get("类别", ""))
    return {
        "modality": modality,
        "qualifier": None,
        "action": action,
        "actions": [action] if action else [],
        "subjects": {
            "minerals": minerals,
            "zone_types": [],
            "zones": [],
            "regions": [],
            "mine_classes": [],
        },
        "quantity": quantity,
        "needs": None,
        "span": [0, len(clause.text)],
        "phrase": [0, len(clause.text)],
        "text": clause.text,
        "condition": None,
        "exception": None,
        "indicator": fields.get("指标名称"),
    }
