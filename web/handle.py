"""The KB handle of the app: `create_app` keeps a `kb.live.LiveKB` in `app.extensions["live_kb"]`;
each request holds the build current when it first asks for it until the request ends."""

from __future__ import annotations

from flask import current_app, g

from kb import KnowledgeBase


def get_kb() -> KnowledgeBase:
    """The current build, held for the rest of the request; the reason there is none (a clear
    message, 503) otherwise."""
    if "kb_held" not in g:
        g.kb_held = current_app.extensions["live_kb"].acquire()
    return g.kb_held.kb


def release_kb(_exc: BaseException | None) -> None:
    held = g.pop("kb_held", None)
    if held is not None:
        current_app.extensions["live_kb"].release(held)
