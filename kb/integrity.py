"""Checking a build before anything in it is loaded.

The build writes into its manifest the size and SHA-256 of every file it holds, and a seal
(the SHA-256 of the manifest's own content). Opening a build checks the seal, then every file,
and refuses any file the manifest does not list: nothing is parsed (and whoosh's pickled `.toc`
is never unpickled) unless it is byte for byte what the build wrote.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from kb.errors import KBDamaged
from kb.leases import LEASE_FILE

MANIFEST = "manifest.json"
_UNLISTED = {MANIFEST, LEASE_FILE}


def damaged(kb_path: Path, what: str) -> KBDamaged:
    return KBDamaged(
        f"知识库已损坏（{kb_path}），请重新导入。The knowledge base at {kb_path} is damaged "
        f"({what}); rebuild it with: plankb ingest --kb {kb_path}"
    )


def _digest(path: Path) -> str:
    with path.open("rb") as f:
        return hashlib.file_digest(f, "sha256").hexdigest()


def _files(root: Path) -> list[str]:
    return sorted(
        p.relative_to(root).as_posix()
        for p in root.rglob("*")
        if p.is_file() and p.relative_to(root).as_posix() not in _UNLISTED
    )


def file_table(root: Path) -> dict[str, dict[str, Any]]:
    """Size and SHA-256 of every file of the build at `root` but the manifest and lease."""
    return {
        name: {"size": (root / name).stat().st_size, "sha256": _digest(root / name)}
        for name in _files(root)
    }


def seal(manifest: dict[str, Any]) -> str:
    body = {k: v for k, v in manifest.items() if k != "seal"}
    return hashlib.sha256(json.dumps(body, sort_keys=True).encode()).hexdigest()


def check_seal(manifest: Any, kb_path: Path) -> None:
    if not isinstance(manifest, dict) or manifest.get("seal") != seal(manifest):
        raise damaged(kb_path, f"{MANIFEST} does not match its seal")
    files, docs = manifest.get("files"), manifest.get("documents")
    if not isinstance(files, dict) or not isinstance(docs, list):
        raise damaged(kb_path, f"{MANIFEST} lists no files")


def verify_files(root: Path, manifest: dict[str, Any], kb_path: Path) -> None:
    """Raise KBDamaged naming the first file that is missing, unlisted, resized or altered."""
    listed: dict[str, dict[str, Any]] = manifest["files"]
    present = _files(root)
    for name in sorted(set(listed) - set(present)):
        raise damaged(kb_path, f"{name} is missing")
    for name in sorted(set(present) - set(listed)):
        raise damaged(kb_path, f"{name} is not part of the build")
    for name in present:
        size = (root / name).stat().st_size
        if size != listed[name].get("size"):
            raise damaged(
                kb_path, f"{name} has {size} bytes, the build wrote {listed[name]['size']}"
            )
        if _digest(root / name) != listed[name].get("sha256"):
            raise damaged(kb_path, f"{name} was altered (SHA-256 differs)")
