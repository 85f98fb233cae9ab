"""Tab-separated box tables → rows of named fields.

Cells merged vertically in the original are blank in the text (专栏一: the category and the
indicator name stand once for several rows): a blank cell to the left of a row's first value
takes the value above. A header cell merged horizontally (专栏一's 指标名称 spans the name and
the mineral column) is the second column; its parts are joined as 新增资源储量（铁矿）.
"""

from __future__ import annotations

from ingest.lines import Line, clean_text


def column_names(header: Line, width: int) -> list[str]:
    """The header name of each of `width` columns."""
    names = [clean_text(c) for c in header.cells if c]
    if width <= len(names):
        return names[:width]
    extra = width - len(names)
    return names[:1] + names[1:2] * (extra + 1) + names[2:]


def carry_down(rows: list[list[str]]) -> list[list[str]]:
    """Fill each row's leading blank cells from the row above."""
    out: list[list[str]] = []
    for cells in rows:
        filled = list(cells)
        for i, cell in enumerate(cells):
            if cell:
                break
            if out and i < len(out[-1]):
                filled[i] = out[-1][i]
        out.append(filled)
    return out


def parse_table(header: Line, rows: list[Line]) -> tuple[list[str], list[dict[str, str]]]:
    """Return the column names (merged ones once) and each row as {column name: value}."""
    raw = [[clean_text(c) for c in row.cells] for row in rows]
    width = max(len(_trim(r)) for r in raw) if raw else 0
    names = column_names(header, width)
    records = []
    for cells in carry_down([(_trim(r) + [""] * width)[:width] for r in raw]):
        fields: dict[str, list[str]] = {}
        for name, cell in zip(names, cells, strict=True):
            fields.setdefault(name, []).append(cell)
        records.append({name: _join(parts) for name, parts in fields.items()})
    return list(dict.fromkeys(names)), records


def _trim(cells: list[str]) -> list[str]:
    while cells and not cells[-1]:
        cells = cells[:-1]
    return cells


def _join(parts: list[str]) -> str:
    values = [p for p in parts if p]
    if len(values) <= 1:
        return values[0] if values else ""
    return values[0] + "".join(f"（{v}）" for v in values[1:])
