"""Starting the real server as `make serve` does (`python -m web`) on a free local port."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LOGS = ("access.log", "server.log")


def children(pid: int) -> set[int]:
    """Process ids whose parent is `pid` (a pre-fork server's workers)."""
    found = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.add(int(stat.parent.name))
    return found


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until_up(url: str, proc: subprocess.Popen, seconds: float = 90) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            said = proc.stderr.read() if proc.stderr else "(see its log)"
            raise RuntimeError(f"server exited with {proc.returncode}: {said}")
        try:
            urllib.request.urlopen(url, timeout=2)
            return
        except urllib.error.HTTPError:
            return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"server did not answer at {url} within {seconds} s")


@contextmanager
def running_server(
    kb: Path, corpus: Path, logs: Path | None = None, **env: str
) -> Iterator[tuple[str, subprocess.Popen]]:
    """(base URL, process) of a server on KB `kb` built from `corpus` if missing or stale;
    stopped in an orderly way on exit. With `logs` (a folder), its stdout (the access log) goes
    to logs/access.log and its stderr to logs/server.log."""
    port = free_port()
    env = {
        **os.environ,
        "HOST": "127.0.0.1",
        "PORT": str(port),
        "PLANKB_KB": str(kb),
        "PLANKB_CORPUS": str(corpus),
        **env,
    }
    files = [open(logs / name, "a", encoding="utf-8") for name in LOGS] if logs else []
    out, err = files or (subprocess.DEVNULL, subprocess.PIPE)
    proc = subprocess.Popen(
        [sys.executable, "-m", "web"], cwd=ROOT, env=env, stdout=out, stderr=err, text=True
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(base + "/api/outline", proc)
        yield base, proc
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        for stream in [proc.stderr, *files]:
            if stream:
                stream.close()
