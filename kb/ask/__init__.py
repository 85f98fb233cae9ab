"""Questions answered from the plan: `Asker(...).ask("哪些矿种禁止开采？")`.

    {question, understood, status, status_label, answer, facts: [{text, citation}],
     citations, choices}

The question is understood like a search (kb.understand), its names recognised
(kb.ask.recognise), what it asks classified (kb.ask.classify), then answered from the records
(kb.ask.lists, kb.ask.values) or the sentences (kb.ask.reading); what the plan leaves out or
puts outside its text is said so (kb.ask.gaps). Every fact is a verbatim sentence or row of
the plan with its citation; status is answered | not_in_plan | not_in_text | ambiguous.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from kb.ask.answer import Answer, joined
from kb.ask.classify import INTENT_LABELS, filler, intent, stripped
from kb.ask.gaps import Gaps
from kb.ask.lists import ZoneLists, stance_list, stance_named
from kb.ask.reading import Reading
from kb.ask.recognise import Entities, Recogniser
from kb.ask.ruled import RuleAnswers
from kb.ask.sentences import Sentences
from kb.ask.values import Values
from kb.errors import BadQuery
from kb.graph.query import GraphQuery
from kb.search.query import STOPWORDS, has_words
from kb.understand import Understander

MAX_QUESTION = 200
NOTHING_ASKED = "问题中没有可查找的内容：请写明地区、矿种、分区或事项，如“哪些矿种禁止开采？”。"


class Asker:
    def __init__(
        self,
        graph: GraphQuery,
        understander: Understander,
        recogniser: Recogniser,
        rules: list[dict[str, Any]],
    ):
        self.graph = graph
        self.understand = understander
        self.recognise = recogniser
        self.sentences = Sentences(graph.library)
        self.stances = graph.all_stances()
        # every stance any loaded plan takes: a plan taking none of them says so
        self.stance_names = sorted(
            {d["name"] for _, d in graph.g.nodes(data=True) if d["kind"] == "stance"}
        )
        self.gaps = Gaps(graph.library, self.sentences)
        self.zones = ZoneLists(graph, self.sentences)
        self.values = Values(indicators(graph), self.sentences)
        self.reading = Reading(self.sentences, graph.lexicon.aliases)
        self.ruled = RuleAnswers(rules)

    @classmethod
    def build(
        cls,
        graph: GraphQuery,
        understander: Understander,
        tokens: Callable[[str], list[str]],
        rules: list[dict[str, Any]],
    ) -> Asker:
        """An Asker over one KB's graph and rules, recognising names with the jieba `tokens`."""
        zones: dict[str, str] = {}
        for zone_id in graph.zone_ids:
            name = graph.g.nodes[zone_id]["name"]
            short = name.removesuffix("（国家级）")
            for form in (name, short, short.removeprefix("辽宁")):
                zones.setdefault(form, zone_id)
        named = [r["name"] for r in indicators(graph) if r["name"] != r["mineral"]]
        terms = graph.lexicon.data.get("terms", [])
        ignored = STOPWORDS | home_filler(graph)
        recogniser = Recogniser(graph.lexicon, tokens, zones, named, terms, ignored)
        return cls(graph, understander, recogniser, rules)

    def ask(self, question: Any) -> dict[str, Any]:
        if not isinstance(question, str) or not has_words(question):
            raise BadQuery("请输入一个问题（须含文字）。Enter a question with words in it.")
        if len(question) > MAX_QUESTION:
            raise BadQuery(
                f"问题过长（{len(question)} 字），请缩短到 {MAX_QUESTION} 字以内。"
                f"The question is too long: keep it under {MAX_QUESTION} characters."
            )
        seen = self.understand(question.strip())
        kind = intent(seen.text)
        found = self.recognise(stripped(seen.text))
        understood = {
            **seen.to_dict(),
            "intent": kind,
            "intent_label": INTENT_LABELS[kind],
            "entities": found.to_dict(),
        }
        return self._answer(seen.text, kind, found).to_dict(question, understood)

    def _answer(self, text: str, kind: str, found: Entities) -> Answer:
        if found.ambiguous:
            word, names = next(iter(found.ambiguous.items()))
            return Answer("ambiguous", f"“{word}”可指{joined(names)}，请指明其一。", [], names)
        if found.empty():
            return Answer("ambiguous", NOTHING_ASKED)
        asked = found.last[1] if found.last else ""
        answer = self.gaps.outside(text)
        if answer is None and kind != "value":  # a figure is looked for in the text first
            answer = self.gaps.elsewhere(text, kind, asked)
        if answer is None and kind in ("list", "count"):
            answer = self._listed(text, kind, found)
        if answer is None:  # what follows reads the plan's text whatever region is named
            answer = away(self.graph, found.regions)
        if answer is None and kind == "value":
            answer = self._value(text, found)
        if answer is None and kind in ("where", "definition"):
            answer = getattr(self.reading, kind)(found)
        if answer is None and kind == "rule":
            answer = self.ruled.answer(found)
        if answer is None and kind != "value":
            answer = self.reading.rule(found)
        return answer or Answer("not_in_plan", "规划未涉及：规划文本中没有回答这个问题的条文。")

    def _listed(self, text: str, kind: str, found: Entities) -> Answer | None:
        asked_zone = found.last is not None and found.last[0] == "zone_type"
        plain = text
        for ztype in found.zone_types:
            plain = plain.replace(ztype, " ")
        stance = stance_named(plain, self.stance_names)
        if stance and not asked_zone:
            if not any(s["stance"] == stance for s in self.stances):
                return Answer("not_in_text", f"规划文本中没有写明{stance}的矿种。")
            return stance_list(stance, self.stances)
        answer = self.zones.answer(kind, found) if asked_zone else None
        if answer is None and kind == "count":
            noun = found.last[1] if found.last else None
            answer = self.values.stated(found, self.reading.names(found), noun)
        return answer

    def _value(self, text: str, found: Entities) -> Answer | None:
        answer = self.values.indicator(text, found)
        if answer is not None:
            return answer
        names = self.reading.names(found)
        if not names:
            choices = self.values.choices(found)
            if len(choices) > 1:
                return Answer(
                    "ambiguous", f"规划对{joined(choices)}各有规定，请指明所问。", [], choices
                )
        answer = self.values.stated(found, names)
        if answer is None:
            return self.gaps.elsewhere(text, "value", "") or Answer(
                "not_in_plan", "规划未涉及：规划文本中没有给出这个数值。"
            )
        return answer


