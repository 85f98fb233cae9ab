"""Ranking the clauses that apply to a zone, region or mineral: each once, strongest reason first.

A clause can apply for several reasons (it governs the zone's type, it names the zone's mineral
and its county …). `Requirements` keeps the clause once with every reason, scores it by its
strongest reason plus a point per further reason (at most four), and lists them in that order,
then in reading order. Each comes with the sentences that name what matched and its citation.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

# Scores of the reasons a clause applies, strongest first.
SCORES = {
    "zone_paragraph": 100,  # the paragraph that sets the zone out (营口-丹东…勘查开发区。)
    "zone_named": 95,  # names the zone itself (鞍山齐大山-西鞍山 … 等3个能源资源基地)
    "type_title": 90,  # governs the zone type in its lead sentence (明确重点开采区管控要求。)
    "stance_region": 85,  # a stance on the mineral for the zone's region (控制…岫岩县等地菱镁矿…)
    "mineral_county": 85,  # names the mineral and the zone's county
    "mineral_section": 80,  # in the section about the mineral (第六章第四节 菱镁矿)
    "mineral_city": 75,  # names the mineral and the zone's city
    "stance": 75,  # states a stance on the mineral (限制勘查, 总量控制 …)
    "type_inside": 70,  # a requirement inside zones of the type (在能源资源基地和国家规划矿区内…)
    "region": 70,  # names the region looked up
    "county": 60,  # names the zone's (or city's) county
    "area": 55,  # names a functional area that contains the county (辽东绿色经济区)
    "mineral": 50,  # names the mineral
    "city": 40,  # names the county's city (roll-up)
}
WHY = {
    "zone_paragraph": "设定该区的条文",
    "zone_named": "点名该区",
    "type_title": "{name}管控要求",
    "mineral_section": "{name}专节",
    "stance_region": "{name}政策（点名本地区）",
    "mineral_county": "点名{name}及所在县（市、区）",
    "mineral_city": "点名{name}及所在市",
    "stance": "{name}政策",
    "type_inside": "{name}内的要求",
    "region": "点名{name}",
    "county": "点名{name}",
    "area": "点名{name}",
    "mineral": "涉及{name}",
    "city": "点名{name}",
}
MAX_BONUS = 4  # further reasons add a point each, never enough to pass a stronger kind
WHOLE = {"zone_paragraph", "type_title", "mineral_section"}  # the whole clause applies
_SENTENCE = re.compile(r"[^。；]*[。；]?")


@dataclass
class Entry:
    clause: str
    order: int
    reasons: list[dict[str, str]] = field(default_factory=list)
    targets: set[str] = field(default_factory=set)

    @property
    def score(self) -> int:
        best = max(SCORES[r["rule"]] for r in self.reasons)
        return best + min(len(self.reasons) - 1, MAX_BONUS)


class Requirements:
    """Collects (clause, reason) pairs and renders them ranked and de-duplicated."""

    def __init__(self, order: dict[str, int]):
        self.order = order
        self.entries: dict[str, Entry] = {}

    def add(self, clause: str, rule: str, name: str, targets: tuple[str, ...] = ()) -> None:
        """Record that `clause` applies because of `rule` on `name`; `targets` are the node ids
        whose mentions pick the sentences to show."""
        entry = self.entries.setdefault(clause, Entry(clause, self.order.get(clause, 0)))
        reason = {"rule": rule, "name": name, "why": WHY[rule].format(name=name)}
        if reason not in entry.reasons:
            entry.reasons.append(reason)
        entry.targets.update(targets)

    def drop(self, clauses: Iterable[str]) -> None:
        """Forget `clauses` (e.g. those that leave the zone's county out: 除海城市、岫岩县外)."""
        for clause in list(clauses):
            self.entries.pop(clause, None)

    def ranked(self) -> list[Entry]:
        """Entries, strongest first, then in reading order."""
        return sorted(self.entries.values(), key=lambda e: (-e.score, e.order))


def sentences(text: str, spans: list[tuple[int, int, str]]) -> list[str]:
    """The sentences (up to 。 or ；) of `text` that name the most of the targets of `spans`
    ((start, end, target) triples), in order: those naming the mineral and the county together
    when there are such."""
    found = []
    for match in _SENTENCE.finditer(text):
        start, end = match.span()
        named = {t for s, _, t in spans if start <= s < end}
        if match.group().strip() and named:
            found.append((len(named), match.group().strip()))
    most = max((n for n, _ in found), default=0)
    return [sentence for n, sentence in found if n == most]


def render(
    entry: Entry, clause: dict[str, Any], spans: list[tuple[int, int, str]]
) -> dict[str, Any]:
    """One requirement: the clause with its reasons, score and citation, and the sentences that
    name what matched (none when the whole clause applies: `whole`)."""
    whole = any(r["rule"] in WHOLE for r in entry.reasons)
    return {
        "id": entry.clause,
        "title": clause["title"],
        "text": clause["text"],
        "path": clause["path"],
        "score": entry.score,
        "reasons": entry.reasons,
        "whole": whole,
        "sentences": [] if whole else sentences(clause["text"], spans),
        "citation": clause["citation"],
    }
