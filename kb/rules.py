"""The rule base: every normative sentence of the plans as a typed rule (`rules.json`, written by
`ingest.rules`), filtered by mineral, region, zone, modality and action, each with its citation.

    book = RuleBook(rules, graph)
    book.rules(mineral="菱镁", modality="forbidden")   # {"filters", "total", "rules": [...]}

Names resolve through the lexicon's aliases (菱镁 → 菱镁矿, 岫岩 → 岫岩满族自治县); an unknown
name raises NotFound with suggestions, an unknown modality or action BadQuery with the choices.
A region takes the rules that name it, its counties or a functional area it belongs to, and
those of a zone that covers it (区内… of 营口-丹东…勘查开发区 for 岫岩). A zone takes
the rules that name it and those on every zone of its type (重点开采区内…); a zone type
(重点勘查区) the rules on that type.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from kb.errors import BadQuery
from kb.names import checked
from kb.store import read_json
from kb.vocabulary import RULE_MODALITIES

if TYPE_CHECKING:
    from kb.graph.query import GraphQuery

RULES_FILE = "rules.json"
CHOICE_LABELS = {"modality": "规则类型", "action": "行为"}
Rule = dict[str, Any]


def load_rules(root: Path) -> list[Rule]:
    return read_json(Path(root) / RULES_FILE)


class RuleBook:
    """The rules of one KB with the graph they are resolved against."""

    def __init__(self, rules: list[Rule], graph: GraphQuery):
        self.all = rules
        self.q = graph
        self.lexicon = graph.lexicon
        self.actions = sorted({a for r in rules for a in r["actions"]})
        self.zone_by_name = {graph.g.nodes[z]["name"]: z for z in graph.zone_ids}
        self._near: dict[str, set[str]] = {}

    def rules(
        self,
        mineral: str | None = None,
        region: str | None = None,
        zone: str | None = None,
        modality: str | None = None,
        action: str | None = None,
        general: bool = False,
    ) -> dict[str, Any]:
        """{filters, total, rules}: the rules matching every filter given, in reading order,
        each with its citation. With `general`, a rule that names no mineral (no region and no
        zone; no zone and no zone type) passes that filter too: it holds province-wide."""
        filters = self.filters(mineral, region, zone, modality, action)
        filters["general"] = bool(general)
        found = [r for r in self.all if self.matches(r, filters)]
        return {
            "filters": {k: v for k, v in filters.items() if k != "zone_record"},
            "total": len(found),
            "rules": [self.cited(r) for r in found],
        }

    def cited(self, rule: Rule) -> Rule:
        return {**rule, "citation": self.q.library.citation(rule["clause_id"])}

    # -- filters -------------------------------------------------------------------------------

    def filters(self, mineral, region, zone, modality, action) -> dict[str, Any]:
        lex = self.lexicon
        out: dict[str, Any] = {
            "mineral": lex.canonical(checked(mineral, "mineral"), "mineral") if mineral else None,
            "region": lex.canonical(checked(region, "region"), "region") if region else None,
            "modality": self.choice(modality, RULE_MODALITIES, "modality"),
            "action": self.choice(action, self.actions, "action"),
            "zone": None,
            "zone_type": None,
            "zone_record": None,
        }
        if zone:
            text = checked(zone, "zone", 200)
            if lex.candidates(text, "zone_type") or self._is_type_slug(text):
                out["zone_type"] = lex.zone_type(text)["name"]
            else:
                record = self.q.record(self.q.zone_id(text))
                out |= {"zone": record["name"], "zone_type": record["type"], "zone_record": record}
        return out

    def _is_type_slug(self, text: str) -> bool:
        return any(e["slug"] == text for e in self.lexicon.entries["zone_type"].values())

    @staticmethod
    def choice(value: str | None, allowed, what: str) -> str | None:
        if value is None or not value.strip():
            return None
        value = value.strip()
        if value not in allowed:
            choices = "、".join(allowed)
            zh = CHOICE_LABELS[what]
            raise BadQuery(f"没有这个{zh}：{value}。可选：{choices}。Unknown {what} {value!r}.")
        return value

    def matches(self, rule: Rule, f: dict[str, Any]) -> bool:
        s = rule["subjects"]
        if f["modality"] and rule["modality"] != f["modality"]:
            return False
        if f["action"] and f["action"] not in rule["actions"]:
            return False
        wide = f["general"]
        if f["mineral"] and f["mineral"] not in s["minerals"] and not (wide and not s["minerals"]):
            return False
        placeless = wide and not s["regions"] and not s["zones"]
        if f["region"] and not self.in_region(rule, f["region"]) and not placeless:
            return False
        if wide and not s["zones"] and not s["zone_types"]:
            return True
        if f["zone"]:
            return f["zone"] in s["zones"] or f["zone_type"] in s["zone_types"]
        return not f["zone_type"] or f["zone_type"] in s["zone_types"]

    def near(self, region: str) -> set[str]:
        """The region, its counties (a city's) or members (an area's), and the areas it is in."""
        if region not in self._near:
            found = {*self.q.related_regions(region), *self.lexicon.areas_of(region)}
            self._near[region] = found
        return self._near[region]

    def in_region(self, rule: Rule, region: str) -> bool:
        """Whether the rule names the region, a county of it or an area holding it, or (naming
        no region itself) speaks of a zone that covers it. A county does not take the rules that
        only name its city (鞍山…铁矿 is not a rule on 岫岩)."""
        near = self.near(region)
        zones = [
            self.q.g.nodes[z] for z in map(self.zone_by_name.get, rule["subjects"]["zones"]) if z
        ]
        if any(region in z["excludes"] for z in zones):
            return False  # 鞍山市（除海城市、岫岩县外）: the zone leaves the region out
        named = set(rule["subjects"]["regions"])
        if named:
            return bool(named & near)
        return any(self.q.covers(z, region) for z in zones)
