"""Building the KB: parse every source file first, then write one complete build."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

from ingest.knowledge import write_knowledge
from ingest.parser import parse_file
from kb.errors import BadDocument, KBMissing
from kb.model import Document
from kb.search.index import build_index
from kb.store import KBWriter, read_manifest

_CODE_DIRS = [Path(__file__).parent, Path(__file__).parent.parent / "kb"]


def corpus_files(corpus: Path) -> list[Path]:
    if not corpus.is_dir():
        raise BadDocument(f"{corpus}: no such corpus folder")
    files = sorted(corpus.glob("*.txt"))
    if not files:
        raise BadDocument(f"{corpus}: no *.txt documents in the corpus folder")
    return files


def fingerprint(files: list[Path]) -> str:
    """Changes whenever a source file, its metadata or the code that builds the KB changes."""
    digest = hashlib.sha256()
    code = sorted(
        p for d in _CODE_DIRS for p in d.rglob("*") if p.suffix in (".py", ".txt", ".csv")
    )
    for path in [*files, *(f.with_suffix(".toml") for f in files), *code]:
        if path.is_file():
            digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def build(
    files: list[Path], kb_path: Path, progress: Callable[[str], None] = lambda _: None
) -> list[Document]:
    """Parse `files` and write them as the new KB at `kb_path`; the old KB stays on any error."""
    docs = []
    for path in files:
        progress(f"reading {path}")
        docs.append(parse_file(path))
    with KBWriter(kb_path, fingerprint(files)) as writer:
        for doc in docs:
            writer.add_document(doc)
        progress("marking regions, minerals and zones")
        lexicon, mentions = write_knowledge(docs, writer)  # lexicon.json, mentions.json, graph.json
        progress("indexing the text")
        build_index(docs, mentions, lexicon, writer.path("index"))  # whoosh index (kb.search.index)
    return docs


def is_stale(corpus: Path, kb_path: Path) -> bool:
    try:
        return read_manifest(kb_path).get("fingerprint") != fingerprint(corpus_files(corpus))
    except KBMissing:
        return True


def ensure_fresh(
    corpus: Path, kb_path: Path, progress: Callable[[str], None] = lambda _: None
) -> bool:
    """Build the KB from the corpus when it is missing or stale; True when it built."""
    if not is_stale(corpus, kb_path):
        return False
    build(corpus_files(corpus), kb_path, progress)
    return True
