"""Acceptance 7: a file that is not a plan is refused in one line; the KB stays as it was."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

import pytest

from ingest.build import build
from kb import KnowledgeBase
from kb.store import builds_dir
from tests.conftest import PLAN, ROOT

NOT_PLANS = {
    "empty": (b"", "the file is empty"),
    "blank lines only": (b"\n \n\t\n", "the file is empty"),
    "binary": (bytes(range(256)) * 4, "binary data (NUL bytes), not a text file"),
    "undecodable": (
        b"plan \xff\xfe\x80\x81 \xff\x80" * 50,
        "not readable as UTF-8 or GB18030 text; save it as UTF-8",
    ),
    "no headings": (
        "这是一份普通的通知。\n\n请各单位认真执行。\n".encode(),
        "no chapter headings (第一章 …) found; not a planning document",
    ),
    # read as UTF-16 (the BOM says which), then refused for what the text lacks
    "UTF-16": (
        "第一章 总则\n".encode("utf-16"),
        "no title found before the contents; add one in bad.toml",
    ),
    "UTF-16, odd length": (
        "第一章 总则\n".encode("utf-16-le").join([b"\xff\xfe", b"\x00"]),
        "not readable as UTF-16 LE text; save it as UTF-8",
    ),
}


def tree_digest(path: Path) -> str:
    digest = hashlib.sha256()
    root = path.resolve()
    for f in sorted(root.rglob("*")):
        if f.is_file():
            digest.update(str(f.relative_to(root)).encode() + f.read_bytes())
    return digest.hexdigest() + str(root)


def ingest(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "kb", "ingest", *args], cwd=ROOT, capture_output=True, text=True
    )


@pytest.mark.parametrize("name", NOT_PLANS)
def test_not_a_plan_is_refused_and_kb_unchanged(tmp_path, live_kb, name):
    data, reason = NOT_PLANS[name]
    bad = tmp_path / "bad.txt"
    bad.write_bytes(data)
    before = tree_digest(live_kb)
    result = ingest(str(bad), "--kb", str(live_kb))
    assert (result.returncode, result.stdout, result.stderr) == (
        1,
        "",
        f"plankb: {bad}: {reason}\n",
    )
    assert tree_digest(live_kb) == before
    assert KnowledgeBase.open(live_kb).clause("liaoning-2021-2025/6.4.2")["page"] == 27


def test_a_bad_file_among_good_ones_changes_nothing(tmp_path, live_kb):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"")
    before = tree_digest(live_kb)
    result = ingest(str(PLAN), str(bad), "--kb", str(live_kb))
    assert result.returncode == 1 and result.stderr.count("\n") == 1
    assert tree_digest(live_kb) == before


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (lambda d: d / "missing.txt", "no such file"),
        (lambda d: d, "is a directory, not a text file"),
    ],
)
def test_unreadable_paths(tmp_path, live_kb, make, reason):
    path = make(tmp_path)
    result = ingest(str(path), "--kb", str(live_kb))
    assert (result.returncode, result.stderr) == (1, f"plankb: {path}: {reason}\n")


def test_interrupted_build_leaves_previous_kb(tmp_path, live_kb, monkeypatch):
    before = tree_digest(live_kb)
    builds_before = sorted(p.name for p in builds_dir(live_kb).iterdir())

    def fail(*_args):
        raise KeyboardInterrupt

    monkeypatch.setattr("kb.store.KBWriter._commit", fail)
    with pytest.raises(KeyboardInterrupt):
        build([PLAN], live_kb)
    assert tree_digest(live_kb) == before
    assert sorted(p.name for p in builds_dir(live_kb).iterdir()) == builds_before


def test_rebuild_keeps_the_build_a_reader_holds_and_no_other(live_kb):
    first = live_kb.resolve()
    build([PLAN], live_kb)
    second = live_kb.resolve()
    assert second != first and sorted(builds_dir(live_kb).iterdir()) == [second]
    with KnowledgeBase.open(live_kb) as reader:
        build([PLAN], live_kb)
        assert sorted(builds_dir(live_kb).iterdir()) == sorted([second, live_kb.resolve()])
        assert reader.clause("liaoning-2021-2025/6.4.2")["page"] == 27
    build([PLAN], live_kb)
    assert list(builds_dir(live_kb).iterdir()) == [live_kb.resolve()]


def test_missing_kb_gives_a_hint(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "kb", "outline", "--kb", str(tmp_path / "none")],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert (result.returncode, result.stderr) == (
        1,
        f"plankb: 知识库尚未建立（{tmp_path / 'none'}）。No knowledge base at "
        f"{tmp_path / 'none'}; build it with: plankb ingest --kb {tmp_path / 'none'}\n",
    )


def test_slug_with_bad_characters_is_refused(tmp_path):
    plan = tmp_path / "plan.txt"
    plan.write_bytes(PLAN.read_bytes())
    plan.with_suffix(".toml").write_text('slug = "../etc"\n', encoding="utf-8")
    result = ingest(str(plan), "--kb", str(tmp_path / "kb"))
    assert (result.returncode, result.stderr) == (
        1,
        f"plankb: {plan}: slug '../etc' must be lower-case letters, digits and '-'\n",
    )
    assert not (tmp_path / "kb").exists()
