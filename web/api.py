"""The JSON API: the contract other tools build on. Each view parses, calls kb, returns a dict."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, request

from web.errors import get_kb

bp = Blueprint("api", __name__, url_prefix="/api")


@bp.get("/outline")
def outline():
    return get_kb().outline()


@bp.get("/clauses/<path:clause_id>")
def clause(clause_id: str):
    return get_kb().clause(clause_id)


SEARCH_PARAMS = ("limit", "offset", "page", "region", "mineral", "zone_type", "chapter", "kind")


def search_params() -> dict[str, Any]:
    """The search arguments of the request, as given (kb validates them)."""
    return {k: request.args[k] for k in SEARCH_PARAMS if request.args.get(k, "").strip()}


@bp.get("/search")
def search():
    return get_kb().search(request.args.get("q", ""), **search_params())


@bp.get("/regions")
def regions():
    return get_kb().regions()


@bp.get("/minerals")
def minerals():
    return get_kb().minerals()


@bp.get("/regions/<path:name>")
def region(name: str):
    return get_kb().region(name)


@bp.get("/minerals/<path:name>")
def mineral(name: str):
    return get_kb().mineral(name)


ZONE_PARAMS = {"type": "zone_type", "region": "region", "mineral": "mineral"}  # URL → kb


def zone_filters() -> dict[str, str | None]:
    """The zone filters of the request as kb arguments (`type` → `zone_type`); empty ones None."""
    return {arg: request.args.get(p, "").strip() or None for p, arg in ZONE_PARAMS.items()}


@bp.get("/zones")
def zones():
    return get_kb().zones(**zone_filters())


@bp.get("/zones/<path:zone_id>")
def zone(zone_id: str):
    return get_kb().zone(zone_id)
