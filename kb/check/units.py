"""Scales and their units: a yearly output (20万吨/年, 10万立方米/年) and the conversions the plan
allows. Mass converts to mass and volume to volume; mass to volume needs a density, which the
plan never gives, so that comparison is left to verify (`None`)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from kb.errors import BadQuery

# unit → (family, factor to the family's base: 万吨/年 or 万立方米/年)
RATE_UNITS = {
    "吨/年": ("mass", 1e-4),
    "万吨/年": ("mass", 1.0),
    "亿吨/年": ("mass", 1e4),
    "立方米/年": ("volume", 1e-4),
    "万立方米/年": ("volume", 1.0),
}
# a total per year (专栏一: 菱镁矿 ≤3000 万吨 of yearly output) compares with a rate
TOTAL_UNITS = {"吨": "吨/年", "万吨": "万吨/年", "亿吨": "亿吨/年", "立方米": "立方米/年"}
TOTAL_UNITS["万立方米"] = "万立方米/年"
FAMILY_LABELS = {"mass": "重量（万吨/年）", "volume": "体积（万立方米/年）"}
_SPELLINGS = {"m3": "立方米", "m³": "立方米", "t": "吨", "a": "年"}
_FANG = re.compile(r"(?<!立)方(?!米)")  # 万方/年 = 万立方米/年
_SCALE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(\S*)\s*$")
EXAMPLE = "例如 20万吨/年 或 10万立方米/年"


@dataclass(frozen=True)
class Scale:
    value: float
    unit: str

    @property
    def family(self) -> str:
        return RATE_UNITS[self.unit][0]

    def base(self) -> float:
        """The value in its family's base unit (万吨/年 or 万立方米/年)."""
        return self.value * RATE_UNITS[self.unit][1]

    def __str__(self) -> str:
        return f"{self.value:g}{self.unit}"


def normal_unit(unit: str) -> str:
    """万吨/a, 万m3/年, 万方/年 → the plan's spelling (万吨/年, 万立方米/年)."""
    out = unit.replace("每年", "/年").replace("／", "/")
    for spelled, plan in _SPELLINGS.items():
        out = out.replace(spelled, plan)
    return _FANG.sub("立方米", out)


def parse_scale(text: str) -> Scale:
    """A scale as typed (20万吨/年); BadQuery without a number or a yearly unit."""
    match = _SCALE.match(text or "")
    if not match:
        raise BadQuery(f"开采规模应为数字加单位，{EXAMPLE}（收到：{text}）。Scale: number + unit.")
    value, unit = float(match[1]), normal_unit(match[2])
    if value <= 0:
        raise BadQuery(f"开采规模应大于 0（收到：{text}）。The scale must be positive.")
    if not unit:
        raise BadQuery(f"开采规模缺少单位，{EXAMPLE}。The scale {text!r} has no unit.")
    if unit not in RATE_UNITS:
        known = "、".join(RATE_UNITS)
        raise BadQuery(
            f"无法识别的规模单位“{unit}”，应为年产能单位之一：{known}。Unknown unit {unit!r}."
        )
    return Scale(value, unit)


def rule_scale(value: float, unit: str) -> Scale | None:
    """A rule's quantity as a Scale when it is a yearly output (or a yearly total), else None."""
    unit = TOTAL_UNITS.get(unit, unit)
    return Scale(value, unit) if unit in RATE_UNITS else None


def compare(applied: Scale, limit: Scale) -> float | None:
    """`applied` minus `limit` in the limit's unit; None when no conversion is given."""
    if applied.family != limit.family:
        return None
    return applied.base() / RATE_UNITS[limit.unit][1] - limit.value
