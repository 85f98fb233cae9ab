"""Exports of a resource's lists as CSV (UTF-8 with a BOM, so Excel reads it right) and XLSX.

A Route declares its lists (`Listing`: which key of its dict holds the rows, which columns, which
page each row links to); `?format=csv|xlsx` on its /api endpoint answers the file. Columns are
ids of kb.vocabulary.COLUMN_LABELS, read off each row here, for every list alike.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from flask import Response, url_for
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from kb.vocabulary import CLAUSE_KINDS, COLUMN_LABELS, REGION_LEVELS, RULE_MODALITIES, zone_level

FORMATS = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}

ZONE_COLUMNS = (
    "index",
    "name",
    "type",
    "level",
    "minerals",
    "regions",
    "counties",
    "citation",
    "clause_id",
    "link",
)
CLAUSE_COLUMNS = ("index", "clause_id", "name", "type", "heading", "text", "citation", "link")
REQUIREMENT_COLUMNS = ("index", "clause_id", "reasons", "text", "citation", "link")
REGION_COLUMNS = ("index", "name", "level", "parent", "zones", "mentions", "link")
MINERAL_COLUMNS = ("index", "name", "category", "zones", "stances", "mentions", "link")
CHECK_COLUMNS = (
    "index",
    "result",
    "reason",
    "modality",
    "text",
    "citation",
    "clause_id",
    "link",
)
RULE_COLUMNS = (
    "index",
    "modality",
    "action",
    "subjects",
    "condition",
    "quantity",
    "text",
    "citation",
    "clause_id",
    "link",
)


@dataclass(frozen=True)
class Listing:
    """One list of a resource's dict: `key` holds the rows; each row links to the page
    `endpoint` with argument `arg` taken from the row's `field` (dotted to reach inside it)."""

    key: str
    title: str
    columns: tuple[str, ...]
    endpoint: str
    arg: str
    field: str = "id"

    def link(self, row: dict[str, Any]) -> str:
        value: Any = row
        for key in self.field.split("."):  # a dotted field reaches into the row: citation.clause_id
            value = value[key]
        return url_for(self.endpoint, _external=True, **{self.arg: value})


def _joined(key: str) -> Callable[[dict[str, Any]], str]:
    return lambda row: "、".join(row.get(key) or [])


def _level(row: dict[str, Any]) -> str:
    if "national" in row:
        return zone_level(row)
    return REGION_LEVELS.get(row.get("level", ""), "")


def _text(row: dict[str, Any]) -> str:
    return " … ".join(row["sentences"]) if row.get("sentences") else row.get("text", "")


GETTERS: dict[str, Callable[[dict[str, Any]], Any]] = {
    "name": lambda row: row.get("name") or row.get("title") or "",
    "type": lambda row: row.get("type") or CLAUSE_KINDS.get(row.get("kind", ""), ""),
    "level": _level,
    "minerals": _joined("minerals"),
    "regions": _joined("regions"),
    "counties": _joined("counties"),
    "stances": _joined("stances"),
    "parent": lambda row: row.get("parent") or "",
    "category": lambda row: row.get("category") or "",
    "zones": lambda row: row.get("zones", 0),
    "mentions": lambda row: row.get("mentions", 0),
    "heading": lambda row: row.get("heading") or " › ".join(row.get("path", [])),
    "reasons": lambda row: "；".join(r["why"] for r in row.get("reasons", [])),
    "text": _text,
    "citation": lambda row: row["citation"]["text"],
    "clause_id": lambda row: row["citation"]["clause_id"],
    "modality": lambda row: RULE_MODALITIES.get(row.get("modality", ""), ""),
    "action": lambda row: "、".join(row.get("actions") or [row.get("action") or ""]),
    "subjects": lambda row: "、".join(n for names in row["subjects"].values() for n in names),
    "condition": lambda row: "；".join(x for x in (row["condition"], row["exception"]) if x),
    "quantity": lambda row: (row.get("quantity") or {}).get("text", ""),
    "result": lambda row: row.get("result", ""),
    "reason": lambda row: row.get("reason", ""),
}


def table(data: dict[str, Any], listing: Listing) -> list[list[Any]]:
    """The header row, then one row per item of the list, in the list's order."""
    rows = [[COLUMN_LABELS[c] for c in listing.columns]]
    for n, item in enumerate(data[listing.key], 1):
        cells = {"index": n, "link": listing.link(item)}
        rows.append([_inert(cells[c] if c in cells else GETTERS[c](item)) for c in listing.columns])
    return rows


def _inert(value: Any) -> Any:
    """A text cell that a spreadsheet would read as a formula (=, +, -, @ first) gets a leading
    apostrophe: a plan's text is data, never a formula."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def to_csv(rows: list[list[Any]]) -> bytes:
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows(rows)
    return out.getvalue().encode("utf-8-sig")


def to_xlsx(sheets: list[tuple[str, list[list[Any]]]]) -> bytes:
    """One sheet per list: bold frozen header row, widths fitted to the text (capped), links."""
    book = Workbook()
    book.remove(book.active)
    for title, rows in sheets:
        sheet = book.create_sheet(title[:31])
        for row in rows:
            sheet.append(row)
        _format(sheet, rows)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _format(sheet, rows: list[list[Any]]) -> None:
    sheet.freeze_panes = "A2"
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for col, header in enumerate(rows[0], 1):
        letter = sheet.cell(row=1, column=col).column_letter
        width = max(_width(r[col - 1]) for r in rows)
        sheet.column_dimensions[letter].width = min(max(width + 2, 6), 60)
        if header == COLUMN_LABELS["link"]:
            for cell in sheet[letter][1:]:
                cell.hyperlink = cell.value
                cell.style = "Hyperlink"
        elif width > 60:
            for cell in sheet[letter][1:]:
                cell.alignment = Alignment(wrap_text=True, vertical="top")


def _width(value: Any) -> int:
    """Display width: a Chinese character counts two."""
    return sum(2 if ord(ch) > 0x2E7F else 1 for ch in str(value))


def response(data: dict[str, Any], listings: tuple[Listing, ...], fmt: str, name: str):
    """The file of `listings` in format `fmt` (csv: the first listing only)."""
    if fmt == "csv":
        body = to_csv(table(data, listings[0]))
    else:
        body = to_xlsx([(lst.title, table(data, lst)) for lst in listings])
    filename = f"{_SAFE_NAME.sub('', name)[:80] or 'plankb'}.{fmt}"
    disposition = f"attachment; filename=\"plankb.{fmt}\"; filename*=UTF-8''{_quote(filename)}"
    return Response(body, mimetype=FORMATS[fmt], headers={"Content-Disposition": disposition})


_SAFE_NAME = re.compile(r"[^\w\-（）·]")  # letters, digits, CJK, - and _ only: no RTL marks, no ../


def _quote(text: str) -> str:
    return quote(text, safe="")
