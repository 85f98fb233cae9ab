"""Shared fixtures: one KB per test session, built from an explicit list of plan files (never
the corpus folder, so a second plan dropped into corpus/ changes no fixture), the app and its
client. Tests select their document by its slug and never assume it is the only one."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.build import build
from kb import KnowledgeBase
from tests.plans import PLAN, PLANS, ROOT, SLUG, THREE, corpus_of
from web import create_app

__all__ = ["PLAN", "PLANS", "ROOT", "SLUG", "corpus_of"]  # re-exported for the tests
CITIES = [
    "沈阳市",
    "大连市",
    "鞍山市",
    "抚顺市",
    "本溪市",
    "丹东市",
    "锦州市",
    "营口市",
    "阜新市",
    "辽阳市",
    "盘锦市",
    "铁岭市",
    "朝阳市",
    "葫芦岛市",
]  # prefecture-level, in code order


@pytest.fixture(scope="session")
def kb_path(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("kb") / "kb"
    build(PLANS, path)
    return path


@pytest.fixture()
def live_kb(tmp_path) -> Path:
    """A KB of the plan of its own, for tests that rebuild, refuse or damage it."""
    path = tmp_path / "kb"
    build([PLAN], path)
    return path


@pytest.fixture(scope="session")
def kb(kb_path) -> KnowledgeBase:
    return KnowledgeBase.open(kb_path)


@pytest.fixture(scope="session")
def three(tmp_path_factory) -> KnowledgeBase:
    """A KB of the real plan and the two test plans (tests/plans.py `THREE`)."""
    path = tmp_path_factory.mktemp("three") / "kb"
    build(THREE, path)
    return KnowledgeBase.open(path)


@pytest.fixture(scope="session")
def plan_text() -> str:
    return PLAN.read_text(encoding="utf-8")


def document(kb: KnowledgeBase, slug: str = SLUG) -> dict:
    """The outline entry of one document of the KB, chosen by its slug."""
    return next(d for d in kb.outline()["documents"] if d["slug"] == slug)


@pytest.fixture()
def plan_copy(tmp_path) -> Path:
    """A copy of the plan with its metadata, in a folder of its own."""
    return corpus_of(tmp_path, [PLAN]) / PLAN.name


@pytest.fixture(scope="session")
def app(kb_path):
    return create_app({"TESTING": True, "KB_PATH": str(kb_path)})


@pytest.fixture()
def client(app):
    return app.test_client()
