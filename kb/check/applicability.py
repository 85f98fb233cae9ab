"""Whether a rule applies to an application: by mineral, place, zone, kind and mine class.

Each test answers True (applies), False (does not) or a note saying what is unknown (the
application leaves the field blank, or names a city where the rule names one of its counties).
"""

from __future__ import annotations

from typing import Any

from kb.check.application import Application
from kb.check.terms import (
    ADMIN_MARKERS,
    CLASS_KINDS,
    KIND_ACTIONS,
    KIND_SPECIFIC,
    ZONE_FACTS,
    ZONE_KINDS,
)
from kb.check.units import rule_scale
from kb.lexicon import Lexicon
from kb.vocabulary import APPLICATION_KINDS

Answer = bool | str  # True, False, or what must be verified


def actions(rule: dict[str, Any]) -> list[str]:
    return rule.get("actions") or ([rule["action"]] if rule.get("action") else [])


def rule_kinds(rule: dict[str, Any]) -> set[str]:
    """The application kinds a rule concerns: the kinds its actions name, else its mine classes',
    else every kind its actions cover (开采 → every mining kind)."""
    acts = set(actions(rule))
    named = acts & set(KIND_SPECIFIC)
    zones = [ZONE_KINDS[t] for t in rule["subjects"]["zone_types"] if t in ZONE_KINDS]
    if named or zones:
        return (named or set(APPLICATION_KINDS)) & set().union(*zones, *([named] if named else []))
    classes = [CLASS_KINDS[c] for c in rule["subjects"]["mine_classes"] if c in CLASS_KINDS]
    if classes:
        return set().union(*classes)
    return {k for k in APPLICATION_KINDS if acts & KIND_ACTIONS[k]}


def checkable(rule: dict[str, Any]) -> bool:
    """A rule an application can be held to: a condition on applicants (not a duty of the
    administration or a province-wide target), about some kind of application."""
    if rule["modality"] == "target" or any(m in rule["text"] for m in ADMIN_MARKERS):
        return False
    quantity = rule.get("quantity")
    if quantity and quantity["unit"] != "储量规模":
        if not rule_scale(quantity["value"], quantity["unit"]) or quantity["comparator"] == "~":
            return False
    subjects = [v for k, v in rule["subjects"].items() if v]
    specific = set(actions(rule)) & set(KIND_SPECIFIC) or quantity or rule.get("needs")
    return bool(rule_kinds(rule)) and bool(subjects or specific)


def by_kind(rule: dict[str, Any], app: Application) -> Answer:
    if app.kind is None:
        return "申请类型未填写，无法判断本条是否适用"
    return app.kind in rule_kinds(rule)


def by_mineral(rule: dict[str, Any], app: Application) -> Answer:
    minerals = rule["subjects"]["minerals"]
    return not minerals or bool(set(minerals) & set(app.minerals))


def app_places(app: Application) -> list[str]:
    if app.zone:
        return app.zone["counties"] or app.zone["regions"]
    return [app.region] if app.region else []


def by_place(rule: dict[str, Any], app: Application, lex: Lexicon) -> Answer:
    """True when the rule names no place or a region containing the application's place."""
    named = rule["subjects"]["regions"]
    zones = rule["subjects"]["zones"]
    if not named and zones:
        return bool(app.zone and app.zone["name"] in zones)
    if not named:
        return by_zone_type(rule, app)
    places = app_places(app)
    if not places:
        return f"本条限于{'、'.join(named)}，申请未填写地点"
    for place in places:
        if set(named) & {place, *lex.ancestors(place), *lex.areas_of(place)}:
            return by_zone_type(rule, app)  # in the place; a rule on a zone type needs it too
    inside = [r for r in named for p in places if r in lex.children(p)]
    if inside:
        return f"本条限于{'、'.join(inside)}，申请地点为{'、'.join(places)}，需核实具体县（市、区）"
    return False


def by_zone_type(rule: dict[str, Any], app: Application) -> bool:
    """A rule on zones of a type the application cannot state (能源资源基地, 国家规划矿区)
    applies only when the place given is such a zone; the types a fact settles
    (集中开采区, 规划区块 …) are judged in kb.check.evaluate."""
    types = rule["subjects"]["zone_types"]
    if not types or any(t in ZONE_FACTS for t in types):
        return True
    return bool(app.zone and app.zone["type"] in types)


def applies(rule: dict[str, Any], app: Application, lex: Lexicon) -> Answer:
    """False when a test fails, else the first unknown (a note); True when every test holds."""
    answers = [by_mineral(rule, app), by_place(rule, app, lex), by_kind(rule, app)]
    if False in answers:
        return False
    return next((a for a in answers if a is not True), True)
