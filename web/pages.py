"""HTML pages, each the twin of an /api endpoint and built from the same data."""

from __future__ import annotations

from flask import Blueprint, render_template

from web.errors import get_kb

bp = Blueprint("pages", __name__)


@bp.get("/")
def index():
    return render_template("outline.html", data=get_kb().outline())


@bp.get("/outline")
def outline():
    return render_template("outline.html", data=get_kb().outline())


@bp.get("/clauses/<path:clause_id>")
def clause(clause_id: str):
    return render_template("clause.html", c=get_kb().clause(clause_id))
