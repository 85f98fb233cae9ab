"""An application for 规划审核, parsed from what a clerk typed and checked field by field.

    app = parse_application({"kind": "新建", "mineral": "菱镁矿", "place": "岫岩",
                             "method": "露天", "scale": "20万吨/年"}, places)

Every field but the mineral may be missing. Names resolve through the lexicon
(岫岩 → 岫岩满族自治县) or the zone list (岫岩西沟-小荒沟); a bad value raises BadQuery or
NotFound (with suggestions), so a bad application never gets a verdict.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Protocol

from kb.check.units import Scale, parse_scale
from kb.errors import BadQuery, NotFound
from kb.names import checked
from kb.vocabulary import (
    APPLICATION_FIELDS,
    APPLICATION_KINDS,
    CHECK_FACTS,
    MINING_METHODS,
    RESERVE_CLASSES,
)

FIELDS = ("kind", "mineral", "place", "method", "scale", "reserve")
YES = {"是", "有", "yes", "true", "1", "y", "on"}
NO = {"否", "无", "不", "no", "false", "0", "n", "off"}
_SPLIT = re.compile(r"[、,，;；\s]+")


class Places(Protocol):
    """What parsing needs from the KB: names to canonical regions, minerals and zones."""

    def region(self, text: str) -> str: ...
    def mineral(self, text: str) -> str: ...
    def zone(self, text: str) -> dict[str, Any]: ...
    def suggest_place(self, text: str) -> list[str]: ...


@dataclass
class Application:
    kind: str | None = None
    minerals: list[str] = field(default_factory=list)
    place: str | None = None  # as typed
    region: str | None = None  # canonical region, or the zone's county/city
    zone: dict[str, Any] | None = None
    method: str | None = None
    scale: Scale | None = None
    reserve: str | None = None
    facts: dict[str, bool] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "minerals": self.minerals,
            "place": self.place,
            "region": self.region,
            "zone": self.zone["name"] if self.zone else None,
            "method": self.method,
            "scale": str(self.scale) if self.scale else None,
            "reserve": self.reserve,
            "facts": self.facts,
        }

    def mining(self) -> bool:
        return self.kind is not None and self.kind != "勘查"


def choice(
    value: str | None, allowed: tuple[str, ...], label: str, suffixes: str = ""
) -> str | None:
    """A value among `allowed` (露天开采 → 露天 when `suffixes` lists 开采); None when blank."""
    text = str(value or "").strip()
    for suffix in suffixes.split():
        text = text.removesuffix(suffix) if text.removesuffix(suffix) in allowed else text
    if not text:
        return None
    if text not in allowed:
        raise BadQuery(f"{label}应为 {' / '.join(allowed)} 之一（收到：{text}）。Bad {label}.")
    return text


def fact(value: Any) -> bool | None:
    """是/否 (yes/no, true/false, 1/0) → True/False; blank → None (not stated)."""
    if isinstance(value, bool) or value is None:
        return value
    if not isinstance(value, str | int):
        raise BadQuery(f"事实项应填 是 或 否（收到：{value}）。A fact is yes or no.")
    text = str(value).strip().lower()
    if not text:
        return None
    if text in YES or text in NO:
        return text in YES
    raise BadQuery(f"事实项应填 是 或 否（收到：{value}）。A fact is yes or no.")


def parse_application(raw: dict[str, Any], places: Places) -> Application:
    """The application in `raw` (form or JSON fields), validated; BadQuery/NotFound if bad."""
    _check_shape(raw)
    unknown = sorted(set(raw) - set(FIELDS) - set(CHECK_FACTS) - {"facts", "minerals"})
    if unknown:
        names = "、".join(unknown[:5]) + (f"等 {len(unknown)} 个" if len(unknown) > 5 else "")
        raise BadQuery(f"不认识的申请字段：{names}。Unknown application field(s).")
    app = Application(
        kind=choice(raw.get("kind"), APPLICATION_KINDS, "申请类型", "矿山 项目"),
        method=choice(raw.get("method"), MINING_METHODS, "开采方式", "开采"),
        reserve=choice(raw.get("reserve"), RESERVE_CLASSES, "储量规模", "规模"),
        minerals=_minerals(raw, places),
        facts=_facts(raw),
    )
    scale = str(raw.get("scale") or "").strip()
    app.scale = parse_scale(scale) if scale else None
    place = str(raw.get("place") or "").strip()
    if place:
        _place(app, checked(place, "region"), places)
    return app


def _check_shape(raw: dict[str, Any]) -> None:
    """Every field is text — a list of texts for the minerals, an object or list for the facts,
    是/否 or true/false for a fact — and readable as UTF-8; BadQuery names the field."""
    for key, value in raw.items():
        for text in (t for t in [key, *_texts(key, value)] if isinstance(t, str)):
            try:
                text.encode("utf-8")
            except UnicodeEncodeError:
                raise BadQuery(
                    "申请中含无法识别的字符。The application holds unreadable text."
                ) from None


def _texts(key: str, value: Any) -> list[str]:
    """The texts of one field; BadQuery when it is not of the shape its field takes."""
    if value is None or isinstance(value, str) or (isinstance(value, bool) and key in CHECK_FACTS):
        return [value] if isinstance(value, str) else []
    if key in CHECK_FACTS:
        raise BadQuery(_shape_message(key))
    if isinstance(value, list) and key in ("mineral", "minerals", "facts"):
        items = value
    elif isinstance(value, dict) and key == "facts":
        items = [x for pair in value.items() for x in pair]
    else:
        items = [value, None]  # refused below
    if any(not isinstance(x, str) and not (key == "facts" and isinstance(x, bool)) for x in items):
        raise BadQuery(_shape_message(key))
    return items


def _shape_message(key: str) -> str:
    if key == "facts" or key in CHECK_FACTS:
        return f"事实项（{key}）应填 是 或 否。Facts are yes or no."
    label = APPLICATION_FIELDS.get(key, key)
    return f"{label}应填文字。Field {key!r} must be text."


def _minerals(raw: dict[str, Any], places: Places) -> list[str]:
    given = raw.get("minerals") or raw.get("mineral") or ""
    words = given if isinstance(given, list) else _SPLIT.split(str(given))
    names = [places.mineral(checked(w, "mineral")) for w in words if str(w).strip()]
    if not names:
        raise BadQuery("请填写矿种，例如 菱镁矿。Give the mineral of the application.")
    return list(dict.fromkeys(names))


def _facts(raw: dict[str, Any]) -> dict[str, bool]:
    given = raw.get("facts") or {}
    if isinstance(given, list):  # a list of the facts that hold
        given = dict.fromkeys(map(str, given), True)
    if not isinstance(given, dict):
        raise BadQuery("facts 应为事实项到 是/否 的对象。facts: an object of yes/no values.")
    stated = dict(given)
    stated.update({k: raw[k] for k in CHECK_FACTS if k in raw})
    bad = set(stated) - set(CHECK_FACTS)
    if bad:
        raise BadQuery(f"不认识的事实项：{'、'.join(sorted(bad))}。Unknown fact(s).")
    values = {k: fact(v) for k, v in stated.items()}
    return {k: v for k, v in values.items() if v is not None}


def _place(app: Application, text: str, places: Places) -> None:
    app.place = text
    try:
        app.region = places.region(text)
        return
    except NotFound:
        pass
    try:
        app.zone = places.zone(text)
    except NotFound:
        message = f"没有这个地点（县、市或分区）：{text}。No county, city or zone named {text!r}."
        raise NotFound(message, places.suggest_place(text)) from None
    counties, regions = app.zone["counties"], app.zone["regions"]
    app.region = (counties or regions or [None])[0] if len(counties or regions) == 1 else None
