"""A damaged KB: one line naming the fix from the CLI, 503 from the server, and `make serve`
(`python -m web`) builds it again from the corpus by itself. Never a traceback."""

from __future__ import annotations

import json
import logging
import shutil
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest

from ingest.build import build, corpus_files
from kb import BadDocument, KBDamaged, KnowledgeBase
from kb.cli.main import main
from tests.conftest import PLAN, ROOT, SLUG
from tests.serving import running_server
from web import create_app
from web.__main__ import refresh

PARTS = [
    "documents/liaoning-2021-2025.json",
    "lexicon.json",
    "graph.json",
    "mentions.json",
    "index/_MAIN_1.toc",
    "index/MAIN_*.seg",
    "index/dictionary.txt",
]


def truncate(data: bytes) -> bytes:
    return data[: len(data) // 2]


def flip(data: bytes) -> bytes:
    middle = len(data) // 2
    return data[:middle] + bytes([data[middle] ^ 0x01]) + data[middle + 1 :]


FAULTS = {
    "truncated": truncate,
    "empty": lambda _: b"",
    "garbage": lambda data: (b"\x89\x00garbage\xff" * len(data))[: len(data)],
    "deleted": None,
    "{}": lambda _: b"{}",
    "one byte flipped": flip,
}


@pytest.fixture(scope="module")
def pristine(tmp_path_factory) -> Path:
    """A corpus of the plan and the KB built from it, to copy for each damage."""
    work = tmp_path_factory.mktemp("pristine")
    (work / "corpus").mkdir()
    for src in (PLAN, PLAN.with_suffix(".toml")):
        shutil.copy(src, work / "corpus" / src.name)
    build(corpus_files(work / "corpus"), work / "kb")
    return work


def damage(pristine: Path, where: Path, part: str, fault: str) -> tuple[Path, str]:
    """A copy of the pristine KB with `part` damaged; (its path, what the message must say)."""
    shutil.copytree(pristine, where, symlinks=True)
    kb = where / "kb"
    (file,) = kb.resolve().glob(part)
    name, data = file.relative_to(kb.resolve()).as_posix(), file.read_bytes()
    if FAULTS[fault] is None:
        file.unlink()
        return kb, f"{name} is missing"
    file.write_bytes(FAULTS[fault](data))
    new = file.read_bytes()
    if len(new) != len(data):
        return kb, f"{name} has {len(new)} bytes, the build wrote {len(data)}"
    return kb, f"{name} was altered (SHA-256 differs)"


def message(kb: Path, what: str) -> str:
    return (
        f"知识库已损坏（{kb}），请重新导入。The knowledge base at {kb} is damaged ({what}); "
        f"rebuild it with: plankb ingest --kb {kb}"
    )


def assert_refused_everywhere(kb: Path, expected: str, capsys) -> None:
    assert main(["search", "硼", "--kb", str(kb)]) == 1
    assert capsys.readouterr() == ("", f"plankb: {expected}\n")
    client = create_app({"TESTING": True, "KB_PATH": str(kb)}).test_client()
    response = client.get("/api/search?q=硼")
    assert (response.status_code, response.json) == (
        503,
        {"ok": False, "error": expected, "status": 503},
    )
    page = client.get("/outline")
    assert page.status_code == 503 and expected in page.get_data(as_text=True)


@pytest.mark.parametrize("fault", FAULTS)
@pytest.mark.parametrize("part", PARTS)
def test_a_damaged_file_is_named_and_nothing_is_loaded(pristine, tmp_path, part, fault, capsys):
    kb, what = damage(pristine, tmp_path / "w", part, fault)
    with pytest.raises(KBDamaged) as caught:
        KnowledgeBase.open(kb)
    assert str(caught.value) == message(kb, what)
    assert_refused_everywhere(kb, message(kb, what), capsys)


@pytest.mark.parametrize("fault", [f for f in FAULTS if f != "deleted"])
def test_a_damaged_manifest_is_named(pristine, tmp_path, fault, capsys):
    kb, _ = damage(pristine, tmp_path / "w", "manifest.json", fault)
    with pytest.raises(KBDamaged) as caught:
        KnowledgeBase.open(kb)
    head = (
        f"知识库已损坏（{kb}），请重新导入。The knowledge base at {kb} is damaged (manifest.json "
    )
    assert str(caught.value).startswith(head)
    assert str(caught.value).endswith(f"; rebuild it with: plankb ingest --kb {kb}")
    assert_refused_everywhere(kb, str(caught.value), capsys)


def test_a_deleted_manifest_is_a_kb_to_build(pristine, tmp_path, capsys):
    kb, _ = damage(pristine, tmp_path / "w", "manifest.json", "deleted")
    expected = (
        f"知识库尚未建立（{kb}）。No knowledge base at {kb}; build it with: plankb ingest --kb {kb}"
    )
    assert_refused_everywhere(kb, expected, capsys)


def test_a_file_the_build_did_not_write_is_refused(pristine, tmp_path):
    kb, _ = damage(pristine, tmp_path / "w", "index/_MAIN_1.toc", "deleted")
    shutil.copy(pristine / "kb" / "index" / "_MAIN_1.toc", kb / "index" / "_MAIN_2.toc")
    with pytest.raises(KBDamaged) as caught:
        KnowledgeBase.open(kb)
    assert str(caught.value) == message(kb, "index/_MAIN_1.toc is missing")


def test_a_whole_manifest_rewritten_with_new_hashes_but_no_seal_is_refused(pristine, tmp_path):
    kb, _ = damage(pristine, tmp_path / "w", "graph.json", "{}")
    manifest = json.loads((kb / "manifest.json").read_text(encoding="utf-8"))
    manifest["files"]["graph.json"] = {"size": 2, "sha256": "x"}
    (kb / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    with pytest.raises(KBDamaged) as caught:
        KnowledgeBase.open(kb)
    assert str(caught.value) == message(kb, "manifest.json does not match its seal")


REBUILDS = list(zip(PARTS + ["manifest.json"], [*FAULTS, *FAULTS][:8], strict=True))


@pytest.mark.parametrize(("part", "fault"), REBUILDS)
def test_make_serve_rebuilds_a_damaged_kb(pristine, tmp_path, part, fault, caplog):
    kb, what = damage(pristine, tmp_path / "w", part, fault)
    caplog.set_level(logging.INFO)
    refresh(tmp_path / "w" / "corpus", kb, logging.getLogger("test"))
    said = caplog.messages[0]
    assert said == message(kb, what) if part != "manifest.json" else "(manifest.json" in said
    assert caplog.messages[-1] == f"knowledge base built at {kb}"
    with KnowledgeBase.open(kb) as rebuilt:
        assert rebuilt.clause(f"{SLUG}/6.4.2")["page"] == 27


def test_a_bad_corpus_and_a_damaged_kb_is_a_one_line_refusal(pristine, tmp_path):
    kb, _ = damage(pristine, tmp_path / "w", "graph.json", "truncated")
    (tmp_path / "w" / "corpus" / "broken.txt").write_bytes(b"")
    with pytest.raises(BadDocument) as caught:
        refresh(tmp_path / "w" / "corpus", kb, logging.getLogger("test"))
    assert str(caught.value) == f"{tmp_path / 'w' / 'corpus' / 'broken.txt'}: the file is empty"


def test_the_real_server_rebuilds_a_damaged_kb_and_the_cli_says_one_line(pristine, tmp_path):
    kb, what = damage(pristine, tmp_path / "w", "index/MAIN_*.seg", "one byte flipped")
    cli = subprocess.run(
        [sys.executable, "-m", "kb", "outline", "--kb", str(kb)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert (cli.returncode, cli.stdout, cli.stderr) == (1, "", f"plankb: {message(kb, what)}\n")
    with running_server(kb, tmp_path / "w" / "corpus") as (base, _):
        with urllib.request.urlopen(f"{base}/api/clauses/{SLUG}/6.4.2", timeout=10) as r:
            assert (r.status, json.loads(r.read())["page"]) == (200, 27)
