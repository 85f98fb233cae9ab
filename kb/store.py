"""The KB directory on disk: written in a fresh build folder, swapped in atomically.

Layout of one build::

    manifest.json           format, fingerprint, documents, size and SHA-256 of every file, seal
    documents/<slug>.json   one Document (metadata, outline, clauses) per document
    .lease                  locked by every process that has the build open (kb.leases)
    <other parts>           written by other kb modules through `KBWriter.path(...)`

`<kb>` itself is a symbolic link to the newest complete build in `<kb>.builds/`; replacing
the link is atomic, so a reader sees either the old KB or the new one, never a half-built one,
and a failed or interrupted build leaves the previous KB untouched. A build is removed only when
it is not live and no process holds its lease; opening one checks every file first
(kb.integrity), so a damaged KB is refused (KBDamaged) before anything of it is loaded.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import time
from pathlib import Path
from typing import Any

from kb import leases
from kb.errors import KBError, KBMissing
from kb.integrity import MANIFEST, check_seal, damaged, file_table, seal, verify_files
from kb.model import Document

FORMAT = 2


def builds_dir(kb_path: Path) -> Path:
    return kb_path.with_name(kb_path.name + ".builds")


class KBWriter:
    """Context manager: `with KBWriter(path, fingerprint) as w: w.add_document(doc)`.

    Commits (swaps the new build in) on success; removes the partial build on any error. The
    caller serialises writers of one KB (`leases.ingest_turn`); the writer holds its build's
    lease exclusively until the build is live, so a killed writer leaves a folder that the next
    writer recognises as dead and removes.
    """

    def __init__(self, kb_path: Path, fingerprint: str = ""):
        self.kb_path = Path(kb_path)
        self.fingerprint = fingerprint
        self.documents: list[Document] = []
        self.root: Path | None = None
        self.lease: leases.Lease | None = None

    def __enter__(self) -> KBWriter:
        builds = builds_dir(self.kb_path).absolute()
        builds.mkdir(parents=True, exist_ok=True)
        prune(self.kb_path)
        stamp = time.strftime("%Y%m%d-%H%M%S")
        self.root = Path(tempfile.mkdtemp(prefix=f"{stamp}-", dir=builds))
        self.lease = leases.claim(self.root)
        (self.root / "documents").mkdir()
        return self

    def __exit__(self, exc_type, exc, tb) -> bool:
        if exc_type is None:
            try:
                self._commit()
                return False
            except BaseException:
                self._discard()
                raise
        self._discard()
        return False

    def _discard(self) -> None:
        shutil.rmtree(self.root, ignore_errors=True)
        self.lease.release()

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
            "files": file_table(self.root),
        }
        manifest["seal"] = seal(manifest)
        staged = self.root / f".{MANIFEST}.part"
        write_json(staged, manifest)
        os.replace(staged, self.root / MANIFEST)  # a build is complete once it has a manifest
        _swap_link(self.kb_path, self.root)
        self.lease.release()
        prune(self.kb_path)


def _swap_link(kb_path: Path, target: Path) -> None:
    if kb_path.exists() and not kb_path.is_symlink():
        if not (kb_path / MANIFEST).exists():
            raise KBError(
                f"{kb_path} exists and is not a PlanKB knowledge base; choose another --kb"
            )
        kb_path.rename(builds_dir(kb_path) / f"00000000-legacy-{os.getpid()}")
    tmp_link = kb_path.with_name(f".{kb_path.name}.link-{os.getpid()}")
    tmp_link.unlink(missing_ok=True)
    tmp_link.symlink_to(os.path.relpath(target, kb_path.parent))
    os.replace(tmp_link, kb_path)


def prune(kb_path: Path) -> list[Path]:
    """Remove every build of `kb_path` but the live one that no process holds: earlier builds
    no reader has open any more, and the folders of dead ingests. Returns what it removed."""
    builds = builds_dir(kb_path)
    live = kb_path.resolve() if kb_path.exists() else None
    removed = []
    for build in sorted(builds.iterdir()) if builds.is_dir() else []:
        if not build.is_dir() or build.resolve() == live:
            continue
        lease = leases.claim(build)
        if lease is None:  # a reader has it open, or an ingest is writing it
            continue
        try:
            shutil.rmtree(build, ignore_errors=True)
            removed.append(build)
        finally:
            lease.release()
    return removed


def write_json(path: Path, data: Any) -> None:
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")


def read_json(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def read_manifest(kb_path: Path, folder: Path | None = None) -> dict[str, Any]:
    """The sealed manifest of the live build (in `folder`, the resolved build, if given);
    KBMissing when there is none, KBDamaged when it is unreadable or does not match its seal."""
    path = Path(folder or kb_path) / MANIFEST
    if not path.is_file():
        raise KBMissing(
            f"知识库尚未建立（{kb_path}）。No knowledge base at {kb_path}; "
            f"build it with: plankb ingest --kb {kb_path}"
        )
    try:
        data = read_json(path)
    except (OSError, ValueError) as exc:  # UnicodeDecodeError and JSONDecodeError are ValueErrors
        raise damaged(kb_path, f"{MANIFEST} is unreadable: {type(exc).__name__}") from None
    if isinstance(data, dict) and isinstance(data.get("format"), int) and data["format"] < FORMAT:
        raise KBMissing(
            f"知识库版本过旧（{kb_path}），请重新建立。The knowledge base at {kb_path} is of an "
            f"older format; rebuild it with: plankb ingest --kb {kb_path}"
        )
    check_seal(data, kb_path)
    return data


def verify_build(kb_path: Path) -> dict[str, Any]:
    """The manifest of the live build once every file of it is checked (KBDamaged if not)."""
    manifest = read_manifest(kb_path)
    verify_files(Path(kb_path).resolve(), manifest, kb_path)
    return manifest


def open_build(kb_path: Path) -> tuple[Path, dict[str, Any], leases.Lease]:
    """(folder, checked manifest, lease) of the live build at `kb_path`; the lease keeps an
    ingest from removing the folder until it is released."""
    kb_path = Path(kb_path)
    for _ in range(5):
        root = kb_path.resolve()
        lease = leases.share(root)
        if lease is not None and (root / MANIFEST).exists():
            try:
                manifest = read_manifest(kb_path, root)
                verify_files(root, manifest, kb_path)
            except BaseException:
                lease.release()
                raise
            return root, manifest, lease
        if lease is not None:
            lease.release()
        if kb_path.resolve() == root:  # not replaced under us: there is no KB
            break
    read_manifest(kb_path)  # raises the reason there is none
    raise KBMissing(f"知识库不可用（{kb_path}）。No knowledge base at {kb_path}")


def load_documents(root: Path, slugs: list[str]) -> dict[str, Document]:
    return {s: Document.from_dict(read_json(root / "documents" / f"{s}.json")) for s in slugs}
