"""The document model: documents, outline nodes and clauses.

Plain dataclasses that `ingest/` produces and `kb/` stores. Every id names its document:
a clause id is ``<slug>/<local>``, e.g. ``liaoning-2021-2025/6.4.2`` or
``liaoning-2021-2025/box5/16``.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

CN_DIGITS = "〇一二三四五六七八九"


def cn_numeral(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 28 → 二十八 (enough for chapters, sections and boxes)."""
    if n < 10:
        return CN_DIGITS[n]
    tens, ones = divmod(n, 10)
    head = "" if tens == 1 else CN_DIGITS[tens]
    return head + "十" + (CN_DIGITS[ones] if ones else "")


def parse_cn_numeral(text: str) -> int:
    """一 → 1, 十 → 10, 十二 → 12, 二十八 → 28; raises ValueError on anything else."""
    if not text or any(c not in CN_DIGITS + "十零" for c in text):
        raise ValueError(f"not a Chinese numeral: {text!r}")
    if "十" not in text:
        return int("".join(str(CN_DIGITS.index(c)) for c in text if c != "零"))
    tens, _, ones = text.partition("十")
    return (CN_DIGITS.index(tens) if tens else 1) * 10 + (CN_DIGITS.index(ones) if ones else 0)


@dataclass
class Clause:
    """The unit users cite: a paragraph, a numbered box item, a table row or an annex entry."""

    id: str
    doc: str
    kind: str  # paragraph | box_item | table_row | note | annex_table | annex_map
    path: list[str]  # heading path, e.g. ["第六章 强化矿产资源开发利用与保护", "第四节 …"]
    text: str
    span: tuple[int, int]  # character offsets in the decoded source file
    page: int | None = None  # the page cited: the first page the clause may start on
    title: str | None = None  # lead sentence, item title or row name
    chapter: int | None = None  # 0 for 总则, None for 附则 and annexes
    section: int | None = None
    box: int | None = None
    item: int | None = None
    part: str | None = None  # general | body | closing | annex
    fields: dict[str, str] | None = None  # table rows: column name → cell
    # [first, last] page the clause may start on (equal when the evidence pins it; last is
    # None after the last heading); None for annex entries — see ingest/pages.py
    pages: list[int | None] | None = None
    note: str | None = None  # what the text lacks (附表7 is named, not contained)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["span"] = list(self.span)
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Clause:
        return cls(**{**data, "span": tuple(data["span"])})


@dataclass
class Node:
    """One node of the outline: 总则, a chapter, a section, a box, 附则 or an annex list."""

    kind: str  # general | chapter | section | box | closing | annex_tables | annex_maps
    label: str  # 总则, 第六章, 第四节, 专栏五, 附则, 附表, 附图
    title: str
    number: int | None = None
    page: int | None = None
    clauses: list[str] = field(default_factory=list)
    children: list[Node] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Node:
        kids = [cls.from_dict(c) for c in data.get("children", [])]
        return cls(**{**data, "children": kids})


@dataclass
class Document:
    """A parsed planning document with its metadata, outline and clauses."""

    slug: str
    title: str
    issuer: str
    date: str
    source: str  # file name in the corpus
    sha256: str
    outline: list[Node]
    clauses: list[Clause]
    toc: list[dict[str, Any]] = field(default_factory=list)
    # level (国家/省/市/县), region, province, period (2021-2025), status (现行/已废止)
    profile: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "slug": self.slug,
            "title": self.title,
            "issuer": self.issuer,
            "date": self.date,
            "source": self.source,
            "sha256": self.sha256,
            "toc": self.toc,
            "profile": self.profile,
            "outline": [n.to_dict() for n in self.outline],
            "clauses": [c.to_dict() for c in self.clauses],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Document:
        return cls(
            **{k: data[k] for k in ("slug", "title", "issuer", "date", "source", "sha256")},
            toc=data.get("toc", []),
            profile=data.get("profile", {}),
            outline=[Node.from_dict(n) for n in data["outline"]],
            clauses=[Clause.from_dict(c) for c in data["clauses"]],
        )
