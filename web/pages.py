"""HTML pages, each the twin of an /api endpoint and built from the same data."""

from __future__ import annotations

from flask import Blueprint, render_template

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
