"""PlanKB's knowledge base: one facade over the stored documents, graph and index.

    from kb import KnowledgeBase
    kb = KnowledgeBase.open("var/kb")
    kb.clause("liaoning-2021-2025/6.4.2")["citation"]["text"]
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kb.documents import Library
from kb.errors import BadDocument, BadQuery, KBError, KBMissing, NotFound, UnknownClause
from kb.store import load_documents, read_manifest

__all__ = [
    "BadDocument",
    "BadQuery",
    "KBError",
    "KBMissing",
    "KnowledgeBase",
    "NotFound",
    "UnknownClause",
]


class KnowledgeBase:
    """A built KB, opened read-only."""

    def __init__(self, root: Path, manifest: dict[str, Any], library: Library):
        self.root = root
        self.manifest = manifest
        self.library = library

    @classmethod
    def open(cls, path: str | Path) -> KnowledgeBase:
        """Open the live build at `path` (resolving the link, so a later rebuild does not move
        files under a running reader)."""
        manifest = read_manifest(Path(path))
        root = Path(path).resolve()
        return cls(root, manifest, Library(load_documents(root, manifest["documents"])))

    def documents(self) -> list[dict[str, Any]]:
        from kb.documents import doc_meta

        return [doc_meta(d) for d in self.library.docs.values()]

    def outline(self) -> dict[str, Any]:
        """The document tree of every document: chapters, sections, boxes, with pages."""
        return self.library.outline()

    def clause_labels(self) -> dict[str, str]:
        """Clause id → a short label (lead sentence, item title, row name) for outlines."""
        return self.library.labels()

    def clause(self, clause_id: str) -> dict[str, Any]:
        """One clause with its citation and context; UnknownClause (with suggestions) if none."""
        return self.library.clause(clause_id)
