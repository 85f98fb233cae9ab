"""Answers read from the sentences: what the plan requires (rules), what a term means, where
the plan speaks of something, and the figure a sentence states — each fact a sentence with its
citation."""

from __future__ import annotations

from kb.ask.answer import Answer
from kb.ask.recognise import Entities
from kb.ask.sentences import Sentence, Sentences

ENOUGH = 0.5  # the share of a question's keywords a sentence must hold to answer it
MOST = 3  # facts given for a rule or a definition


class Reading:
    def __init__(self, sentences: Sentences, aliases):
        self.sentences = sentences
        self.aliases = aliases  # (name, kind) → every surface form

    def names(self, found: Entities) -> list[list[str]]:
        """What a sentence must be near: each mineral, zone type and zone named."""
        out = [self.aliases(m, "mineral") for m in found.minerals]
        out += [self.aliases(t, "zone_type") for t in found.zone_types]
        return out

    def nearby(self, found: Entities) -> list[str]:
        return [a for r in found.regions for a in self.aliases(r, "region")]

    def best(self, found: Entities, quantity: bool = False) -> list[tuple[float, Sentence]]:
        ranked = self.sentences.ranked(
            found.keywords, self.names(found), quantity, self.nearby(found)
        )
        return [(score, s) for score, s in ranked if score >= ENOUGH]

    def rule(self, found: Entities) -> Answer | None:
        """The sentences that say what the plan requires of what the question names."""
        ranked = self.best(found)
        if not ranked:
            return None
        top = ranked[0][0]
        chosen = [s for score, s in ranked if score >= top - 0.15][:MOST]
        facts = [self.sentences.fact(s) for s in chosen]
        return Answer("answered", f"规划规定：{chosen[0].text}", facts)

    def definition(self, found: Entities) -> Answer | None:
        """The sentences that hold the term, whole."""
        ranked = self.best(found)
        if not ranked:
            return None
        top = ranked[0][0]
        chosen = [s for score, s in ranked if score >= top][:MOST]
        facts = [self.sentences.whole(s) for s in chosen]
        return Answer("answered", f"规划的表述：{facts[0]['text']}", facts)

    def where(self, found: Entities) -> Answer | None:
        """The section that speaks of it: headings holding the keywords count first."""
        ranked = self.best(found)
        if not ranked:
            return None
        keywords = found.keywords or ["　"]

        def titled(pair: tuple[float, Sentence]) -> float:
            return pair[0] + sum(k in pair[1].heading for k in keywords) / len(keywords)

        sentence = max(ranked, key=titled)[1]
        fact = self.sentences.fact(sentence)
        return Answer("answered", f"见{fact['citation']['text']}", [fact])
