"""Request parsing, in one place: the URL's arguments as `kb` arguments."""

from __future__ import annotations

from typing import Any

from flask import request

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


def query() -> str:
    return request.args.get("q", "")


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
