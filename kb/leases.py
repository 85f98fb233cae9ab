"""File locks that keep builds alive while in use and keep ingests apart (POSIX `flock`).

- Every process that opens a build holds a shared lock on the build's lease file
  (`<build>/.lease`) for as long as it has the build open.
- The ingest writing a build holds an exclusive lock on the same file until the build is live,
  so a folder without a manifest whose lease is free is the remains of a dead ingest.
- A build may be removed only by whoever takes its lease exclusively without waiting.
- Ingests of one KB take turns on `<kb>.lock`, a file next to the KB.

The kernel drops a lock when its process dies, so a killed reader or ingest never leaves one.
"""

from __future__ import annotations

import fcntl
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from kb.errors import KBError

LEASE_FILE = ".lease"
WAITING = "另一个导入正在进行，等待中… another ingest is running, waiting"


class Lease:
    """A held lock on one lease file; `release()` (or process exit) lets it go."""

    def __init__(self, fd: int):
        self.fd: int | None = fd

    def release(self) -> None:
        if self.fd is not None:
            os.close(self.fd)
            self.fd = None


def _lock(path: Path, mode: int) -> Lease | None:
    """Open (creating it if needed) and lock `path`; None when the folder is gone or, with
    LOCK_NB, when another process holds a conflicting lock."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_CREAT, 0o644)
    except OSError:  # the folder is gone (or the lease is not a file): nothing to hold
        return None
    try:
        fcntl.flock(fd, mode)
    except BlockingIOError:
        os.close(fd)
        return None
    return Lease(fd)


def share(build: Path) -> Lease | None:
    """A reader's lease on `build` (waits while a pruner holds it); None if `build` is gone."""
    return _lock(build / LEASE_FILE, fcntl.LOCK_SH)


def claim(build: Path) -> Lease | None:
    """The exclusive lease on `build` if nobody holds it now, else None (never waits)."""
    return _lock(build / LEASE_FILE, fcntl.LOCK_EX | fcntl.LOCK_NB)


def lock_file(kb_path: Path) -> Path:
    return kb_path.with_name(kb_path.name + ".lock")


@contextmanager
def ingest_turn(kb_path: Path, waiting: Callable[[str], None]) -> Iterator[None]:
    """Hold the ingest lock of `kb_path`; when another ingest holds it, say so and wait."""
    path = lock_file(kb_path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        lease = Lease(os.open(path, os.O_RDONLY | os.O_CREAT, 0o644))
    except OSError as exc:
        raise KBError(
            f"{path}: 无法建立导入锁（{exc.strerror}）。Cannot create the ingest lock file"
        ) from None
    try:
        try:
            fcntl.flock(lease.fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            waiting(WAITING)
            fcntl.flock(lease.fd, fcntl.LOCK_EX)
        yield
    finally:
        lease.release()
