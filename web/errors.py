"""Every error a user can meet, mapped in one place: one JSON shape under /api, a page elsewhere."""

from __future__ import annotations

from flask import Flask, render_template, request, url_for
from werkzeug.exceptions import HTTPException

from kb.errors import KBError, NotFound

HTTP_MESSAGES = {
    404: "没有这个页面或接口，请检查网址。No such page or endpoint.",
    405: "不支持这种请求方式（只支持 GET；/api/check 与 /check/opinion.docx 也可 POST）。"
    "Method not allowed.",
    413: "请求内容过大（最多 1 MB）。Request body too large.",
}


def error_body(message: str, status: int, **extra) -> dict:
    return {"ok": False, "error": message, "status": status, **extra}


def _respond(message: str, status: int, suggestions: list[str] | None = None):
    message = _printable(message)  # an echoed lone surrogate must not break the answer
    extra = {"suggestions": [_printable(s) for s in suggestions]} if suggestions is not None else {}
    if request.path.startswith("/api/"):
        return error_body(message, status, **extra), status
    links = _suggestion_links(suggestions or [])
    return render_template("error.html", message=message, status=status, links=links), status


def _printable(text: str) -> str:
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


def _suggestion_links(suggestions: list[str]) -> list[tuple[str, str | None]]:
    """Each suggestion with a link to the same page for it (/regions/丹冬 → /regions/丹东市)."""
    args = request.view_args or {}
    if not request.endpoint or len(args) != 1:
        return [(s, None) for s in suggestions]
    (key,) = args
    return [(s, url_for(request.endpoint, **{key: s})) for s in suggestions]


def register(app: Flask) -> None:
    @app.errorhandler(KBError)
    def kb_error(exc: KBError):
        suggestions = exc.suggestions if isinstance(exc, NotFound) else None
        return _respond(str(exc), exc.status, suggestions)

    @app.errorhandler(HTTPException)
    def http_error(exc: HTTPException):
        code = exc.code or 500
        return _respond(HTTP_MESSAGES.get(code, exc.description or exc.name), code)

    @app.errorhandler(Exception)
    def unexpected(exc: Exception):  # never a stack trace to a user
        app.logger.exception("unexpected error on %s", request.path)
        return _respond("内部错误：请求未能完成，请稍后再试或联系管理员。", 500)
