"""Reading a source file: bytes → text, refusing anything that is not a readable text file."""

from __future__ import annotations

import hashlib
from pathlib import Path

from kb.errors import BadDocument

ENCODINGS = ("utf-8-sig", "gb18030")
MAX_BYTES = 50 * 1024 * 1024


def read_source(path: Path) -> tuple[str, str]:
    """Return (text, sha256 of the bytes); raise BadDocument with a one-line reason."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise BadDocument(f"{path}: no such file") from None
    except IsADirectoryError:
        raise BadDocument(f"{path}: is a directory, not a text file") from None
    except OSError as exc:
        raise BadDocument(f"{path}: cannot be read ({exc.strerror or exc})") from None
    if not data.strip():
        raise BadDocument(f"{path}: the file is empty")
    if len(data) > MAX_BYTES:
        raise BadDocument(f"{path}: {len(data)} bytes is more than a plan's text can be")
    if b"\x00" in data:
        raise BadDocument(f"{path}: binary data (NUL bytes), not a text file")
    return decode(path, data), hashlib.sha256(data).hexdigest()


def decode(path: Path, data: bytes) -> str:
    for encoding in ENCODINGS:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _looks_like_text(text):
            return text
    raise BadDocument(f"{path}: not readable as UTF-8 or GB18030 text; save it as UTF-8")


def _looks_like_text(text: str) -> bool:
    controls = sum(1 for c in text if ord(c) < 32 and c not in "\t\n\r\f")
    return controls <= len(text) // 1000
