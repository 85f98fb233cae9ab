"""Every error a user can meet, mapped in one place: one JSON shape under /api, a page elsewhere."""

from __future__ import annotations

from flask import Flask, current_app, render_template, request
from werkzeug.exceptions import HTTPException

from kb import KnowledgeBase
from kb.errors import KBError, KBMissing, NotFound

HTTP_MESSAGES = {
    404: "没有这个页面或接口，请检查网址。No such page or endpoint.",
    405: "不支持这种请求方式（只支持 GET）。Method not allowed: use GET.",
}


def error_body(message: str, status: int, **extra) -> dict:
    return {"ok": False, "error": message, "status": status, **extra}


def get_kb() -> KnowledgeBase:
    kb = current_app.extensions["kb"]
    if kb is None:
        raise current_app.extensions["kb_error"] or KBMissing("no knowledge base")
    return kb


def _respond(message: str, status: int, **extra):
    if request.path.startswith("/api/"):
        return error_body(message, status, **extra), status
    return render_template("error.html", message=message, status=status, **extra), status


def register(app: Flask) -> None:
    @app.errorhandler(KBError)
    def kb_error(exc: KBError):
        extra = {"suggestions": exc.suggestions} if isinstance(exc, NotFound) else {}
        return _respond(str(exc), exc.status, **extra)

    @app.errorhandler(HTTPException)
    def http_error(exc: HTTPException):
        code = exc.code or 500
        return _respond(HTTP_MESSAGES.get(code, exc.description or exc.name), code)

    @app.errorhandler(Exception)
    def unexpected(exc: Exception):  # never a stack trace to a user
        app.logger.exception("unexpected error on %s", request.path)
        return _respond("内部错误：请求未能完成，请稍后再试或联系管理员。", 500)
