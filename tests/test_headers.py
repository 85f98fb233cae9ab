"""Security headers on every response — each route as a page and as JSON, static files, every
error path — and pages that need nothing the Content-Security-Policy forbids."""

from __future__ import annotations

import re

import pytest

from kb import KnowledgeBase
from tests.conftest import SLUG
from web import create_app

EXPECTED = {
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; "
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
}
# A real value for each URL argument, per endpoint where it differs; any other gets "x" (404).
ARGS = {
    "clause_id": f"{SLUG}/6.4.2",
    "zone_id": "辽宁岫岩西沟-小荒沟",
    "filename": "app.js",
}
NAMES = {"region": "丹东", "mineral": "硼"}
QUERY = {
    "search": "?q=硼",
    "ask": "?q=丹东有哪些硼矿重点勘查区？",
    "check": "?mineral=菱镁矿&place=岫岩",
    "check_docx": "?mineral=菱镁矿&place=岫岩",
}


def every_route(app) -> list[str]:
    urls = []
    for rule in app.url_map.iter_rules():
        short = rule.endpoint.split(".")[-1]
        url = rule.rule
        for arg in rule.arguments:
            value = NAMES.get(short, "x") if arg == "name" else ARGS.get(arg, "x")
            url = re.sub(rf"<(?:\w+:)?{arg}>", value, url)
        urls.append(url + QUERY.get(short, ""))
    return urls


def check(response) -> None:
    assert {k: response.headers.get(k) for k in EXPECTED} == EXPECTED


def test_every_route_answers_with_the_headers(app, client):
    urls = every_route(app)
    assert {"/", "/api/search?q=硼", "/static/app.js", f"/clauses/{SLUG}/6.4.2"} <= set(urls)
    for url in urls:
        with client.get(url) as response:
            assert response.status_code == 200, url
            check(response)


ERRORS = [
    ("GET", "/no-such-page", 404),
    ("GET", "/api/no-such-endpoint", 404),
    ("GET", "/static/no-such-file.js", 404),
    ("GET", f"/api/clauses/{SLUG}/99.9.9", 404),
    ("GET", "/regions/纽约", 404),
    ("GET", "/api/search?q=%20", 400),
    ("GET", "/search?q=-硼", 400),
    ("GET", "/api/search?q=硼&limit=x", 400),
    ("POST", "/api/search?q=硼", 405),
    ("DELETE", "/outline", 405),
    ("HEAD", "/outline", 200),
    ("OPTIONS", "/api/outline", 200),
]


@pytest.mark.parametrize(("method", "url", "status"), ERRORS, ids=lambda x: str(x)[:30])
def test_error_paths_answer_with_the_headers(client, method, url, status):
    with client.open(url, method=method) as response:
        assert response.status_code == status
        check(response)


def test_an_unexpected_error_and_a_missing_kb_answer_with_the_headers(
    kb_path, tmp_path, monkeypatch
):
    app = create_app({"TESTING": False, "KB_PATH": str(kb_path)})
    monkeypatch.setattr(KnowledgeBase, "outline", lambda self: 1 / 0)
    for url in ("/api/outline", "/outline"):
        response = app.test_client().get(url)
        assert response.status_code == 500
        check(response)
    missing = create_app({"TESTING": True, "KB_PATH": str(tmp_path / "none")}).test_client()
    for url in ("/api/outline", "/outline"):
        response = missing.get(url)
        assert response.status_code == 503
        check(response)


INLINE = [
    re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.I),  # a script without src
    re.compile(r"<style\b", re.I),
    re.compile(r"\sstyle\s*=", re.I),
    re.compile(r"\son[a-z]+\s*=", re.I),  # onclick= …
    re.compile(r"javascript:", re.I),
    re.compile(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", re.I),  # from outside
]


def test_no_page_needs_what_the_policy_forbids(app, client):
    pages = [
        u
        for u in every_route(app)
        if not u.startswith(("/api/", "/static/")) and ".docx" not in u  # a Word file, no page
    ]
    pages += ["/search?q=" + "硼" * 200, "/regions/纽约", "/search?q=-硼"]
    for url in pages:
        html = client.get(url).get_data(as_text=True)
        found = [m.group(0) for rx in INLINE for m in rx.finditer(html)]
        assert found == [], url
