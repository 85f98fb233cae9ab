"""The KB handle of the app: opened once by `create_app`, kept in `app.extensions["kb"]`."""

from __future__ import annotations

from flask import current_app

from kb import KnowledgeBase
from kb.errors import KBMissing


def get_kb() -> KnowledgeBase:
    """The app's KB; the error that kept it from opening (a clear message, 503) if none."""
    kb = current_app.extensions["kb"]
    if kb is None:
        raise current_app.extensions["kb_error"] or KBMissing("知识库不可用。No knowledge base.")
    return kb
