"""The Flask app: thin views over `kb`, HTML pages and their JSON twins under /api."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from flask import Flask

from kb import vocabulary
from kb.live import LiveKB
from kb.settings import setting


def create_app(test_config: dict[str, Any] | None = None) -> Flask:
    app = Flask(__name__)
    app.config.from_mapping(KB_PATH=setting("KB_PATH"), MAX_CONTENT_LENGTH=1024 * 1024)
    if test_config:
        app.config.from_mapping(test_config)
    app.json.ensure_ascii = False
    app.json.sort_keys = False
    app.jinja_env.globals["vocab"] = vocabulary
    # The KB follows rebuilds between requests; when there is none (or it is damaged) every
    # page says why (503) instead of the server failing to start.
    app.extensions["live_kb"] = LiveKB(Path(app.config["KB_PATH"]))

    from web import errors, handle, headers, routes

    app.teardown_appcontext(handle.release_kb)
    routes.register(app)
    errors.register(app)
    headers.register(app)
    return app
