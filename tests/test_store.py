"""Builds are never removed while in use; ingests take turns; a killed ingest costs nothing."""

from __future__ import annotations

import os
import signal
import subprocess
import sys

import pytest

from ingest.build import build
from kb import KnowledgeBase
from kb.leases import WAITING
from kb.live import LiveKB
from kb.store import builds_dir
from tests.conftest import PLAN, ROOT, SLUG
from tests.test_bad_input import tree_digest


def start_ingest(kb, pause: str = "") -> subprocess.Popen:
    env = {**os.environ, "PLANKB_PAUSE": pause}
    return subprocess.Popen(
        [sys.executable, "-m", "kb", "ingest", str(PLAN), "--kb", str(kb), "--quiet"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def wait_for_line(proc: subprocess.Popen, wanted: str) -> list[str]:
    """Lines of stderr up to and including `wanted` (which must come)."""
    seen = []
    for line in proc.stderr:
        seen.append(line.rstrip("\n"))
        if seen[-1] == wanted:
            return seen
    raise AssertionError(f"the ingest ended without saying {wanted!r}: {seen}")


def serves_the_plan(kb_path) -> bool:
    with KnowledgeBase.open(kb_path) as kb:
        return kb.clause(f"{SLUG}/6.4.2")["page"] == 27  # 第六章第四节 starts on page 27


def test_two_ingests_started_together_both_finish_and_leave_one_build(live_kb):
    first, second = start_ingest(live_kb), start_ingest(live_kb)
    results = [(p.wait(timeout=120), p.stdout.read(), p.stderr.read()) for p in (first, second)]
    for proc in (first, second):
        proc.stdout.close()
        proc.stderr.close()
    assert [r[:2] for r in results] == [(0, ""), (0, "")]
    assert {r[2] for r in results} <= {"", WAITING + "\n"}
    assert serves_the_plan(live_kb)
    assert list(builds_dir(live_kb).iterdir()) == [live_kb.resolve()]


def test_the_second_ingest_says_it_waits(live_kb):
    first = start_ingest(live_kb, pause="parsed:3")
    wait_for_line(first, "paused at parsed")
    second = start_ingest(live_kb)
    assert wait_for_line(second, WAITING) == [WAITING]
    assert (first.wait(timeout=120), second.wait(timeout=120)) == (0, 0)
    for proc in (first, second):
        proc.stdout.close()
        proc.stderr.close()
    assert serves_the_plan(live_kb)


@pytest.mark.parametrize(("point", "half_built"), [("parsed", 0), ("documents", 1), ("indexed", 1)])
def test_a_killed_ingest_leaves_the_kb_and_the_next_ingest_cleans_up(live_kb, point, half_built):
    live, before = live_kb.resolve(), tree_digest(live_kb)
    proc = start_ingest(live_kb, pause=f"{point}:120")
    wait_for_line(proc, f"paused at {point}")
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    proc.stdout.close()
    proc.stderr.close()
    left = [b for b in builds_dir(live_kb).iterdir() if b != live]
    assert (len(left), live_kb.resolve(), tree_digest(live_kb)) == (half_built, live, before)
    assert all(not (b / "manifest.json").exists() for b in left)
    assert serves_the_plan(live_kb)
    build([PLAN], live_kb)
    assert list(builds_dir(live_kb).iterdir()) == [live_kb.resolve()]
    assert serves_the_plan(live_kb)


def test_live_kb_switches_to_a_new_build_and_lets_the_old_one_go(live_kb):
    live = LiveKB(live_kb, interval=0)
    with live.use() as old:
        build([PLAN], live_kb)
        with live.use() as new:
            assert (old.root.exists(), new.root) == (True, live_kb.resolve())
            assert new.clause(f"{SLUG}/6.4.2")["page"] == 27
        build([PLAN], live_kb)  # `old` is still in use: kept
        assert old.root.exists() and old.clause(f"{SLUG}/6.4.2")["page"] == 27
    with live.use() as current:
        assert current.root == live_kb.resolve()
    build([PLAN], live_kb)  # no use holds `old` any more; `current` stays until replaced
    assert sorted(builds_dir(live_kb).iterdir()) == sorted([current.root, live_kb.resolve()])
    assert not old.root.exists()
