"""One rule against one application: 符合, 不符合, 需核实 or 不适用, with a one-line reason.

The steps run in order and the first that settles the rule decides: what is unknown about its
applicability, its exception, its condition, the zone type it concerns, the mining method, its
quantity (units converted), a table the text lacks, and last its modality.
"""

from __future__ import annotations

from typing import Any

from kb.check.applicability import actions
from kb.check.application import Application
from kb.check.terms import (
    CHANGE_FACTS,
    CONDITION_FACTS,
    CONTROL_FACTS,
    METHOD_WORDS,
    NEEDS_SCALE,
    RESERVE_CONDITIONS,
    ZONE_FACTS,
)
from kb.check.units import compare, rule_scale
from kb.vocabulary import CHECK_FACTS, RESERVE_CLASSES, RESULTS

Finding = tuple[str, str] | None  # (result, reason); None: this step does not settle the rule
FAIL, VERIFY, PASS, NA = RESULTS  # the results a rule can have, worst first
BINDING = ("forbidden", "required", "restricted", "quota")


def evaluate(rule: dict[str, Any], app: Application, note: str | None = None) -> tuple[str, str]:
    if note:
        return VERIFY, note
    for step in (exception, condition, change, control, zone_type, method, quantity, needs):
        found = step(rule, app)
        if found:
            return found
    return modality(rule, app)


def exception(rule: dict[str, Any], app: Application) -> Finding:
    text = rule.get("exception")
    keys = [k for w, k in CONDITION_FACTS.items() if text and w in text]
    if keys and app.facts.get(keys[0]):
        return NA, f"申请属于除外情形（{text}）"
    return None


def condition(rule: dict[str, Any], app: Application) -> Finding:
    text = rule.get("condition")
    if not text or text.startswith(("同等条件", "对不符合")):
        return None
    for word, key in CONDITION_FACTS.items():
        if word in text and not app.facts.get(key):
            return _unmet(rule, text, app.facts.get(key), CHECK_FACTS[key])
    classes = [c for w, c in RESERVE_CONDITIONS.items() if w in text and "储量规模" in text]
    if classes:
        if app.reserve is None:
            return VERIFY, f"本条适用于“{text}”情形，申请未填写储量规模"
        return None if app.reserve in classes[0] else (NA, f"仅适用于“{text}”情形")
    if any(w in text for w in CONDITION_FACTS) or any(w in text for w in ("重组",)):
        return None
    if rule["modality"] in ("forbidden", "required"):
        return VERIFY, f"需核实是否属于“{text}”情形"
    return NA, f"仅适用于“{text}”情形"


def change(rule: dict[str, Any], app: Application) -> Finding:
    """A ban on existing mines (既有露天矿山平面扩大范围) applies when the change is stated."""
    existing = [c for c in rule["subjects"]["mine_classes"] if c.startswith("既有")]
    keys = [k for w, k in CHANGE_FACTS.items() if existing and w in rule["text"]]
    if not keys or rule["modality"] != "forbidden":
        return None
    stated, label = app.facts.get(keys[0]), CHECK_FACTS[keys[0]]
    if stated is None:
        return VERIFY, f"本条禁止{label}，需核实申请是否{label}"
    return None if stated else (NA, f"申请不涉及{label}")


def control(rule: dict[str, Any], app: Application) -> Finding:
    """A requirement to meet a control the place is stated to be inside (生态保护红线)."""
    if rule["modality"] != "required":
        return None
    for word, key in CONTROL_FACTS.items():
        if word in rule["text"] and app.facts.get(key):
            return FAIL, f"申请{CHECK_FACTS[key]}，本条要求符合{word}的管控要求"
    return None


def _unmet(rule: dict[str, Any], text: str, stated: bool | None, label: str) -> Finding:
    if stated is False:
        return NA, f"申请不属于“{text}”情形（{label}：否）"
    if rule["modality"] in ("forbidden", "restricted"):
        return VERIFY, f"需核实是否{label}（本条适用于“{text}”情形）"
    return NA, f"仅适用于“{text}”情形，申请未说明"


def in_zone(zone_type: str, app: Application) -> bool | None:
    if app.zone and app.zone["type"] == zone_type:
        return True
    return app.facts.get(ZONE_FACTS.get(zone_type, ""))


