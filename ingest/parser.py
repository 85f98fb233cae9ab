"""One source file (plus its optional metadata file) → a Document."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from ingest.lines import split_lines
from ingest.profile import read_profile
from ingest.reader import read_source
from ingest.structure import TreeBuilder
from ingest.toc import read_front
from ingest.validate import check_plan
from kb.errors import BadDocument
from kb.model import Document

_SLUG = re.compile(r"^[a-z0-9][a-z0-9-]{0,63}$")


def parse_file(path: Path) -> Document:
    """Read and parse `path`; metadata from `<stem>.toml` beside it overrides the front matter."""
    text, sha256 = read_source(path)
    meta = read_meta(path)
    return parse_text(
        text,
        meta.get("slug", _slug_of(path)),
        source=path.name,
        sha256=sha256,
        meta=meta,
        where=str(path),
    )


def parse_text(
    text: str,
    slug: str,
    *,
    source: str = "",
    sha256: str = "",
    meta: dict | None = None,
    where: str = "text",
) -> Document:
    meta = meta or {}
    if not _SLUG.match(slug):
        raise BadDocument(f"{where}: slug {slug!r} must be lower-case letters, digits and '-'")
    lines = split_lines(text)
    front = read_front(lines)
    builder = TreeBuilder(slug, front)
    for line in lines[front.body_start :]:
        builder.feed(line)
    outline, clauses = builder.finish(front.annexes)
    if not any(node.kind == "chapter" for node in outline):
        raise BadDocument(f"{where}: no chapter headings (第一章 …) found; not a planning document")
    title = meta.get("title") or front.title
    if not title:
        raise BadDocument(f"{where}: no title found before the contents; add one in {slug}.toml")
    check_plan(front.toc, outline, clauses, where)
    return Document(
        slug=slug,
        title=title,
        issuer=meta.get("issuer") or front.issuer,
        date=str(meta.get("date") or front.date),
        source=source,
        sha256=sha256,
        outline=outline,
        clauses=clauses,
        toc=[vars(e) for e in front.toc],
        profile=read_profile(title, meta, where),
    )


def read_meta(path: Path) -> dict:
    meta_path = path.with_suffix(".toml")
    if not meta_path.exists():
        return {}
    try:
        return tomllib.loads(meta_path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise BadDocument(f"{meta_path}: unreadable metadata ({exc})") from None


def _slug_of(path: Path) -> str:
    return re.sub(r"[^a-z0-9-]+", "-", path.stem.lower()).strip("-") or "document"
