"""One plan among many: a document named by slug or title, and a lookup answer cut to the rows
that plan states (each row's citation names its plan).

    slug = plan_slug(library, "宽甸满族自治县矿产资源总体规划（2021-2025年）")
    only_plan(kb.region("宽甸"), slug)
"""

from __future__ import annotations

import difflib
from typing import Any

from kb.documents import Library
from kb.errors import NotFound


def plan_slug(library: Library, given: str) -> str:
    """The slug of the plan `given` names (its slug, title or title without the period);
    NotFound with suggestions when no plan has that name."""
    given = given.strip()
    names: dict[str, str] = {}
    for doc in library.docs.values():
        short = doc.title.split("（", 1)[0]
        for name in (doc.slug, doc.title, short):
            names.setdefault(name, doc.slug)
    if given in names:
        return names[given]
    close = difflib.get_close_matches(given[:200], list(names), n=5, cutoff=0.3)
    shown = given if len(given) <= 80 else given[:80] + "…"
    raise NotFound(f"没有这个规划：{shown}。Unknown plan {shown!r}.", close)


def in_plan(library: Library, answer: dict[str, Any], doc: str | None) -> dict[str, Any]:
    """`answer` cut to the plan `doc` names (slug or title), as it is when `doc` is None or
    blank; NotFound when no plan has that name."""
    return answer if doc is None or not doc.strip() else only_plan(answer, plan_slug(library, doc))


def only_plan(answer: dict[str, Any], slug: str) -> dict[str, Any]:
    """`answer` with every list of cited rows cut to the rows citing plan `slug`, its total and
    zone counts counted again; other values (the region's own entry, its children) stay."""
    out: dict[str, Any] = {}
    for key, value in answer.items():
        if isinstance(value, list) and any(_cited(v) for v in value):
            value = [v for v in value if _cited(v) and v["citation"]["document_slug"] == slug]
        out[key] = value
    listed = next((out[k] for k in ("rules", "zones") if k in out), None)
    if "total" in out and listed is not None:
        out["total"] = len(listed)
    if "counts" in out and "zones" in out:
        from kb.graph.query import counts  # networkx: not loaded for a search

        out["counts"] = counts(out["zones"])
    out["doc"] = slug
    return out


def _cited(row: Any) -> bool:
    return isinstance(row, dict) and isinstance(row.get("citation"), dict)
