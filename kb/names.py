"""Input checks for the names users type (a region, mineral, zone type or zone)."""

from __future__ import annotations

from kb.errors import BadQuery
from kb.vocabulary import ENTITY_KINDS

MAX_NAME = 64
MAX_ID = 200


def checked(text: str | None, what: str, limit: int = MAX_NAME) -> str:
    """`text` stripped; BadQuery when it is empty or too long to be a name."""
    value = (text or "").strip()
    zh = ENTITY_KINDS[what]
    if not value:
        raise BadQuery(f"请输入{zh}名称，例如 丹东 或 菱镁矿。Give a {what} name.")
    if len(value) > limit:
        raise BadQuery(
            f"{zh}名称最多 {limit} 个字（收到 {len(value)} 个）。"
            f"A {what} name has at most {limit} characters."
        )
    return value
