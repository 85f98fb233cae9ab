"""The route table: each resource is mounted twice, as `/api/…` (its dict as JSON) and as a page
(the same dict rendered), so a page and its JSON twin match by construction. A route's lists
(`lists`) are also exported by its /api endpoint with `?format=csv|xlsx` (see web.export)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from flask import Blueprint, Flask, Response, render_template, request, url_for

from kb.errors import KBError, NotFound
from web import export, page_context, params, resources
from web.export import (
    CHECK_COLUMNS,
    CLAUSE_COLUMNS,
    MINERAL_COLUMNS,
    REGION_COLUMNS,
    REQUIREMENT_COLUMNS,
    RULE_COLUMNS,
    ZONE_COLUMNS,
    Listing,
)


@dataclass(frozen=True)
class Route:
    rule: str
    endpoint: str
    template: str
    load: Callable[..., dict[str, Any]]
    context: Callable[[dict[str, Any] | None], dict[str, Any]] | None = None
    form: str | None = None  # a page that is a form: blank `form` arg → the empty form; a bad
    # query → the form with the message (status 400), not the error page
    lists: tuple[Listing, ...] = ()  # the lists of its dict that `?format=csv|xlsx` exports
    methods: tuple[str, ...] = ("GET",)  # of the /api twin (POST: the resource reads JSON)


ZONES = Listing("zones", "分区", ZONE_COLUMNS, "pages.zone", "zone_id")
REQUIREMENTS = Listing("requirements", "适用要求", REQUIREMENT_COLUMNS, "pages.clause", "clause_id")
HITS = Listing("hits", "条文", CLAUSE_COLUMNS, "pages.clause", "clause_id")
REGIONS = Listing("regions", "地区", REGION_COLUMNS, "pages.region", "name", "name")
MINERALS = Listing("minerals", "矿种", MINERAL_COLUMNS, "pages.mineral", "name", "name")
RULES = Listing("rules", "规则", RULE_COLUMNS, "pages.clause", "clause_id")
CHECKS = Listing(
    "checks", "审核结果", CHECK_COLUMNS, "pages.clause", "clause_id", "citation.clause_id"
)

ROUTES = (
    Route("/outline", "outline", "outline.html", resources.outline),
    Route("/documents", "documents", "documents.html", resources.documents),
    Route(
        "/clauses/<path:clause_id>", "clause", "clause.html", resources.clause, page_context.clause
    ),
    Route("/search", "search", "search.html", resources.search, page_context.search, "q", (HITS,)),
    Route("/ask", "ask", "ask.html", resources.ask, page_context.ask, "q"),
    Route(
        "/regions",
        "regions",
        "regions.html",
        resources.regions,
        page_context.regions,
        lists=(REGIONS,),
    ),
    Route(
        "/regions/<path:name>",
        "region",
        "region.html",
        resources.region,
        page_context.region,
        lists=(ZONES, REQUIREMENTS, RULES),
    ),
    Route("/minerals", "minerals", "minerals.html", resources.minerals, lists=(MINERALS,)),
    Route(
        "/minerals/<path:name>",
        "mineral",
        "mineral.html",
        resources.mineral,
        page_context.mineral,
        lists=(ZONES, REQUIREMENTS, RULES),
    ),
    Route("/zones", "zones", "zones.html", resources.zones, page_context.zones, lists=(ZONES,)),
    Route(
        "/zones/<path:zone_id>",
        "zone",
        "zone.html",
        resources.zone,
        page_context.zone,
        lists=(REQUIREMENTS, RULES),
    ),
    Route("/rules", "rules", "rules.html", resources.rules, page_context.rules, lists=(RULES,)),
    Route(
        "/check",
        "check",
        "check.html",
        resources.check,
        page_context.check,
        "mineral",
        lists=(CHECKS,),
        methods=("GET", "POST"),
    ),
)


def json_view(route: Route):
    def view(**kwargs):
        fmt = params.export_format(export.FORMATS if route.lists else ())
        data = route.load(**kwargs)
        if fmt is None:
            return data
        listings = _chosen(route)
        name = "-".join([listings[0].title, *kwargs.values(), *_filters().values()])[:80]
        return export.response(data, listings, fmt, name)

    return view


def _chosen(route: Route) -> tuple[Listing, ...]:
    """The lists to export: the one named by `list=`, else all (a CSV takes the first)."""
    keys = [listing.key for listing in route.lists]
    if not request.args.get("list", "").strip():
        return route.lists
    key = params.choice("list", keys, keys[0])
    return tuple(lst for lst in route.lists if lst.key == key)


def _filters() -> dict[str, str]:
    """The request's arguments other than the export's own."""
    skip = ("format", "list")  # each kept no longer than a query is read (web.params)
    return {
        k: v[: params.MAX_QUERY] for k, v in request.args.items() if k not in skip and v.strip()
    }


def export_links(route: Route, kwargs: dict[str, Any]) -> dict[str, dict[str, str]]:
    """For each list of the route: {format: URL of its export with this page's arguments}."""
    args = {**kwargs, **_filters()}
    return {
        lst.key: {
            f: url_for(f"api.{route.endpoint}", format=f, list=lst.key, **args)
            for f in export.FORMATS
        }
        for lst in route.lists
    }


def page_view(route: Route):
    def render(data: dict[str, Any] | None, message: str | None = None, **kwargs):
        extra = route.context(data) if route.context else {}
        exports = export_links(route, kwargs) if data else {}
        return render_template(route.template, data=data, message=message, exports=exports, **extra)

    def view(**kwargs):
        if route.form and not request.args.get(route.form, "").strip():
            return render(None)
        try:
            return render(route.load(**kwargs), **kwargs)
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
    app.context_processor(page_context.printing)
