"""Building the KB: parse every source file first, then write one complete build."""

from __future__ import annotations

import hashlib
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

from ingest.knowledge import write_knowledge
from ingest.parser import parse_file
from kb.errors import BadDocument, KBDamaged, KBMissing
from kb.leases import ingest_turn
from kb.model import Document
from kb.search.index import build_index
from kb.store import KBWriter, verify_build

Say = Callable[[str], None]


def on_stderr(message: str) -> None:
    """How an ingest says it waits for another one, unless its caller says otherwise."""
    print(message, file=sys.stderr, flush=True)


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
    files: list[Path], kb_path: Path, progress: Say = lambda _: None, waiting: Say = on_stderr
) -> list[Document]:
    """Parse `files` and write them as the new KB at `kb_path`; the old KB stays on any error.
    One ingest of a KB at a time: a second one calls `waiting` with a notice and waits."""
    with ingest_turn(kb_path, waiting):
        return _build(files, kb_path, progress)


def _build(files: list[Path], kb_path: Path, progress: Say) -> list[Document]:
    docs = []
    for path in files:
        progress(f"reading {path}")
        docs.append(parse_file(path))
    _pause("parsed")
    with KBWriter(kb_path, fingerprint(files)) as writer:
        for doc in docs:
            writer.add_document(doc)
        _pause("documents")
        progress("marking regions, minerals and zones")
        lexicon, mentions = write_knowledge(docs, writer)  # lexicon.json, mentions.json, graph.json
        progress("indexing the text")
        build_index(docs, mentions, lexicon, writer.path("index"))  # whoosh index (kb.search.index)
        _pause("indexed")
    return docs


def _pause(point: str) -> None:
    """A seam for the crash tests: PLANKB_PAUSE=indexed:30 makes an ingest stop for 30 s once
    its index is written (and say so on stderr), so a test can kill it there."""
    name, _, seconds = os.environ.get("PLANKB_PAUSE", "").partition(":")
    if name == point:
        print(f"paused at {point}", file=sys.stderr, flush=True)
        time.sleep(float(seconds or 0))


def is_stale(corpus: Path, kb_path: Path, progress: Say = lambda _: None) -> bool:
    """True when the KB is missing, damaged (said through `progress`), or built from other
    files or code."""
    try:
        return verify_build(kb_path).get("fingerprint") != fingerprint(corpus_files(corpus))
    except KBDamaged as exc:
        progress(f"{exc}")
        return True
    except KBMissing:
        return True


def ensure_fresh(
    corpus: Path, kb_path: Path, progress: Say = lambda _: None, waiting: Say = on_stderr
) -> bool:
    """Build the KB from the corpus when it is missing, damaged or stale; True when it built."""
    with ingest_turn(kb_path, waiting):
        if not is_stale(corpus, kb_path, progress):
            return False
        _build(corpus_files(corpus), kb_path, progress)
    return True
