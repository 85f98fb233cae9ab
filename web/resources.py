"""The resources of the site: each returns the dict that `/api/…` serialises and the page renders.

Every function here parses the request (web.params), calls the KB facade and returns its answer;
nothing else. web.routes mounts each one twice, as JSON and as a page.
"""

from __future__ import annotations

from typing import Any

from web import params
from web.handle import get_kb


def outline() -> dict[str, Any]:
    return get_kb().outline()


def documents() -> dict[str, Any]:
    return get_kb().documents()


def clause(clause_id: str) -> dict[str, Any]:
    return get_kb().clause(clause_id)


def search() -> dict[str, Any]:
    return get_kb().search(params.query(), **params.search_args())


def ask() -> dict[str, Any]:
    return get_kb().ask(params.query(), doc=params.doc())


def regions() -> dict[str, Any]:
    return get_kb().regions()


def minerals() -> dict[str, Any]:
    return get_kb().minerals()


def region(name: str) -> dict[str, Any]:
    return get_kb().region(name, doc=params.doc())


def mineral(name: str) -> dict[str, Any]:
    return get_kb().mineral(name, doc=params.doc())


def rules() -> dict[str, Any]:
    return get_kb().rules(**params.rule_args())


def zones() -> dict[str, Any]:
    return get_kb().zones(**params.zone_args(), doc=params.doc())


def zone(zone_id: str) -> dict[str, Any]:
    return get_kb().zone(zone_id)


def check() -> dict[str, Any]:
    application, doc = params.plan_of(params.application())
    return get_kb().check(application, doc=doc)


def check_docx() -> bytes:
    application, doc = params.plan_of(params.url_application())
    return get_kb().check_docx(application, params.edited_opinion(), doc=doc)
