"""Shared fixtures: one KB built from the real corpus per test session, the app and its client."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from ingest.build import build, corpus_files
from kb import KnowledgeBase
from web import create_app

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
PLAN = CORPUS / "liaoning-mineral-plan-2021-2025.txt"
SLUG = "liaoning-2021-2025"
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
    build(corpus_files(CORPUS), path)
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
def plan_text() -> str:
    return PLAN.read_text(encoding="utf-8")


@pytest.fixture()
def plan_copy(tmp_path) -> Path:
    """A copy of the plan with its metadata, in a folder of its own."""
    for src in (PLAN, PLAN.with_suffix(".toml")):
        shutil.copy(src, tmp_path / src.name)
    return tmp_path / PLAN.name


@pytest.fixture(scope="session")
def app(kb_path):
    return create_app({"TESTING": True, "KB_PATH": str(kb_path)})


@pytest.fixture()
def client(app):
    return app.test_client()
