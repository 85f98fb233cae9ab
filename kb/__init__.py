"""PlanKB's knowledge base: one facade over the stored documents, graph and index.

from kb import KnowledgeBase
kb = KnowledgeBase.open("var/kb")
kb.clause("liaoning-2021-2025/6.4.2")["citation"]["text"]
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

from kb.documents import Library
from kb.errors import (
    BadDocument,
    BadQuery,
    KBDamaged,
    KBError,
    KBMissing,
    NotFound,
    UnknownClause,
)
from kb.parts import BuildParts
from kb.plans import in_plan, plan_slug
from kb.store import load_documents, open_build

__all__ = [
    "BadDocument",
    "BadQuery",
    "KBDamaged",
    "KBError",
    "KBMissing",
    "KnowledgeBase",
    "NotFound",
    "UnknownClause",
]


class KnowledgeBase(BuildParts):
    """A built KB, opened read-only; holds a lease on its build until `close()`."""

    def __init__(self, root: Path, manifest: dict[str, Any], library: Library, lease=None):
        self.root = root
        self.manifest = manifest
        self.library = library
        self.lease = lease

    @classmethod
    def open(cls, path: str | Path) -> KnowledgeBase:
        """Open the live build at `path`: resolve the link and lease the build (so a later
        ingest neither moves nor removes files under a running reader), then check every file
        against the manifest (KBDamaged if any differs) before loading anything."""
        root, manifest, lease = open_build(Path(path))
        try:
            library = Library(load_documents(root, manifest["documents"]))
        except BaseException:
            lease.release()
            raise
        return cls(root, manifest, library, lease)

    def close(self) -> None:
        """Release the build's lease (an ingest may then remove it once it is not live) and
        close the index's open searchers, so a retired build holds no files."""
        if self.lease is not None:
            self.lease.release()
        if "search_index" in self.__dict__:  # opened: close what it holds, reopen on use
            self.search_index.close()

    def relock(self) -> None:
        """Take a fresh lease on this build for this process (after a fork)."""
        from kb.leases import share

        if self.lease is not None:
            self.lease.release()
        self.lease = share(self.root)

    def __enter__(self) -> KnowledgeBase:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def outline(self) -> dict[str, Any]:
        """The document tree of every document: chapters, sections, boxes, with pages, and a
        short label per clause."""
        return self.library.outline()

    def clause(self, clause_id: str) -> dict[str, Any]:
        """One clause with its citation and context; UnknownClause (with suggestions) if none."""
        return self.library.clause(clause_id)

    def search(
        self,
        q: str,
        limit: int = 10,
        offset: int = 0,
        region: str | None = None,
        mineral: str | None = None,
        zone_type: str | None = None,
        chapter: str | None = None,
        kind: str | None = None,
        page: int | None = None,
        doc: str | None = None,
    ) -> dict[str, Any]:
        """Clauses matching the query `q` (see kb.search.query for the syntax), best first, with
        highlighted snippets, citations, facet counts and a total; BadQuery on bad input."""
        filters = {"region": region, "mineral": mineral, "zone_type": zone_type}
        return self.search_index.search(
            q, limit=limit, offset=offset, page=page, chapter=chapter, kind=kind, doc=doc, **filters
        )

    def documents(self) -> dict[str, Any]:
        """Every plan of the KB with its level, region, period and status, higher levels first."""
        return self.library.documents()

    def ask(self, question: str, doc: str | None = None) -> dict[str, Any]:
        """A question answered from the plans (kb.ask): status, answer, facts with citations;
        `doc` (slug or title) answers from that plan alone and adds `doc`; BadQuery on a blank
        or overlong question, NotFound (with suggestions) for an unknown plan."""
        if doc is None or not doc.strip():
            return self.asker.ask(question)
        slug = plan_slug(self.library, doc)
        return {**self.plan_asker(slug).ask(question), "doc": slug}

    def answer_card(self, query: str, doc: str | None = None) -> dict[str, Any] | None:
        """The answer to a search query that reads as a question (哪些, 多少, 能否 …, or a
        question mark), shown above the hits (from plan `doc` when given); None for a plain
        search."""
        from kb.ask import MAX_QUESTION
        from kb.ask.classify import is_question

        if not isinstance(query, str) or len(query) > MAX_QUESTION or not is_question(query):
            return None
        return self.ask(query, doc)

    def regions(self) -> dict[str, Any]:
        """Every city, county and area the plan names or places a zone in, with counts, and the
        zones per city (for the map)."""
        return copy.deepcopy(self._directory["regions"])

    def minerals(self) -> dict[str, Any]:
        """Every mineral the plan names, with its zones, stances, indicators and mentions."""
        return copy.deepcopy(self._directory["minerals"])

    def region(self, name: str, doc: str | None = None) -> dict[str, Any]:
        """Everything about a region (name or alias: 丹东, 岫岩): zones, stances, rules,
        projects, requirements and mentions, each with its citation, and `plans`: what each plan
        says about it, higher levels first; `doc` (slug or title) cuts it to one plan; NotFound
        with suggestions if unknown."""
        answer = {**self.views.region(name), "rules": self.rules(region=name)["rules"]}
        return in_plan(self.library, {**answer, "plans": self.library.per_plan(answer)}, doc)

    def mineral(self, name: str, doc: str | None = None) -> dict[str, Any]:
        """Everything about a mineral (name or alias: 硼, 菱镁): indicators, stances, rules, zones,
        projects, technologies, requirements and mentions, and `plans`; `doc` cuts it to one
        plan; NotFound with suggestions if unknown."""
        answer = {**self.views.mineral(name), "rules": self.rules(mineral=name)["rules"]}
        return in_plan(self.library, {**answer, "plans": self.library.per_plan(answer)}, doc)

    def zones(
        self,
        zone_type: str | None = None,
        region: str | None = None,
        mineral: str | None = None,
        doc: str | None = None,
    ) -> dict[str, Any]:
        """Zones of a type (name or slug), in a region, of a mineral, of one plan (slug or
        title); any filter may be None."""
        answer = self.views.zones(zone_type=zone_type, region=region, mineral=mineral)
        return in_plan(self.library, answer, doc)

    def zone(self, zone_id: str) -> dict[str, Any]:
        """One zone (by id or name) with its rules and every requirement that applies to it,
        ranked."""
        return {**self.views.zone(zone_id), "rules": self.rules(zone=zone_id)["rules"]}

    def rules(
        self,
        mineral: str | None = None,
        region: str | None = None,
        zone: str | None = None,
        modality: str | None = None,
        action: str | None = None,
        general: bool = False,
        doc: str | None = None,
    ) -> dict[str, Any]:
        """{filters, total, rules}: the plans' rules (typed normative sentences) on a mineral,
        region, zone or zone type, of a modality and action (names or aliases; any may be None),
        in reading order, each with its citation; NotFound with suggestions for an unknown name,
        BadQuery for an unknown modality or action. `general` adds the rules that name no
        mineral, place or zone where those are filtered on (they hold province-wide); `doc`
        (slug or title) keeps one plan's rules."""
        found = self.rulebook.rules(mineral, region, zone, modality, action, general)
        return in_plan(self.library, found, doc)

    def check(self, application: dict[str, Any], doc: str | None = None) -> dict[str, Any]:
        """规划审核 of an application ({kind, mineral, place, method, scale, reserve, facts…}):
        every applicable rule with 符合/不符合/需核实/不适用, a verdict and a draft opinion;
        `doc` (slug or title) applies that plan's rules alone and adds `doc` (BadQuery if it
        does not cover the place); BadQuery or NotFound (with suggestions) when the application
        or the plan is bad."""
        if doc is None or not doc.strip():
            return self.checker.check(application)
        slug = plan_slug(self.library, doc)
        return {**self.checker.check(application, slug), "doc": slug}

    def check_docx(
        self, application: dict[str, Any], opinion: str | None = None, doc: str | None = None
    ) -> bytes:
        """The check's 审核意见 as a Word file: the draft, or `opinion` as the clerk edited it."""
        from kb.check.document import opinion_docx

        return opinion_docx(self.check(application, doc), opinion)
