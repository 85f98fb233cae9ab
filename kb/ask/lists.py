"""Complete lists from the records: the minerals under a policy stance (禁止开采 …) and the
zones of a type, in a region, of a mineral — each item with the row or sentence stating it."""

from __future__ import annotations

import re
from typing import Any

from kb.ask.answer import Answer, joined
from kb.ask.recognise import Entities
from kb.ask.sentences import Sentences
from kb.graph.query import GraphQuery
from kb.vocabulary import NATIONAL, zone_level

QUALIFIER = 2  # a qualifier without 的 (湿地泥炭) is short; longer ones name places
_BREAK = re.compile(r"[、，；。：]|以及")


def stance_named(question: str, stances: list[str]) -> str | None:
    """The stance (禁止开采, 限制勘查 …) a question asks about, if any."""
    for stance in sorted(stances, key=len, reverse=True):
        head, tail = stance[:2], stance[2:]
        if stance in question or (head in question and tail and tail in question):
            return stance
    return None


def phrase(text: str, name: str, stance: str) -> str:
    """The words naming `name` in a stance sentence, with what qualifies it: 可耕地的砖瓦用粘土,
    砷和放射性等有害物质超过规定标准的煤炭, 湿地泥炭."""
    flat = text.replace(stance, "、")
    end = flat.find(name)
    if end < 0:
        return name
    start = max((m.end() for m in _BREAK.finditer(flat, 0, end)), default=0)
    prefix = flat[start:end].strip()
    if prefix.endswith("的") or len(prefix) <= QUALIFIER:  # 可耕地的…, 湿地; not 锦州义县等地
        return prefix + name
    return name


def stance_list(stance: str, rows: list[dict[str, Any]]) -> Answer:
    """Every mineral the plan puts under `stance`, each with the sentence saying so."""
    rows = [r for r in rows if r["stance"] == stance]
    items, facts, seen = [], [], set()
    for row in rows:
        item = phrase(row["text"], row["mineral"], stance)
        notes = [n for n in (row["condition"], row.get("exception")) if n and n not in item]
        item += f"（{'；'.join(notes)}）" if notes else ""
        items.append(item)
        key = (row["clause_id"], row["text"])
        if key not in seen:
            seen.add(key)
            facts.append({"text": row["text"], "citation": row["citation"]})
    answer = f"规划{stance}的矿种：{joined(list(dict.fromkeys(items)))}。"
    return Answer("answered", answer, facts)


class ZoneLists:
    """Zones by type, region and mineral, and how many there are."""

    def __init__(self, graph: GraphQuery, sentences: Sentences):
        self.q = graph
        self.sentences = sentences

    def answer(self, intent: str, found: Entities) -> Answer | None:
        if not found.zone_types:
            return None
        ztype = found.zone_types[0]
        region = found.regions[0] if found.regions else None
        mineral = found.minerals[0] if found.minerals else None
        national = NATIONAL in found.written.values() or NATIONAL in found.keywords
        if intent == "count" and not region and not national:
            stated = self.stated_count(ztype, mineral)
            if stated is not None:
                return stated
        zones = self.q.zone_list(ztype, region, mineral)
        zones = [z for z in zones if zone_level(z) == NATIONAL] if national else zones
        named = (region, mineral, NATIONAL if national else None)
        what = "".join(found.written.get(n, n) for n in named if n) + ztype
        if not zones:
            return self._none(ztype, what)
        names = [z["name"] for z in zones]
        facts = [self._fact(z) for z in zones]
        return Answer("answered", f"{what}共 {len(zones)} 个：{joined(names)}。", facts)

    def _none(self, ztype: str, what: str) -> Answer | None:
        """No zone fits: say so, citing the sentence that sets the whole list."""
        whole = self.stated_count(ztype, None)
        if whole is None:
            return None
        answer = f"规划没有划定{what}（{whole.answer.rstrip('。')}）。"
        return Answer("answered", answer, whole.facts)

    def _fact(self, zone: dict[str, Any]) -> dict[str, Any]:
        text = self.q.clause(zone["clause_id"])["text"]
        return {
            "text": zone["name"] if zone["name"] in text else text,
            "citation": zone["citation"],
        }

    def stated_count(self, ztype: str, mineral: str | None) -> Answer | None:
        """The sentence that says how many zones of a type (of a mineral) the plan sets."""
        names = self.q.lexicon.aliases(mineral, "mineral") if mineral else []
        pattern = re.compile(rf"(\d+)\s*个([^，。；、]{{0,8}}?){re.escape(ztype)}")
        for sentence in self.sentences.all:
            for match in pattern.finditer(sentence.flat):
                between = match.group(2)
                named = any(n in between for n in names) if mineral else not between.strip("等")
                if named:
                    what = (mineral or "") + ztype
                    answer = f"规划共划定{what} {match.group(1)} 个。"
                    return Answer("answered", answer, [self.sentences.fact(sentence)])
        return None
