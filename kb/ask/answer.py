"""An answer: its status, one sentence saying it, and the facts it rests on — each a verbatim
sentence or table row of the plan with that clause's citation."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from kb.vocabulary import ANSWER_STATUS


@dataclass
class Answer:
    status: str
    answer: str
    facts: list[dict[str, Any]] = field(default_factory=list)
    choices: list[str] = field(default_factory=list)

    def citations(self) -> list[dict[str, Any]]:
        """Each cited clause once, in the order the facts cite them."""
        seen: dict[str, dict[str, Any]] = {}
        for fact in self.facts:
            seen.setdefault(fact["citation"]["clause_id"], fact["citation"])
        return list(seen.values())

    def to_dict(self, question: str, understood: dict[str, Any]) -> dict[str, Any]:
        return {
            "question": question,
            "understood": understood,
            "status": self.status,
            "status_label": ANSWER_STATUS[self.status],
            "answer": self.answer,
            "facts": self.facts,
            "citations": self.citations(),
            "choices": self.choices,
        }


def joined(names: list[str]) -> str:
    return "、".join(names)
