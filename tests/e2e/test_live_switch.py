"""Ingest while the real server answers a stream of requests: no errors, and the server moves
to the new build without a restart."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

from kb.store import builds_dir
from tests.conftest import PLAN, ROOT, SLUG
from tests.serving import running_server

SCALE = "最低开采规模为 30 万吨/年"  # 第六章第四节, clause 6.4.2 of the plan
SEARCH = "/api/search?q=" + urllib.parse.quote("菱镁矿 开采规模")
CLAUSE = f"/api/clauses/{SLUG}/6.4.2"


def fetch(url: str) -> tuple[int, dict]:
    try:
        with urllib.request.urlopen(url, timeout=20) as r:
            return r.status, json.loads(r.read())
    except urllib.error.HTTPError as e:
        return e.code, {}


def plan_folder(folder, text: str):
    folder.mkdir()
    (folder / PLAN.name).write_text(text, encoding="utf-8")
    shutil.copy(PLAN.with_suffix(".toml"), folder)
    return folder / PLAN.name


def ingest(plan, kb) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "kb", "ingest", str(plan), "--kb", str(kb), "--quiet"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert (result.returncode, result.stderr) == (0, "")


def wait_for_text(base: str, wanted: str, seconds: float = 15) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if wanted in fetch(base + CLAUSE)[1].get("text", ""):
            return
        time.sleep(0.1)
    raise AssertionError(f"the server still serves the old build after {seconds} s")


def test_ingest_while_serving_switches_builds_with_no_error(tmp_path):
    text = PLAN.read_text(encoding="utf-8")
    assert text.count(SCALE) == 1
    original = plan_folder(tmp_path / "corpus", text)
    changed = plan_folder(tmp_path / "changed", text.replace(SCALE, "最低开采规模为 40 万吨/年"))
    kb = tmp_path / "kb"
    answers: list[tuple[int, str]] = []
    stop = threading.Event()

    def client(base: str) -> None:
        while not stop.is_set():
            status, data = fetch(base + SEARCH)
            answers.append((status, data.get("hits", [{}])[0].get("id", "")))
            status, data = fetch(base + CLAUSE)
            answers.append((status, data.get("id", "")))
            stop.wait(0.05)  # a steady stream that leaves the ingest some CPU on 2 cores

    with running_server(kb, original.parent) as (base, proc):
        first = kb.resolve()
        clients = [threading.Thread(target=client, args=(base,)) for _ in range(2)]
        for t in clients:
            t.start()
        try:
            ingest(changed, kb)
            wait_for_text(base, "最低开采规模为 40 万吨/年")
            ingest(original, kb)
            wait_for_text(base, SCALE)
            serving = kb.resolve()
        finally:
            stop.set()
            for t in clients:
                t.join()
        ingest(original, kb)  # every build but the one the server serves and the new one goes
        assert proc.poll() is None and not first.exists()
        assert sorted(builds_dir(kb).iterdir()) == sorted([serving, kb.resolve()])
    assert len(answers) > 20
    assert set(answers) == {(200, f"{SLUG}/6.4.2")}
