"""The real server on several cores: PLANKB_WORKERS processes (gunicorn) answer, each request is
one access-log line and nothing else is logged per request; waitress (one process) likewise."""

from __future__ import annotations

import re
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from tests.conftest import SLUG
from tests.serving import children, running_server
from web.serve import has_gunicorn

LINE = re.compile(
    r'^127\.0\.0\.1 - - \[[^\]]+\] "GET (?P<target>\S+) HTTP/1\.1" (?P<status>\d{3}) '
    r"(?:\d+|-) \d+\.\dms pid=(?P<pid>\d+)$"
)
CLAUSES = [f"{SLUG}/6.4.{n}" for n in range(1, 4)] + [f"{SLUG}/box5/{n}" for n in range(1, 31)]


def fetch(base: str, path: str) -> int:
    with urllib.request.urlopen(base + urllib.parse.quote(path, safe="/?=&"), timeout=30) as r:
        r.read()
        return r.status


def load_and_read_logs(kb_path: Path, tmp_path: Path, **env: str) -> tuple[list, str, set[int]]:
    paths = [f"/api/clauses/{c}" for c in CLAUSES] + ["/api/search?q=硼&page=2"]
    with running_server(kb_path, tmp_path, logs=tmp_path, **env) as (base, proc):
        with ThreadPoolExecutor(8) as pool:
            assert set(pool.map(lambda p: fetch(base, p), paths)) == {200}
        workers = children(proc.pid)  # after the load: every worker has booted by then
    lines = (tmp_path / "access.log").read_text(encoding="utf-8").splitlines()
    wanted = {urllib.parse.quote(p, safe="/?=&") for p in paths}
    ours = [m for m in map(LINE.match, lines) if m and m["target"] in wanted]
    assert all(LINE.match(line) for line in lines), lines
    assert sorted(m["target"] for m in ours) == sorted(wanted)  # each request once
    return ours, (tmp_path / "server.log").read_text(encoding="utf-8"), workers


@pytest.mark.skipif(not has_gunicorn(), reason="gunicorn is POSIX only")
def test_two_workers_answer_and_log_one_line_per_request(kb_path, tmp_path):
    ours, messages, workers = load_and_read_logs(kb_path, tmp_path, PLANKB_WORKERS="2")
    assert len(workers) == 2
    assert {int(m["pid"]) for m in ours} <= workers
    assert "gunicorn, 2 workers × 4 threads" in messages
    assert "WARNING" not in messages and "Traceback" not in messages


def test_waitress_answers_in_one_process_and_logs_one_line_per_request(kb_path, tmp_path):
    ours, messages, workers = load_and_read_logs(
        kb_path, tmp_path, PLANKB_SERVER="waitress", PLANKB_THREADS="2"
    )
    assert workers == set()
    assert "(waitress, 2 threads)" in messages
    assert "Task queue depth" not in messages and "WARNING" not in messages
