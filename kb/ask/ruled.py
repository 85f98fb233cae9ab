"""What the plan requires of a mineral or a zone type, from its typed rules (kb.rules): the
rules on every subject the question names, chosen by the question's keywords, each said with
its modality, condition and exception and cited by its sentence."""

from __future__ import annotations

from typing import Any

from kb.ask.answer import Answer
from kb.ask.recognise import Entities
from kb.ask.sentences import squeezed
from kb.vocabulary import RULE_MODALITIES

ENOUGH = 0.5  # the share of a question's keywords a rule's sentence must hold
MOST = 3


class RuleAnswers:
    def __init__(self, rules: list[dict[str, Any]]):
        self.rules = rules

    def answer(self, found: Entities) -> Answer | None:
        if not (found.minerals or found.zone_types) or not found.keywords:
            return None
        scored = sorted(
            ((self._score(r, found.keywords), n, r) for n, r in enumerate(self._about(found))),
            key=lambda t: (-t[0], len(t[2]["text"]), t[1]),
        )
        scored = [(s, r) for s, _, r in scored if s >= ENOUGH]
        if not scored:
            return None
        top = scored[0][0]
        first: dict[str, dict[str, Any]] = {}  # rules sharing a sentence: the best scored one
        for s, r in scored:
            if s >= top - 0.15:
                first.setdefault(r["text"], r)
        chosen = list(first.values())[:MOST]
        facts = [{"text": r["text"], "citation": r["citation"]} for r in chosen]
        return Answer("answered", said(chosen[0]), facts)

    def _about(self, found: Entities) -> list[dict[str, Any]]:
        """The rules whose subjects hold every mineral and zone type the question names."""
        return [
            r
            for r in self.rules
            if set(found.minerals) <= set(r["subjects"]["minerals"])
            and set(found.zone_types) <= set(r["subjects"]["zone_types"])
        ]

    @staticmethod
    def _score(rule: dict[str, Any], keywords: list[str]) -> float:
        flat = squeezed(rule["text"])
        return sum(k in flat for k in keywords) / len(keywords)


def said(rule: dict[str, Any]) -> str:
    """A rule in one sentence: 【禁止】the sentence（条件：…；例外：…）."""
    notes = [f"条件：{rule['condition']}" if rule.get("condition") else ""]
    notes.append(f"例外：{rule['exception']}" if rule.get("exception") else "")
    shown = "；".join(n for n in notes if n)
    label = RULE_MODALITIES.get(rule["modality"], rule["modality"])
    return f"【{label}】{rule['text']}" + (f"（{shown}）" if shown else "")
