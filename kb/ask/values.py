"""Figures: the plan's indicators (专栏一) and the sentences that state a quantity — targets,
quotas, minimum scales, areas, counts — each with its unit and what qualifies it."""

from __future__ import annotations

import re
from typing import Any

from kb.ask.answer import Answer
from kb.ask.recognise import Entities
from kb.ask.sentences import QUANTITY, Sentence, Sentences, squeezed

# Words that say which indicator category a question means.
# Words that say which kind of indicator a question means, by a word of the row's category or
# name (年开采量; 新增资源储量（铁矿）).
CATEGORY_WORDS = {
    "开采": ("开采量", "开采总量", "年开采", "年产量", "最多开采", "每年开采"),
    "新增": ("新增", "资源量", "储量"),
}
ENOUGH = 0.6  # a sentence must hold this share of the question's keywords to answer it


class Values:
    def __init__(self, indicators: list[dict[str, Any]], sentences: Sentences):
        self.indicators = indicators
        self.sentences = sentences

    def indicator(self, question: str, found: Entities) -> Answer | None:
        """The indicator row the question names (by mineral or name, and category)."""
        rows = [
            r
            for r in self.indicators
            if r["name"] in found.minerals
            or r["name"] in question
            or r["mineral"] in found.minerals
        ]
        named = any(r["name"] in question and r["name"] != r["mineral"] for r in rows)
        categories = [c for c, words in CATEGORY_WORDS.items() if any(w in question for w in words)]
        if categories:
            rows = [r for r in rows if categories[0] in r["category"] + r["name"]]
        if not rows or not (named or categories):
            return None
        row = rows[0]
        unit = row["unit"].split("，")[-1]
        what = row["unit"].split("，")[0] if "，" in row["unit"] else ""
        answer = (
            f"{row['category']}·{row['name']}：{row['value']} {unit}"
            f"（{'、'.join(x for x in (what, row['attribute'], row['period']) if x)}）。"
        )
        fact = {"text": row["text"], "citation": row["citation"]}
        return Answer("answered", answer, [fact])

    def stated(
        self, found: Entities, names: list[list[str]], noun: str | None = None
    ) -> Answer | None:
        """The sentence stating the figure asked for, with the words around the figure; with
        `noun`, a count of it (3个重点成矿区带)."""
        keywords = found.keywords
        if not keywords:  # nothing but names: no figure can be told from another
            return None
        for score, sentence in self.sentences.ranked(keywords, names, quantity=True)[:8]:
            if score < ENOUGH:
                return None
            fragment = self._fragment(sentence, keywords, noun)
            if fragment:
                answer = f"{fragment.rstrip('。；')}。"
                return Answer("answered", answer, [self.sentences.fact(sentence)])
        return None

    def choices(self, found: Entities) -> list[str]:
        """The sections that each state a figure for what is asked, when it names no subject
        and they tie (最低开采规模: 菱镁矿 and 砂石 each have one)."""
        ranked = self.sentences.ranked(found.keywords, [], quantity=True)
        if not ranked or ranked[0][0] < ENOUGH:
            return []
        top = ranked[0][0]
        titles = [self.sentences.section(s) for score, s in ranked if score >= top]
        return list(dict.fromkeys(titles))

    @staticmethod
    def _fragment(sentence: Sentence, keywords: list[str], noun: str | None) -> str | None:
        """The clause of the sentence (between commas) that holds a figure and a keyword; for a
        count, the figure counting `noun` (…等3个重点成矿区带)."""
        parts = [p for p in re.split(r"[，,：]", sentence.text) if QUANTITY.search(p)]
        if noun:
            counted = re.compile(rf"\d\s*(?:个|处|种|类|家|项)\S{{0,8}}?{re.escape(noun)}")
            parts = [p for p in parts if counted.search("".join(p.split()))]
        if not parts:
            return None
        flat = [squeezed(p) for p in parts]
        held = [sum(k in f for k in keywords) for f in flat]
        best = max(range(len(parts)), key=held.__getitem__)
        return parts[best].strip() if held[best] or not keywords else None
