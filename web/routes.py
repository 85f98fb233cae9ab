"""The route table: each resource is mounted twice, as `/api/…` (its dict as JSON) and as a page
(the same dict rendered), so a page and its JSON twin match by construction."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from flask import Blueprint, Flask, Response, render_template, request

from kb.errors import KBError, NotFound
from web import page_context, resources


@dataclass(frozen=True)
class Route:
    rule: str
    endpoint: str
    template: str
    load: Callable[..., dict[str, Any]]
    context: Callable[[dict[str, Any] | None], dict[str, Any]] | None = None
    form: str | None = None  # a page that is a form: blank `form` arg → the empty form; a bad
    # query → the form with the message (status 400), not the error page
    methods: tuple[str, ...] = ("GET",)  # of the /api twin (POST: the resource reads JSON)


ROUTES = (
    Route("/outline", "outline", "outline.html", resources.outline),
    Route("/clauses/<path:clause_id>", "clause", "clause.html", resources.clause),
    Route("/search", "search", "search.html", resources.search, page_context.search, "q"),
    Route("/regions", "regions", "regions.html", resources.regions),
    Route("/regions/<path:name>", "region", "region.html", resources.region),
    Route("/minerals", "minerals", "minerals.html", resources.minerals),
    Route("/minerals/<path:name>", "mineral", "mineral.html", resources.mineral),
    Route("/zones", "zones", "zones.html", resources.zones, page_context.zones),
    Route("/rules", "rules", "rules.html", resources.rules, page_context.rules),
    Route("/zones/<path:zone_id>", "zone", "zone.html", resources.zone),
    Route(
        "/check",
        "check",
        "check.html",
        resources.check,
        page_context.check,
        "mineral",
        methods=("GET", "POST"),
    ),
)


def json_view(route: Route):
    def view(**kwargs):
        return route.load(**kwargs)

    return view


def page_view(route: Route):
    def render(data: dict[str, Any] | None, message: str | None = None):
        extra = route.context(data) if route.context else {}
        return render_template(route.template, data=data, message=message, **extra)

    def view(**kwargs):
        if route.form and not request.args.get(route.form, "").strip():
            return render(None)
        try:
            return render(route.load(**kwargs))
        except KBError as exc:
            if not route.form or exc.status >= 500:
                raise
            return render(None, _with_suggestions(exc)), exc.status

    return view


def _with_suggestions(exc: KBError) -> str:
    if isinstance(exc, NotFound) and exc.suggestions:
        return f"{exc} 您是否要找：{'、'.join(exc.suggestions)}"
    return str(exc)


def check_docx() -> Response:
    """The check's opinion as a Word file (same arguments as /check; a form POST of `opinion`
    carries the clerk's edited text)."""
    name = "UTF-8''%E5%AE%A1%E6%A0%B8%E6%84%8F%E8%A7%81.docx"  # 审核意见.docx
    headers = {"Content-Disposition": f"attachment; filename*={name}"}
    mime = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    return Response(resources.check_docx(), mimetype=mime, headers=headers)


def register(app: Flask) -> None:
    api = Blueprint("api", __name__, url_prefix="/api")
    pages = Blueprint("pages", __name__)
    for route in ROUTES:
        api.add_url_rule(route.rule, route.endpoint, json_view(route), methods=list(route.methods))
        pages.add_url_rule(route.rule, route.endpoint, page_view(route), methods=["GET"])
    pages.add_url_rule("/", "home", page_view(ROUTES[0]), methods=["GET"])
    pages.add_url_rule("/check/opinion.docx", "check_docx", check_docx, methods=["GET", "POST"])
    app.register_blueprint(api)
    app.register_blueprint(pages)
