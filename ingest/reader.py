"""Reading a source file: bytes → text, refusing anything that is not a readable text file."""

from __future__ import annotations

import hashlib
from pathlib import Path

from kb.errors import BadDocument

ENCODINGS = ("utf-8-sig", "gb18030")
BOMS = {b"\xff\xfe": "utf-16-le", b"\xfe\xff": "utf-16-be"}
MAX_BYTES = 50 * 1024 * 1024
MAX_CHARS = 500_000  # 25 times the Liaoning plan; segmenting this many takes about a minute


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
    bom = BOMS.get(data[:2])
    if bom is None and b"\x00" in data:
        raise BadDocument(f"{path}: binary data (NUL bytes), not a text file")
    text = decode_utf16(path, data[2:], bom) if bom else decode(path, data)
    if len(text) > MAX_CHARS:
        raise BadDocument(
            f"{path}: {len(text)} 字超过一份规划文本的上限 {MAX_CHARS} 字。{len(text)} "
            f"characters are more than a plan's text can be (at most {MAX_CHARS})"
        )
    return text, hashlib.sha256(data).hexdigest()


def decode_utf16(path: Path, data: bytes, encoding: str) -> str:
    """A file that starts with a UTF-16 byte order mark (as Windows Notepad saves it)."""
    name = encoding.upper().replace("UTF-16-", "UTF-16 ")
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        raise BadDocument(f"{path}: not readable as {name} text; save it as UTF-8") from None
    if "\x00" in text or not _looks_like_text(text):
        raise BadDocument(f"{path}: binary data in {name} text, not a text file")
    return text


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
