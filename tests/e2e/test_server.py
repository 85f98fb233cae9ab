"""End to end over HTTP: the real server (`python -m web`) built its KB from the corpus itself."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request

import pytest

from ingest.build import build, corpus_files
from tests.conftest import PLANS, ROOT, SLUG, corpus_of
from tests.serving import running_server


def get(url: str) -> tuple[int, str, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as r:
            return r.status, r.headers.get_content_type(), r.read().decode()
    except urllib.error.HTTPError as e:
        return e.code, e.headers.get_content_type(), e.read().decode()


def test_server_built_the_kb_and_serves_the_outline(server, server_workdir):
    assert (server_workdir / "kb" / "manifest.json").exists()
    status, ctype, body = get(server + "/api/outline")
    assert (status, ctype) == (200, "application/json")
    doc = next(d for d in json.loads(body)["documents"] if d["slug"] == SLUG)
    assert [n["label"] for n in doc["outline"]][:3] == ["总则", "第一章", "第二章"]


def test_clause_over_http(server):
    status, _, body = get(f"{server}/api/clauses/{SLUG}/box5/16")
    assert status == 200
    assert json.loads(body)["citation"]["text"] == (
        "《辽宁省矿产资源总体规划（2021-2025年）》专栏五“重点勘查区”第16项，第18页。"
    )


@pytest.mark.parametrize(
    ("path", "status"),
    [
        (f"/api/clauses/{SLUG}/99.9.9", 404),
        ("/api/clauses/" + urllib.parse.quote("<script>alert(1)</script>"), 404),
        ("/api/no-such-endpoint", 404),
        ("/api/clauses/" + "x" * 10000, 404),
    ],
)
def test_api_errors_have_one_shape(server, path, status):
    code, ctype, body = get(server + path)
    data = json.loads(body)
    assert (code, ctype, data["ok"], data["status"]) == (status, "application/json", False, status)
    assert isinstance(data["error"], str) and "Traceback" not in body


def test_html_pages_over_http(server):
    status, ctype, body = get(f"{server}/clauses/{SLUG}/6.4.2")
    assert (status, ctype) == (200, "text/html")
    assert "最低开采规模为 30 万吨/年" in body
    status, _, body = get(f"{server}/clauses/" + urllib.parse.quote("<b>x</b>"))
    assert status == 404 and "<b>x</b>" not in body and "&lt;b&gt;x&lt;/b&gt;" in body


def test_static_assets_ship_with_the_project(server):
    for asset in ("/static/style.css", "/static/app.js"):
        status, _, _ = get(server + asset)
        assert status == 200
    _, _, html = get(server + "/outline")
    assert "http://" not in html.replace("http://127.0.0.1", "") and "https://" not in html


def test_a_refused_ingest_leaves_the_running_server_serving(server, server_workdir, tmp_path, kb):
    kb_dir = server_workdir / "kb"
    live = kb_dir.resolve()
    _, _, before = get(server + "/api/outline")
    bad = tmp_path / "not-a-plan.txt"
    bad.write_text("这是一份普通的通知。\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "kb", "ingest", str(bad), "--kb", str(kb_dir)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert (result.returncode, result.stderr) == (
        1,
        f"plankb: {bad}: no chapter headings (第一章 …) found; not a planning document\n",
    )
    assert kb_dir.resolve() == live
    assert get(server + "/api/outline") == (200, "application/json", before)
    status, _, body = get(f"{server}/api/search?q=%E7%A1%BC")
    assert (status, json.loads(body)["hits"]) == (200, kb.search("硼")["hits"])


def test_a_bad_file_in_the_corpus_does_not_take_the_server_down(tmp_path):
    corpus = corpus_of(tmp_path / "corpus", PLANS)
    build(corpus_files(corpus), tmp_path / "kb")
    earlier = (tmp_path / "kb").resolve()
    (corpus / "broken.txt").write_bytes(b"\x00\x01binary")
    with running_server(tmp_path / "kb", corpus) as (base, _):
        status, _, body = get(f"{base}/api/clauses/{SLUG}/6.4.2")
        assert (status, json.loads(body)["page"]) == (200, 27)
    assert (tmp_path / "kb").resolve() == earlier


def test_a_bad_corpus_and_no_kb_is_a_one_line_refusal(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "broken.txt").write_bytes(b"")
    env = {**os.environ, "PLANKB_KB": str(tmp_path / "kb"), "PLANKB_CORPUS": str(corpus)}
    result = subprocess.run(
        [sys.executable, "-m", "web"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )
    assert (result.returncode, result.stderr.splitlines()[-1]) == (
        1,
        f"plankb: {corpus / 'broken.txt'}: the file is empty",
    )
    assert not (tmp_path / "kb").exists()
