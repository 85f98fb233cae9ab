"""Beyond one machine (issue 13): the KB is read-only once built, so several stateless servers
can serve one build behind any load balancer. Two server processes on one build answer alike;
stopping one leaves the other answering; neither writes to the build."""

from __future__ import annotations

import json
import urllib.parse
import urllib.request
from pathlib import Path

from tests.conftest import PLANS, corpus_of
from tests.serving import running_server

QUERIES = ["菱镁矿 开采规模", "硼", "重点勘查区"]
PATHS = [f"/api/search?q={urllib.parse.quote(q)}" for q in QUERIES]
PATHS += ["/api/regions/" + urllib.parse.quote("丹东"), "/api/documents"]


def get(base: str, path: str) -> dict:
    with urllib.request.urlopen(base + path, timeout=30) as response:
        return json.loads(response.read())


def files_of(build: Path) -> dict[str, float]:
    return {str(p): p.stat().st_mtime for p in build.resolve().rglob("*") if p.is_file()}


def test_two_servers_on_one_build_answer_alike_and_independently(kb_path, tmp_path):
    corpus = corpus_of(tmp_path / "corpus", PLANS)  # the files the session KB was built from
    before = files_of(kb_path)
    with running_server(kb_path, corpus) as (one, first):
        with running_server(kb_path, corpus) as (two, _):
            assert [get(one, p) for p in PATHS] == [get(two, p) for p in PATHS]
            first.terminate()
            first.wait(timeout=10)
            assert get(two, PATHS[0])["total"] > 0  # the other one still answers
    assert files_of(kb_path) == before  # serving wrote nothing into the build
