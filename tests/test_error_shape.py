"""One JSON error shape over every error path of the API (and never a stack trace)."""

from __future__ import annotations

import re

import pytest

from kb import KnowledgeBase
from web import create_app

LONG = "矿" * 10_000
ERRORS = [
    # (request, status, has suggestions)
    ("/api/clauses/liaoning-2021-2025/6.4.9", 404, True),
    ("/api/clauses/" + LONG, 404, True),
    ("/api/regions/纽约", 404, True),
    ("/api/regions/%20", 400, False),
    ("/api/regions/" + LONG, 400, False),
    ("/api/minerals/纽约", 404, True),
    ("/api/zones/纽约", 404, True),
    ("/api/zones?type=纽约", 404, True),
    ("/api/zones?region=纽约", 404, True),
    ("/api/zones?mineral=纽约", 404, True),
    ("/api/search", 400, False),
    ("/api/search?q=%20", 400, False),
    ("/api/search?q=" + LONG, 400, False),
    ("/api/search?q=-硼", 400, False),
    ("/api/search?q=硼&limit=abc", 400, False),
    ("/api/search?q=硼&limit=0", 400, False),
    ("/api/search?q=硼&page=-1", 400, False),
    ("/api/search?q=硼&region=纽约", 400, False),
    ("/api/search?q=硼&mineral=纽约", 400, False),
    ("/api/search?q=硼&zone_type=纽约", 400, False),
    ("/api/search?q=硼&chapter=十九", 400, False),
    ("/api/search?q=硼&kind=x", 400, False),
    ("/api/no-such-endpoint", 404, False),
]


def check_shape(response, status: int, suggestions: bool) -> None:
    data = response.get_json()
    keys = {"ok", "error", "status"} | ({"suggestions"} if suggestions else set())
    assert (response.status_code, response.mimetype, set(data)) == (
        status,
        "application/json",
        keys,
    )
    assert data["ok"] is False and data["status"] == status
    assert re.search(r"[\u4e00-\u9fff]", data["error"]), "the message is for Chinese readers"
    assert len(data["error"]) < 300 and "Traceback" not in data["error"]
    if suggestions:
        assert isinstance(data["suggestions"], list)


@pytest.mark.parametrize(("url", "status", "suggestions"), ERRORS, ids=lambda x: str(x)[:40])
def test_error_shape(client, url, status, suggestions):
    check_shape(client.get(url), status, suggestions)


def test_wrong_method(client):
    check_shape(client.post("/api/search?q=硼"), 405, False)


def test_unexpected_error_is_a_500_with_the_same_shape(kb_path, monkeypatch):
    app = create_app({"TESTING": False, "KB_PATH": str(kb_path)})
    monkeypatch.setattr(KnowledgeBase, "outline", lambda self: 1 / 0)
    response = app.test_client().get("/api/outline")
    check_shape(response, 500, False)
    page = app.test_client().get("/outline")
    assert page.status_code == 500 and "ZeroDivisionError" not in page.get_data(as_text=True)


def test_missing_kb_is_a_503_with_a_hint(tmp_path):
    client = create_app({"TESTING": True, "KB_PATH": str(tmp_path / "none")}).test_client()
    check_shape(client.get("/api/outline"), 503, False)
    assert "plankb ingest" in client.get("/api/outline").get_json()["error"]
