"""Request parsing, in one place: the URL's arguments as `kb` arguments."""

from __future__ import annotations

from typing import Any

from flask import request

from kb.errors import BadQuery

SEARCH_PARAMS = (
    "limit",
    "offset",
    "page",
    "doc",
    "region",
    "mineral",
    "zone_type",
    "chapter",
    "kind",
)
RULE_PARAMS = ("mineral", "region", "zone", "modality", "action", "doc")
ZONE_PARAMS = {"type": "zone_type", "region": "region", "mineral": "mineral"}  # URL → kb


MAX_QUERY = 1000  # characters of q a page echoes (in its form and every link it builds)


def query() -> str:
    """q as typed: kb bounds what it reads itself and says so (查询过长（N 字）…)."""
    return request.args.get("q", "")


def shown_query() -> str:
    """q as a page echoes it: no longer than MAX_QUERY, so a pasted novel is not repeated in
    every link of the page."""
    return query()[:MAX_QUERY]


def doc() -> str | None:
    """The plan a lookup is cut to (`doc`: slug or title), None when not given."""
    return request.args.get("doc", "").strip() or None


def given(names) -> dict[str, str]:
    """The non-blank URL arguments among `names`, as typed."""
    return {k: request.args[k] for k in names if request.args.get(k, "").strip()}


def search_args() -> dict[str, Any]:
    """The search arguments of the request, as given (kb validates them)."""
    return given(SEARCH_PARAMS)


def rule_args() -> dict[str, Any]:
    """The rule filters given (kb validates them); general=1 (or true, on) adds the rules that
    hold province-wide."""
    args: dict[str, Any] = given(RULE_PARAMS)
    if request.args.get("general", "").strip().lower() in ("1", "true", "on", "yes"):
        args["general"] = True
    return args


def zone_args() -> dict[str, str | None]:
    """The zone filters as kb arguments (`type` → `zone_type`); blank ones None."""
    return {arg: request.args.get(p, "").strip() or None for p, arg in ZONE_PARAMS.items()}


def export_format(formats) -> str | None:
    """`format=csv|xlsx` of an export; None for JSON (no format, or `json`); BadQuery else."""
    fmt = request.args.get("format", "").strip().lower()
    if fmt in ("", "json"):
        return None
    if not formats:
        raise BadQuery(f"此页没有可导出的列表：{fmt}。Nothing to export here.")
    if fmt not in formats:
        allowed = "、".join(formats)
        raise BadQuery(f"不支持的导出格式：{fmt}（可选 {allowed}）。Unknown format {fmt!r}.")
    return fmt


def choice(name: str, options, default: str) -> str:
    """The URL argument `name`, one of `options` (blank → default); BadQuery for anything else."""
    value = request.args.get(name, "").strip() or default
    if value not in options:
        allowed = "、".join(options)
        raise BadQuery(f"参数 {name} 不能是 {value}（可选 {allowed}）。Bad {name} {value!r}.")
    return value


def application() -> dict[str, Any]:
    """A 规划审核 application: the JSON body of a POST, else the non-blank URL arguments."""
    if request.method == "POST":
        try:
            body = request.get_json(silent=True)
        except RecursionError:  # JSON nested thousands deep
            body = None
        if not isinstance(body, dict):
            raise BadQuery(
                "请以 JSON 对象提交申请（Content-Type: application/json）。POST a JSON object."
            )
        return body
    return url_application()


def url_application() -> dict[str, Any]:
    """The application in the URL's non-blank arguments."""
    skip = ("format", "list")  # the export's own arguments
    return {k: v for k, v in request.args.items() if v.strip() and k not in skip}


def plan_of(application: dict[str, Any]) -> tuple[dict[str, Any], str | None]:
    """The application without its `doc` field, and the plan that field names (slug or title;
    None when blank): the plan whose rules alone apply."""
    doc = application.get("doc")
    if doc is not None and not isinstance(doc, str):
        raise BadQuery("doc 应为规划的编号或标题。doc: a plan's slug or title.")
    rest = {k: v for k, v in application.items() if k != "doc"}
    return rest, (doc or "").strip() or None


def edited_opinion() -> str | None:
    """The opinion as the clerk edited it on the page (a form POST), if any."""
    return request.form.get("opinion") if request.method == "POST" else None
