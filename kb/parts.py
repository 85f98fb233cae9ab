"""The parts of a build a KnowledgeBase loads on first use: the lexicon, the graph and its
views, the index, the rule base, query understanding, the asker and the checker. Each part is
loaded once per open build and only when a query needs it; `warm()` loads them all now."""

from __future__ import annotations

import threading
from collections.abc import Callable
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kb.documents import Library
from kb.errors import KBMissing

if TYPE_CHECKING:
    from kb.ask import Asker
    from kb.check import Checker
    from kb.graph.query import GraphQuery
    from kb.graph.views import Views
    from kb.lexicon import Lexicon
    from kb.rules import RuleBook
    from kb.search.engine import SearchIndex
    from kb.understand import Understander

PLAN_ASKERS = 8  # one-plan askers kept at once (each holds its plan's part of the graph)


class BuildParts:
    """One open build and its parts, each loaded on first use (KBMissing if the build lacks
    the file a part needs)."""

    root: Path
    library: Library

    @cached_property
    def search_index(self) -> SearchIndex:
        """The full-text index, opened on first use (KBMissing if the build has none)."""
        from kb.search.engine import SearchIndex

        return SearchIndex.open(self.root, self.library, self.lexicon, self.understander)

    @cached_property
    def understander(self) -> Understander:
        """Query understanding (traditional characters, synonyms, numerals, typos), shared by
        search and ask."""
        from kb.search.query import STOPWORDS
        from kb.understand import Understander, plan_text

        return Understander(plan_text(self.library), self._tokens, STOPWORDS)

    @cached_property
    def asker(self) -> Asker:
        """The asker over every loaded plan."""
        from kb.ask import Asker

        rules = self.rulebook.rules()["rules"]
        return Asker.build(self.graph, self.understander, self._tokens, rules)

    def plan_asker(self, slug: str) -> Asker:
        """The asker over plan `slug` alone: its clauses, records and rules (kb.graph.query's
        `one_plan`), so an answer and its facts come from that plan only; the last few are kept."""
        from kb.ask import Asker
        from kb.graph.query import one_plan

        askers, lock = self._plan_askers
        with lock:  # threads of one worker share the cache: look up, evict and insert at once
            asker = askers.get(slug)
            if asker is None:
                if len(askers) >= PLAN_ASKERS:
                    askers.pop(next(iter(askers)))
                rules = [r for r in self.rulebook.rules()["rules"] if r["doc"] == slug]
                plan = one_plan(self.graph, slug)
                asker = askers[slug] = Asker.build(plan, self.understander, self._tokens, rules)
        return asker

    @cached_property
    def _plan_askers(self) -> tuple[dict[str, Asker], threading.Lock]:
        return {}, threading.Lock()

    @cached_property
    def _tokens(self) -> Callable[[str], list[str]]:
        """jieba's words with the lexicon's names, for recognising names in a question."""
        from kb.search.analyzer import WordTokenizer

        return WordTokenizer(tuple(self.lexicon.words())).tokens

    @cached_property
    def _directory(self) -> dict[str, dict[str, Any]]:
        """The region and mineral lists, worked out once: they depend on the KB alone (50 ms)."""
        from kb.graph import directory

        return {
            "regions": directory.regions(self.graph),
            "minerals": directory.minerals(self.graph),
        }

    @cached_property
    def rulebook(self) -> RuleBook:
        """The rule base (rules.json), loaded on first use (KBMissing if the build lacks it)."""
        from kb.rules import RULES_FILE, RuleBook, load_rules

        self._part(RULES_FILE)
        return RuleBook(load_rules(self.root), self.graph)

    @cached_property
    def checker(self) -> Checker:
        """The 规划审核 over the rules of every loaded plan."""
        from kb.check import Checker

        return Checker(self.rulebook.all, self.graph, self.library)

    @cached_property
    def graph(self) -> GraphQuery:
        """The knowledge graph with the lexicon, loaded on first use (KBMissing if the build
        lacks them)."""
        from kb.graph.build import GRAPH_FILE, load_graph
        from kb.graph.query import GraphQuery

        return GraphQuery(load_graph(self._part(GRAPH_FILE)), self.library, self.lexicon)

    @cached_property
    def views(self) -> Views:
        """The region, mineral and zone answers over the graph."""
        from kb.graph.views import Views

        return Views(self.graph)

    @cached_property
    def lexicon(self) -> Lexicon:
        """Names and aliases of regions, minerals and zone types, shared by lookups and search."""
        from kb.lexicon import LEXICON_FILE, Lexicon

        self._part(LEXICON_FILE)
        return Lexicon.load(self.root)

    def _part(self, name: str) -> Path:
        """The path of one part of the build; KBMissing when the build lacks it."""
        path = self.root / name
        if not path.exists():
            raise KBMissing(f"the knowledge base at {self.root} has no {name}; rebuild it")
        return path

    def warm(self) -> None:
        """Load everything a query needs now rather than on the first request (a server calls
        this at start-up so no user waits for the dictionary to load)."""
        self.graph  # noqa: B018
        self._directory  # noqa: B018
        self.search_index.warm()
        self.asker  # noqa: B018
        self.views  # noqa: B018
        self.checker  # noqa: B018
