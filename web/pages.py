"""HTML pages, each the twin of an /api endpoint and built from the same data."""

from __future__ import annotations

from flask import Blueprint, render_template, request, url_for

from kb.errors import BadQuery
from web.api import ZONE_PARAMS, search_params, zone_filters
from web.errors import get_kb

bp = Blueprint("pages", __name__)


@bp.get("/")
@bp.get("/outline")
def outline():
    kb = get_kb()
    return render_template("outline.html", data=kb.outline(), labels=kb.clause_labels())


@bp.get("/clauses/<path:clause_id>")
def clause(clause_id: str):
    return render_template("clause.html", c=get_kb().clause(clause_id))


FACETS = {
    "chapter": "章",
    "region": "地区",
    "mineral": "矿种",
    "zone_type": "分区类型",
    "kind": "条文类型",
}


@bp.get("/search")
def search():
    """The twin of /api/search; a query that cannot be answered shows its message on the page."""
    q, params = request.args.get("q", ""), search_params()
    page = {"q": q, "params": params, "link": _linker(q, params), "facets": FACETS}
    if not q.strip():
        return render_template("search.html", data=None, message=None, **page)
    try:
        data = get_kb().search(q, **params)
    except BadQuery as exc:
        return render_template("search.html", data=None, message=str(exc), **page), 400
    return render_template("search.html", data=data, message=None, pager=_pager(data), **page)


def _linker(q: str, params: dict):
    """link(**changes): this search with some arguments changed (None drops one); a new filter
    starts again at page 1."""

    def link(**changes) -> str:
        kept = {k: v for k, v in params.items() if k not in ("offset", "page")}
        args = {**kept, **changes}
        return url_for("pages.search", q=q, **{k: v for k, v in args.items() if v is not None})

    return link


def _pager(data: dict) -> dict:
    limit, total = data["limit"], data["total"]
    pages = max(1, -(-total // limit))
    current = data["offset"] // limit + 1
    first = max(1, min(current - 4, pages - 9))
    return {"current": current, "pages": pages, "numbers": range(first, min(pages, first + 9) + 1)}


@bp.get("/regions")
def regions():
    return render_template("regions.html", data=get_kb().regions())


@bp.get("/minerals")
def minerals():
    return render_template("minerals.html", data=get_kb().minerals())


@bp.get("/regions/<path:name>")
def region(name: str):
    return render_template("region.html", data=get_kb().region(name))


@bp.get("/minerals/<path:name>")
def mineral(name: str):
    return render_template("mineral.html", data=get_kb().mineral(name))


@bp.get("/zones")
def zones():
    filters = zone_filters()
    args = {p: filters[arg] for p, arg in ZONE_PARAMS.items() if filters[arg]}
    return render_template("zones.html", data=get_kb().zones(**filters), args=args)


@bp.get("/zones/<path:zone_id>")
def zone(zone_id: str):
    return render_template("zone.html", data=get_kb().zone(zone_id))
