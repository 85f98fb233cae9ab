"""The KB a long-running process serves, following rebuilds without a restart.

    live = LiveKB("var/kb")
    with live.use() as kb:          # the current build, held until the block ends
        kb.search("硼")

At most every `interval` seconds a use checks whether the `var/kb` link points elsewhere; if
it does, the new build is opened (leased, checked, warmed) and becomes current for later uses.
Uses already running finish on the build they started with; that build's lease is released
when the last of them ends, and the next ingest may then remove it.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from kb import KnowledgeBase
from kb.errors import KBError, KBMissing
from kb.integrity import damaged


@dataclass
class Held:
    """One open build and how many uses hold it."""

    kb: KnowledgeBase
    users: int = 0
    retired: bool = False


def _target(path: Path) -> str | None:
    return os.path.realpath(path) if os.path.exists(path) else None


class LiveKB:
    """The build `path` points at, swapped for a newer one between uses (see the module)."""

    def __init__(
        self,
        path: str | Path,
        interval: float = 0.5,
        opener: Callable[[Path], KnowledgeBase] = KnowledgeBase.open,
    ):
        self.path, self.interval, self.opener = Path(path), interval, opener
        self._lock = threading.Lock()
        self._current: Held | None = None
        self._error: KBError | None = None
        self._target = _target(self.path)
        self._checked = time.monotonic()
        self._opening = False
        self._install(*self._open(warm=False))

    @contextmanager
    def use(self) -> Iterator[KnowledgeBase]:
        held = self.acquire()
        try:
            yield held.kb
        finally:
            self.release(held)

    def acquire(self) -> Held:
        """Hold the current build (KBError, e.g. KBDamaged, when there is none to serve)."""
        self._refresh()
        with self._lock:
            if self._current is None:
                raise self._error or KBMissing(f"知识库不可用（{self.path}）。No knowledge base.")
            self._current.users += 1
            return self._current

    def release(self, held: Held) -> None:
        with self._lock:
            held.users -= 1
            if held.retired and held.users == 0:
                held.kb.close()

    def warm(self) -> None:
        """Load everything of the current build now (no-op when there is none)."""
        if self._current is not None:
            self._current.kb.warm()

    def _refresh(self) -> None:
        now = time.monotonic()
        with self._lock:
            if self._opening or now - self._checked < self.interval:
                return
            self._checked = now
            if _target(self.path) == self._target:
                return
            self._opening = True
        try:
            self._install(*self._open(warm=True))
        finally:
            self._opening = False

    def _open(self, warm: bool) -> tuple[KnowledgeBase | None, KBError | None, str | None]:
        target = _target(self.path)
        try:
            kb = self.opener(self.path)
        except KBError as exc:
            return None, exc, target
        if warm:
            try:
                kb.warm()
            except Exception as exc:  # noqa: BLE001 - a build that cannot load is not served
                kb.close()
                return None, damaged(self.path, f"{type(exc).__name__} while loading"), target
        return kb, None, _target(kb.root)

    def _install(self, kb: KnowledgeBase | None, error: KBError | None, target: str | None):
        """Make a newly opened build current and retire the old one; or, when the new one
        could not be opened, keep serving the old one (or report why there is none)."""
        with self._lock:
            self._target = target
            if kb is None:
                self._error = error
                return
            old, self._current, self._error = self._current, Held(kb), None
            if old is not None:
                old.retired = True
                if old.users == 0:
                    old.kb.close()
