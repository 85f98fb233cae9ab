"""What a page shows beside its resource's dict: the form's values, links and pager."""

from __future__ import annotations

from typing import Any

from flask import url_for

from kb.vocabulary import FACET_LABELS
from web import params


def search(data: dict[str, Any] | None) -> dict[str, Any]:
    q, args = params.query(), params.search_args()
    page = {"q": q, "params": args, "link": _linker(q, args), "facets": FACET_LABELS}
    return {**page, "pager": _pager(data)} if data else page


def zones(data: dict[str, Any] | None) -> dict[str, Any]:
    """The filters as typed, for the form and the JSON link."""
    return {"args": params.given(params.ZONE_PARAMS)}


def rules(data: dict[str, Any] | None) -> dict[str, Any]:
    """The filters as typed, for the form and the JSON link."""
    return {"args": params.rule_args()}


def _linker(q: str, args: dict[str, Any]):
    """link(**changes): this search with some arguments changed (None drops one); a new filter
    starts again at page 1."""

    def link(**changes) -> str:
        kept = {k: v for k, v in args.items() if k not in ("offset", "page")}
        merged = {**kept, **changes}
        return url_for("pages.search", q=q, **{k: v for k, v in merged.items() if v is not None})

    return link


def _pager(data: dict[str, Any]) -> dict[str, Any]:
    limit, total = data["limit"], data["total"]
    pages = max(1, -(-total // limit))
    current = data["offset"] // limit + 1
    first = max(1, min(current - 4, pages - 9))
    return {"current": current, "pages": pages, "numbers": range(first, min(pages, first + 9) + 1)}
