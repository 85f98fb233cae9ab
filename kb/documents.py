"""Queries over the document tree: the outline and one clause in its context."""

from __future__ import annotations

import difflib
from typing import Any

from kb.citation import cite, quotation
from kb.errors import UnknownClause
from kb.model import Clause, Document, Node

PROFILE_FIELDS = ("level", "region", "province", "period", "status")
LEVELS = ("国家", "省", "市", "县")  # plan levels, highest first


class Library:
    """Every document of the KB, with an index of its clauses by id."""

    def __init__(self, docs: dict[str, Document]):
        self.docs = docs
        self.order: list[str] = []
        self.by_id: dict[str, tuple[Clause, Document]] = {}
        for doc in docs.values():
            for clause in doc.clauses:
                self.by_id[clause.id] = (clause, doc)
                self.order.append(clause.id)
        self.position = {cid: i for i, cid in enumerate(self.order)}

    def get(self, clause_id: str) -> tuple[Clause, Document]:
        try:
            return self.by_id[clause_id]
        except KeyError:
            close = difflib.get_close_matches(clause_id[:200], self.order, n=5, cutoff=0.6)
            shown = clause_id if len(clause_id) <= 80 else clause_id[:80] + "…"
            raise UnknownClause(
                f"没有编号为 {shown} 的条文。No clause with id {shown!r}.", close
            ) from None

    def citation(self, clause_id: str) -> dict[str, Any]:
        """The citation of one clause (cheaper than the whole clause dict)."""
        return cite(*self.get(clause_id))

    def clause_dict(self, clause: Clause, doc: Document) -> dict[str, Any]:
        data = clause.to_dict()
        data["citation"] = cite(clause, doc)
        return data

    def clause(self, clause_id: str) -> dict[str, Any]:
        """One clause with its citation, its document and its neighbours in reading order."""
        clause, doc = self.get(clause_id)
        data = self.clause_dict(clause, doc)
        data["document"] = doc_meta(doc)
        styles = data["citation"]["styles"]
        data["quotation"] = {style: quotation(clause.text, text) for style, text in styles.items()}
        data["context"] = {
            "previous": self._neighbour(clause, -1),
            "next": self._neighbour(clause, 1),
        }
        return data

    def _neighbour(self, clause: Clause, step: int) -> dict[str, Any] | None:
        i = self.position[clause.id] + step
        if not 0 <= i < len(self.order):
            return None
        other, doc = self.by_id[self.order[i]]
        if doc.slug != clause.doc:
            return None
        return {"id": other.id, "title": other.title, "path": other.path, "text": other.text[:80]}

    def documents(self) -> dict[str, Any]:
        """Every document's metadata, higher levels first, current plans before repealed ones,
        then by title."""
        docs = [doc_meta(d) for d in self.docs.values()]
        docs.sort(key=lambda d: (level_rank(d), d["status"] != "现行", d["title"]))
        return {"total": len(docs), "documents": docs}

    def per_plan(self, answer: dict[str, Any]) -> list[dict[str, Any]]:
        """What each plan says in a lookup answer: for every plan that answers, its metadata
        and how many rows of each list (zones, requirements, projects …) cite it; higher levels
        first (国家, 省, 市, 县), so a county's page reads from the province's plan down."""
        counts: dict[str, dict[str, int]] = {}
        for key, rows in answer.items():
            for row in rows if isinstance(rows, list) else []:
                slug = (
                    (row.get("citation") or {}).get("document_slug")
                    if isinstance(row, dict)
                    else None
                )
                if slug in self.docs:
                    per = counts.setdefault(slug, {})
                    per[key] = per.get(key, 0) + 1
        plans = [{**doc_meta(self.docs[s]), "counts": c} for s, c in counts.items()]
        plans.sort(key=lambda d: (level_rank(d), d["status"] != "现行", d["title"]))
        return plans

    def outline(self) -> dict[str, Any]:
        """Every document's tree, with a short label per clause (its lead sentence, item title
        or row name, else the opening of its text) for tables of contents."""
        return {
            "documents": [
                {
                    **doc_meta(d),
                    "outline": [_node(n) for n in d.outline],
                    "labels": {c.id: _label(c) for c in d.clauses},
                }
                for d in self.docs.values()
            ]
        }


def doc_meta(doc: Document) -> dict[str, Any]:
    """A document's metadata: title, issuer, date, source and its profile (level 国家/省/市/县,
    region, province, period, status 现行/已废止; None where the plan does not say)."""
    profile = {k: doc.profile.get(k) for k in PROFILE_FIELDS}
    return {
        "slug": doc.slug,
        "title": doc.title,
        "issuer": doc.issuer,
        "date": doc.date,
        "source": doc.source,
        "clauses": len(doc.clauses),
        **profile,
    }


def level_rank(doc: dict[str, Any]) -> int:
    """Where a plan's level stands: national plans first, then province, city, county."""
    return LEVELS.index(doc["level"]) if doc.get("level") in LEVELS else len(LEVELS)


def _label(clause: Clause) -> str:
    if clause.kind == "box_item":
        return f"{clause.item}、{clause.title}"
    if clause.title and clause.kind != "note":
        return clause.title
    return clause.text if len(clause.text) <= 24 else clause.text[:24] + "…"


def _node(node: Node) -> dict[str, Any]:
    data = node.to_dict()
    data["children"] = [_node(c) for c in node.children]
    return data
