"""What the plan's text cannot answer, said honestly: matters outside the plan's scope (石油,
天然气 — the plan says so itself) and lists or figures it puts outside its text (附表7, 附表4,
附表6, 县级规划), each citing where the plan says so. Data: gaps.toml beside this module."""

from __future__ import annotations

import tomllib
from functools import lru_cache
from pathlib import Path
from typing import Any

from kb.ask.answer import Answer
from kb.ask.sentences import Sentences
from kb.documents import Library

DATA = Path(__file__).with_name("gaps.toml")


@lru_cache(maxsize=1)
def table() -> dict[str, list[dict[str, Any]]]:
    with DATA.open("rb") as f:
        return tomllib.load(f)


class Gaps:
    def __init__(self, library: Library, sentences: Sentences):
        self.library = library
        self.sentences = sentences

    def outside(self, question: str) -> Answer | None:
        """规划未涉及, citing the plan's own statement of its scope."""
        for entry in table()["outside"]:
            words = [w for w in entry["words"] if w in question]
            facts = self._anchored(entry["anchor"]) if words else []
            if facts:  # said only of a plan that states its scope so
                answer = f"规划未涉及{'、'.join(words)}：规划范围不含{'、'.join(words)}。"
                return Answer("not_in_plan", answer, facts)
        return None

    def elsewhere(self, question: str, intent: str, asked: str) -> Answer | None:
        """Not in the text: the list or figure lives in an annex or a lower plan. A figure
        (`when_no_value`) only for a value the text was searched for in vain; a list only when
        it is what the question asks for (`asked`, the last thing it names)."""
        for entry in table()["elsewhere"]:
            topics = entry["topics"]
            if not any(all(w in question for w in topic) for topic in topics):
                continue
            if entry.get("when_no_value") and intent != "value":
                continue
            if "intents" in entry and (
                intent not in entry["intents"] or not any(asked in t for t in topics)
            ):
                continue
            anchored = self._anchored(entry["anchor"])
            if not anchored:  # a plan that does not say so has the list in its text or not at all
                continue
            facts = self._annex(entry.get("annex_title")) + anchored
            where = entry["where"]
            answer = f"规划文本未载明：所问内容见{where}，规划文本中没有列出。"
            return Answer("not_in_text", answer, facts)
        return None

    def _anchored(self, anchor: str) -> list[dict[str, Any]]:
        sentence = self.sentences.holding(anchor)
        return [self.sentences.fact(sentence)] if sentence else []

    def _annex(self, title: str | None) -> list[dict[str, Any]]:
        if not title:
            return []
        for clause_id in self.library.order:
            clause, doc = self.library.get(clause_id)
            if clause.part == "annex" and title in (clause.title or ""):
                data = self.library.clause_dict(clause, doc)
                return [{"text": clause.text, "citation": data["citation"]}]
        return []
