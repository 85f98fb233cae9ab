"""Settings, declared once: name, default, environment variable, help. Validated on read."""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any

from kb.errors import KBError


@dataclass(frozen=True)
class Setting:
    name: str
    default: Any
    env: str
    help: str

    def read(self, environ: dict[str, str] | None = None) -> Any:
        raw = (os.environ if environ is None else environ).get(self.env)
        if raw is None or raw == "":
            return self.default
        if isinstance(self.default, int):
            try:
                value = int(raw)
            except ValueError:
                raise KBError(f"setting {self.env}={raw!r} is not a whole number") from None
            if value <= 0 or (self.name == "PORT" and value > 65535):
                raise KBError(f"setting {self.env}={raw!r} is out of range") from None
            return value
        return raw


SETTINGS = {
    s.name: s
    for s in (
        Setting("KB_PATH", "var/kb", "PLANKB_KB", "where the knowledge base is built and read"),
        Setting("CORPUS", "corpus", "PLANKB_CORPUS", "folder of source documents (*.txt + *.toml)"),
        Setting("HOST", "127.0.0.1", "HOST", "address the server listens on"),
        Setting("PORT", 5000, "PORT", "port the server listens on"),
        Setting("THREADS", 4, "PLANKB_THREADS", "threads per server worker process"),
        Setting("WORKERS", os.cpu_count() or 1, "PLANKB_WORKERS", "server worker processes"),
        Setting("SERVER", "auto", "PLANKB_SERVER", "auto, gunicorn (pre-fork) or waitress"),
    )
}


def setting(name: str) -> Any:
    return SETTINGS[name].read()
