"""The route table: each resource is mounted twice, as `/api/…` (its dict as JSON) and as a page
(the same dict rendered), so a page and its JSON twin match by construction."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from flask import Blueprint, Flask, render_template, request

from kb.errors import BadQuery
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


ROUTES = (
    Route("/outline", "outline", "outline.html", resources.outline),
    Route("/documents", "documents", "documents.html", resources.documents),
    Route("/clauses/<path:clause_id>", "clause", "clause.html", resources.clause),
    Route("/search", "search", "search.html", resources.search, page_context.search, "q"),
    Route("/regions", "regions", "regions.html", resources.regions),
    Route("/regions/<path:name>", "region", "region.html", resources.region),
    Route("/minerals", "minerals", "minerals.html", resources.minerals),
    Route("/minerals/<path:name>", "mineral", "mineral.html", resources.mineral),
    Route("/zones", "zones", "zones.html", resources.zones, page_context.zones),
    Route("/rules", "rules", "rules.html", resources.rules, page_context.rules),
    Route("/zones/<path:zone_id>", "zone", "zone.html", resources.zone),
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
        except BadQuery as exc:
            if not route.form:
                raise
            return render(None, str(exc)), exc.status

    return view


def register(app: Flask) -> None:
    api = Blueprint("api", __name__, url_prefix="/api")
    pages = Blueprint("pages", __name__)
    for route in ROUTES:
        api.add_url_rule(route.rule, route.endpoint, json_view(route), methods=["GET"])
        pages.add_url_rule(route.rule, route.endpoint, page_view(route), methods=["GET"])
    pages.add_url_rule("/", "home", page_view(ROUTES[0]), methods=["GET"])
    app.register_blueprint(api)
    app.register_blueprint(pages)
