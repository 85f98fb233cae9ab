"""The parts of a build a KnowledgeBase loads on first use: the lexicon, the graph and its
views, the index, the rule base, query understanding, the asker and the checker. Each part is
loaded once per open build and only when a query needs it; `warm()` loads them all now."""

from __future__ import annotations

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
        from kb.search.analyzer import WordTokenizer
        from kb.search.query import STOPWORDS
        from kb.understand import Understander, plan_text

        words = WordTokenizer(tuple(self.lexicon.words()))
        return Understander(plan_text(self.library), words.tokens, STOPWORDS)

    @cached_property
    def asker(self) -> Asker:
        from kb.ask import Asker
        from kb.search.analyzer import WordTokenizer

        words = WordTokenizer(tuple(self.lexicon.words()))
        return Asker.build(
            self.graph, self.understander, words.tokens, self.rulebook.rules()["rules"]
        )

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