def zone_type(rule: dict[str, Any], app: Application) -> Finding:
    """A rule on zones of a type: inside → settled by the zone (unless a quantity or a scale
    table still applies); outside → fails only a rule requiring a zone listed elsewhere;
    unknown → to verify where the list of zones lives, else not applicable."""
    subjects = rule["subjects"]
    types = [t for t in subjects["zone_types"] if t in ZONE_FACTS]
    if not types or subjects["regions"] or subjects["zones"]:
        return None
    kind, needs = types[0], rule.get("needs")
    listed = needs if needs and needs not in NEEDS_SCALE else None  # where the zones are listed
    inside = in_zone(kind, app)
    if inside:  # a rule without an action sets up the zone itself: the zone settles it
        if actions(rule) and (rule.get("quantity") or (needs and not listed)):
            return None
        return PASS, f"申请位于{kind}内；{kind}的设置要求由{listed or '市、县级规划'}落实"
    if inside is False:
        if rule["modality"] == "required" and listed:
            return FAIL, f"规划要求位于{kind}内，申请不在{kind}内"
        return NA, f"申请不在{kind}内"
    if rule["modality"] in BINDING and listed:
        return VERIFY, f"是否位于{kind}内需核对{listed}（文本未收录）"
    return NA, f"仅适用于{kind}内的项目，申请未说明是否位于其内"


def rule_method(rule: dict[str, Any]) -> str | None:
    words = [*actions(rule), *rule["subjects"]["mine_classes"]]
    return next((METHOD_WORDS[w] for w in words if w in METHOD_WORDS), None)


def method(rule: dict[str, Any], app: Application) -> Finding:
    wanted = rule_method(rule)
    if not wanted or rule["modality"] in ("quota", "restricted"):
        return None
    if app.method is None:
        return VERIFY, f"本条涉及{wanted}开采，申请未填写开采方式"
    if rule["modality"] == "forbidden":
        if app.method != wanted:
            return PASS, f"规划禁止的是{wanted}开采，申请为{app.method}开采"
        return FAIL, f"规划禁止此类{wanted}开采，申请为{app.method}开采"
    if app.method == wanted:  # the right method; a scale the rule sets is compared next
        return (
            None if rule.get("quantity") else (PASS, f"申请为{wanted}开采，符合规划要求的开采方式")
        )
    if rule["modality"] == "required":
        return FAIL, f"规划要求{wanted}开采，申请为{app.method}开采"
    return VERIFY, f"规划鼓励{wanted}开采，申请为{app.method}开采，需说明未采用的理由"


def quantity(rule: dict[str, Any], app: Application) -> Finding:
    q = rule.get("quantity")
    if not q:
        return None
    if q["unit"] == "储量规模":
        return reserve(q, app)
    limit = rule_scale(q["value"], q["unit"])
    if limit is None:
        return None
    if app.scale is None:
        return VERIFY, f"规划规定规模{_bound(q)}{limit}，申请未填写开采规模"
    diff = compare(app.scale, limit)
    if diff is None:
        return VERIFY, (
            f"规划以{limit.unit}计（{_bound(q)}{limit}），申请以{app.scale.unit}计；"
            "规划未给出两者的换算（无密度），需按实际密度核实"
        )
    return _compared(q, app, limit, diff)


def _bound(q: dict[str, Any]) -> str:
    return {">=": "不低于", "<=": "不超过"}.get(q["comparator"], "为")


def _compared(q: dict[str, Any], app: Application, limit, diff: float) -> Finding:
    ok = diff >= 0 if q["comparator"] == ">=" else diff <= 0
    stated = f"申请{app.scale}，规划{_bound(q)}{limit}"
    if not ok:
        return FAIL, stated
    if q["comparator"] == "<=" and q["unit"] == limit.unit.removesuffix("/年"):
        return VERIFY, f"{stated}（全省年度总量）；需核实是否纳入当年开采总量控制指标"
    return PASS, stated


def reserve(q: dict[str, Any], app: Application) -> Finding:
    need = str(q["value"])
    if app.reserve is None:
        return VERIFY, f"规划要求储量规模{need}以上，申请未填写储量规模"
    ok = RESERVE_CLASSES.index(app.reserve) <= RESERVE_CLASSES.index(need)
    return (PASS if ok else FAIL), f"申请储量规模为{app.reserve}，规划要求{need}以上"


def needs(rule: dict[str, Any], app: Application) -> Finding:
    if rule.get("needs") and not rule.get("quantity"):
        return VERIFY, f"须核对{rule['needs']}，规划文本未收录"
    return None


def modality(rule: dict[str, Any], app: Application) -> tuple[str, str]:
    kind = rule["modality"]
    if kind == "forbidden":
        return FAIL, "规划禁止此类项目"
    if kind in ("restricted", "quota"):
        return VERIFY, "规划对此实行限制或总量控制，需加强审核并核实年度指标"
    if kind == "required":
        stated = app.facts.get("承诺")
        if stated is None:
            return VERIFY, "规划准入义务，需核实申请材料是否落实"
        return (PASS, "申请人已承诺落实") if stated else (FAIL, "申请人未承诺落实规划准入义务")
    return PASS, "属规划鼓励或重点支持的方向"
