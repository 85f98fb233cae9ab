"""What a page shows beside its resource's dict: the form's values, links and pager."""

from __future__ import annotations

from datetime import date
from typing import Any

from flask import g, request, url_for

from kb.citation import STYLES
from kb.vocabulary import FACET_LABELS
from web import params, svg_graph, svg_map
from web.handle import get_kb


def search(data: dict[str, Any] | None) -> dict[str, Any]:
    q, args = params.shown_query(), params.search_args()
    page = {"q": q, "params": args, "link": _linker(q, args), "facets": FACET_LABELS}
    if not data:
        return page
    # a query that reads as a question gets the answer card (its JSON: /api/ask) above the hits
    return {**page, "pager": _pager(data), "answer": get_kb().answer_card(q, args.get("doc"))}


def ask(data: dict[str, Any] | None) -> dict[str, Any]:
    """The question as typed and the plan it is put to, for the form."""
    return {"q": params.shown_query(), "doc": params.doc()}


def zones(data: dict[str, Any] | None) -> dict[str, Any]:
    """The filters as typed, for the form and the JSON link; the map of the zones listed."""
    named = "、".join(v for v in data["filters"].values() if v) if data else ""
    title = f"{named}分区在各市的分布（个）" if named else "各市分区数（个）"
    return {"args": params.given(params.ZONE_PARAMS), **_map(data, title)}


def regions(data: dict[str, Any] | None) -> dict[str, Any]:
    return _map(data, "各市分区数（个）")


def region(data: dict[str, Any] | None) -> dict[str, Any]:
    return _graph(data)


def mineral(data: dict[str, Any] | None) -> dict[str, Any]:
    name = data["mineral"]["name"] if data else ""
    return {**_map(data, f"{name}分区所在的市（个）"), **_graph(data)}


def zone(data: dict[str, Any] | None) -> dict[str, Any]:
    return _graph(data)


def _map(data: dict[str, Any] | None, title: str) -> dict[str, Any]:
    """The city map of `data["cities"]` and the zone types its table breaks the counts into."""
    if not data:
        return {}
    types = list(dict.fromkeys(t for c in data["cities"] for t in c["counts"]))
    return {"city_map": svg_map.city_map(data["cities"], title), "map_types": types}


def _graph(data: dict[str, Any] | None) -> dict[str, Any]:
    return {"net": svg_graph.layout(data["neighbourhood"])} if data else {}


def clause(data: dict[str, Any] | None) -> dict[str, Any]:
    """The citation style chosen (`style=plan|gbt7714`) and the styles to choose from."""
    return {"style": params.choice("style", STYLES, "plan"), "styles": STYLES}


def printing() -> dict[str, Any]:
    """Every page's print footer: the source documents, the date printed and the address."""
    held = g.get("kb_held")  # the build this request reads (web.handle), if it read one
    plans = held.kb.documents()["documents"] if held else []
    sources = "、".join(f"《{d['title']}》" for d in plans[:3])
    if len(plans) > 3:
        sources += f"等{len(plans)}部规划"
    return {"print_sources": sources, "printed": date.today(), "page_url": _shown(request.url)}


def _shown(url: str, most: int = 300) -> str:
    """A page's address for the print footer, cut where a pasted query would run on."""
    return url if len(url) <= most else url[:most] + "…"


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


def check(data: dict[str, Any] | None) -> dict[str, Any]:
    """The form's choices and the values typed, and the application as URL arguments; the
    plans to choose from when more than one is loaded."""
    from kb.vocabulary import APPLICATION_KINDS, CHECK_FACTS, MINING_METHODS, RESERVE_CLASSES

    plans = get_kb().documents()["documents"]
    return {
        "args": params.given(
            ["kind", "mineral", "place", "method", "scale", "reserve", "doc", *CHECK_FACTS]
        ),
        "plans": plans if len(plans) > 1 else [],
        "kinds": APPLICATION_KINDS,
        "methods": MINING_METHODS,
        "reserves": RESERVE_CLASSES,
        "facts": CHECK_FACTS,
    }
