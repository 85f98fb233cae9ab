"""The whoosh index over every clause, written into the KB build folder with the rest of it.

One whoosh document per clause, in reading order:

==========  ====================================================================================
id, doc     the clause id and its document slug (stored)
kind        paragraph | box_item | table_row | note | annex_table | annex_map (filter, facet)
chapter     总则, 第一章 … 第九章, 附则, 附表, 附图 (filter, facet)
heading     the heading path, jieba words
title       the lead sentence or item title, jieba words
body        the full text, jieba words
chars       heading path, title and text, one token per character (any substring can be found)
region      regions mentioned (a county also counts for its city), minerals, zone types: the
mineral,    canonical names of the entities the gazetteers recognise (filters, facets, ranking)
zone_type
facets      the facet values above, stored together for counting
==========  ====================================================================================

The jieba dictionary (every name, alias and domain term of the gazetteers' lexicon) is part of
the schema: the index is always queried with the dictionary it was built with.
`dictionary.txt` beside it lists the same words for people.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from whoosh import index as whoosh_index
from whoosh.fields import ID, KEYWORD, STORED, TEXT, Schema

from kb.lexicon import Lexicon
from kb.model import Clause, Document
from kb.search.analyzer import SEPARATOR, CharTokenizer, WordTokenizer
from kb.vocabulary import FACETS


def make_schema(words: Iterable[str]) -> Schema:
    word, char = WordTokenizer(tuple(words)), CharTokenizer()
    facet = {name: KEYWORD(commas=True) for name in FACETS}
    return Schema(
        id=ID(stored=True, unique=True),
        doc=ID(stored=True),
        kind=ID(),
        chapter=ID(),
        heading=TEXT(analyzer=word),
        title=TEXT(analyzer=word),
        body=TEXT(analyzer=word),
        chars=TEXT(analyzer=char),
        facets=STORED(),
        **facet,
    )


def dictionary(lexicon: Lexicon | None) -> list[str]:
    """Every word jieba must keep whole: the gazetteers' names, aliases and domain terms."""
    return sorted(set(lexicon.words())) if lexicon is not None else []


def chapter_key(clause: Clause) -> str:
    """总则, 第六章, 附则, 附表 or 附图: the chapter a clause belongs to, for filters and facets."""
    return clause.path[0].split(" ", 1)[0] if clause.path else clause.part or ""


def entity_values(found: list[dict[str, Any]], lexicon: Lexicon | None) -> dict[str, list[str]]:
    """Canonical names per entity facet from a clause's mentions; a county adds its city."""
    values: dict[str, set[str]] = {name: set() for name in FACETS}
    for mention in found:
        if mention["type"] in values:
            values[mention["type"]].add(mention["name"])
    if lexicon is not None:
        cities = [lexicon.city_of(r) for r in values["region"]]
        values["region"].update(c for c in cities if c)
    return {name: sorted(v) for name, v in values.items()}


def clause_fields(
    clause: Clause, found: list[dict[str, Any]], lexicon: Lexicon | None
) -> dict[str, Any]:
    title = clause.title or ""
    path = [*clause.path, *([f"{clause.path[0]}{clause.item}"] if clause.part == "annex" else [])]
    parts = [*path, *([title] if title not in clause.text else []), clause.text]
    entities = entity_values(found, lexicon)
    facets = {"kind": clause.kind, "chapter": chapter_key(clause), **entities}
    return {
        "id": clause.id,
        "doc": clause.doc,
        "kind": clause.kind,
        "chapter": facets["chapter"],
        "heading": " ".join(path),  # an annex entry adds its label: 附表 附表7
        "title": title,
        "body": clause.text,
        "chars": SEPARATOR.join(parts),
        "facets": facets,
        **{name: ",".join(v) for name, v in entities.items()},
    }


def build_index(
    docs: Iterable[Document],
    mentions: Mapping[str, list[dict[str, Any]]] | None,
    lexicon: Lexicon | Mapping[str, Any] | None,
    path: Path,
) -> Path:
    """Index every clause of `docs` into the folder `path` (created); returns `path`.

    `mentions` (clause id → mentions) and `lexicon` come from the knowledge step of the build.
    """
    if lexicon is not None and not isinstance(lexicon, Lexicon):
        lexicon = Lexicon(dict(lexicon))
    words = dictionary(lexicon)
    path.mkdir(parents=True, exist_ok=True)
    (path / "dictionary.txt").write_text("\n".join(words) + "\n", encoding="utf-8")
    ix = whoosh_index.create_in(str(path), make_schema(words))
    with ix.writer() as writer:
        for doc in docs:
            for clause in doc.clauses:
                found = (mentions or {}).get(clause.id, [])
                writer.add_document(**clause_fields(clause, found, lexicon))
    return path


def open_index(path: Path) -> whoosh_index.Index:
    return whoosh_index.open_dir(str(path))
