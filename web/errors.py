"""Every error a user can meet, mapped in one place: one JSON shape under /api, a page elsewhere."""

from __future__ import annotations

from flask import Flask, current_app, render_template, request
from werkzeug.exceptions import HTTPException

from kb import KnowledgeBase
from kb.errors import KBError, KBMissing, NotFound


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
        return _respond(exc.description or exc.name, exc.code or 500)

    @app.errorhandler(Exception)
    def unexpected(exc: Exception):  # never a stack trace to a user
        app.logger.exception("unexpected error on %s", request.path)
        return _respond("内部错误：请求未能完成，请稍后再试或联系管理员。", 500)
