"""The Flask app: thin views over `kb`, HTML pages and their JSON twins under /api."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from flask import Flask

from kb import KnowledgeBase, vocabulary
from kb.errors import KBError
from kb.settings import setting


def create_app(test_config: dict[str, Any] | None = None) -> Flask:
    app = Flask(__name__)
    app.config.from_mapping(KB_PATH=setting("KB_PATH"))
    if test_config:
        app.config.from_mapping(test_config)
    app.json.ensure_ascii = False
    app.json.sort_keys = False
    app.jinja_env.globals["vocab"] = vocabulary
    try:
        app.extensions["kb"] = KnowledgeBase.open(Path(app.config["KB_PATH"]))
        app.extensions["kb_error"] = None
    except KBError as exc:  # serve a clear message on every page instead of failing to start
        app.extensions["kb"] = None
        app.extensions["kb_error"] = exc

    from web import errors, headers, routes

    routes.register(app)
    errors.register(app)
    headers.register(app)
    return app
