"""The JSON API: the contract other tools build on. Each view parses, calls kb, returns a dict."""

from __future__ import annotations

from flask import Blueprint

from web.errors import get_kb

bp = Blueprint("api", __name__, url_prefix="/api")


@bp.get("/outline")
def outline():
    return get_kb().outline()


@bp.get("/clauses/<path:clause_id>")
def clause(clause_id: str):
    return get_kb().clause(clause_id)