def away(graph: GraphQuery, regions: list[str]) -> Answer | None:
    """规划未涉及 when every region the question names lies outside each plan's region (辽宁省
    put to the Hebei plan): neither in it nor holding it."""
    homes = [(d.title, d.profile.get("region")) for d in graph.library.docs.values()]
    lexicon = graph.lexicon
    if not regions or any(home not in lexicon.entries["region"] for _, home in homes):
        return None  # a plan of unknown scope may cover any place
    for region in regions:
        up = lexicon.ancestors(region)
        if any(h in (region, *up) or region in lexicon.ancestors(h) for _, h in homes):
            return None
    plans = "、".join(f"《{title}》（{home}）" for title, home in homes)
    return Answer("not_in_plan", f"规划未涉及：{plans}不涉及{joined(regions)}。")


def home_filler(graph: GraphQuery) -> frozenset[str]:
    """The filler words (kb.ask.classify) to ignore in a question put to `graph`'s plans: a word
    naming a region (辽宁省) is filler only where a plan's region or province is that region; put
    to the Hebei plan alone, 辽宁省 is a place the question names."""
    homes: set[str | None] = set()
    for doc in graph.library.docs.values():
        homes |= {doc.profile.get("region"), doc.profile.get("province")}
    if None in homes:  # a plan of unknown scope: every filler word stays filler
        return filler()
    lexicon = graph.lexicon
    return frozenset(
        w for w in filler() if all(n in homes for _, n in lexicon.candidates(w, "region"))
    )


def indicators(graph: GraphQuery) -> list[dict[str, Any]]:
    """Every indicator record (专栏一 rows) with its row's text."""
    ids = [n for n, d in graph.g.nodes(data=True) if d["kind"] == "indicator"]
    records = [graph.record(i) for i in ids]
    return [{**r, "text": graph.clause(r["clause_id"])["text"]} for r in records]
