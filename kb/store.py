"""The KB directory on disk: written in a fresh build folder, swapped in atomically.

Layout of one build::

    manifest.json           format version, fingerprint of what it was built from, documents
    documents/<slug>.json   one Document (metadata, outline, clauses) per document
    <other parts>           written by other kb modules through `KBWriter.path(...)`

`<kb>` itself is a symbolic link to the newest complete build in `<kb>.builds/`; replacing
the link is atomic, so a reader sees either the old KB or the new one, never a half-built one,
and a failed or interrupted build leaves the previous KB untouched.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import time
from pathlib import Path
from typing import Any

from kb.errors import KBError, KBMissing
from kb.model import Document

FORMAT = 1


def builds_dir(kb_path: Path) -> Path:
    return kb_path.with_name(kb_path.name + ".builds")


class KBWriter:
    """Context manager: `with KBWriter(path, fingerprint) as w: w.add_document(doc)`.

    Commits (swaps the new build in) on success; removes the partial build on any error.
    """

    def __init__(self, kb_path: Path, fingerprint: str = ""):
        self.kb_path = Path(kb_path)
        self.fingerprint = fingerprint
        self.documents: list[Document] = []
        self.root: Path | None = None

    def __enter__(self) -> KBWriter:
        builds = builds_dir(self.kb_path)
        builds.mkdir(parents=True, exist_ok=True)
        stamp = time.strftime("%Y%m%d-%H%M%S")
        self.root = Path(tempfile.mkdtemp(prefix=f"{stamp}-", dir=builds))
        (self.root / "documents").mkdir()
        return self

    def __exit__(self, exc_type, exc, tb) -> bool:
        if exc_type is None:
            try:
                self._commit()
                return False
            except BaseException:
                shutil.rmtree(self.root, ignore_errors=True)
                raise
        shutil.rmtree(self.root, ignore_errors=True)
        return False

    def path(self, name: str) -> Path:
        """A path inside the build folder for another part of the KB (graph, index …)."""
        return self.root / name

    def add_document(self, doc: Document) -> None:
        if any(d.slug == doc.slug for d in self.documents):
            raise KBError(f"two documents have the slug {doc.slug!r}; give each its own")
        self.documents.append(doc)
        write_json(self.root / "documents" / f"{doc.slug}.json", doc.to_dict())

    def _commit(self) -> None:
        manifest = {
            "format": FORMAT,
            "fingerprint": self.fingerprint,
            "built": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
            "documents": [d.slug for d in self.documents],
        }
        write_json(self.root / "manifest.json", manifest)
        previous = self.kb_path.resolve() if self.kb_path.is_symlink() else None
        _swap_link(self.kb_path, self.root)
        _prune(builds_dir(self.kb_path), keep={self.root, previous})


def _swap_link(kb_path: Path, target: Path) -> None:
    if kb_path.exists() and not kb_path.is_symlink():
        if not (kb_path / "manifest.json").exists():
            raise KBError(
                f"{kb_path} exists and is not a PlanKB knowledge base; choose another --kb"
            )
        kb_path.rename(builds_dir(kb_path) / f"00000000-legacy-{os.getpid()}")
    tmp_link = kb_path.with_name(f".{kb_path.name}.link-{os.getpid()}")
    tmp_link.unlink(missing_ok=True)
    tmp_link.symlink_to(os.path.relpath(target, kb_path.parent))
    os.replace(tmp_link, kb_path)


def _prune(builds: Path, keep: set[Path | None]) -> None:
    """Remove every complete build but the live one and the one before it (which a running
    reader may still use); a build without a manifest may be another writer's, in progress."""
    for build in builds.iterdir():
        if build not in keep and (build / "manifest.json").exists():
            shutil.rmtree(build, ignore_errors=True)


def write_json(path: Path, data: Any) -> None:
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")


def read_json(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def read_manifest(kb_path: Path) -> dict[str, Any]:
    """The manifest of the live build; KBMissing when there is none."""
    manifest = Path(kb_path) / "manifest.json"
    if not manifest.exists():
        raise KBMissing(
            f"知识库尚未建立（{kb_path}）。No knowledge base at {kb_path}; "
            f"build it with: plankb ingest --kb {kb_path}"
        )
    data = read_json(manifest)
    if data.get("format") != FORMAT:
        raise KBMissing(
            f"知识库版本过旧（{kb_path}），请重新建立。The knowledge base at {kb_path} is of an "
            f"older format; rebuild it with: plankb ingest --kb {kb_path}"
        )
    return data


def load_documents(root: Path, slugs: list[str]) -> dict[str, Document]:
    return {s: Document.from_dict(read_json(root / "documents" / f"{s}.json")) for s in slugs}
