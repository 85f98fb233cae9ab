"""The 专栏 boxes of a plan: numbered items (专栏四 1、…), tables (专栏五) and a table's note.

A box has no end marker: numbered items and the paragraphs that continue them belong to it, a
table ends at its last tab-separated row (or its 注：), and the next un-numbered paragraph is
body text again. `BoxReader` is the part of `ingest.structure.TreeBuilder` that reads them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ingest import columns as columns_of
from ingest.blocks import Para, ends_sentence
from ingest.lines import Line, clean_text, clean_title
from ingest.tables import parse_table
from ingest.toc import NUM
from kb.model import Node, parse_cn_numeral

BOX = re.compile(rf"^专栏(?P<n>[{NUM}]+)[\s\u3000]*(?P<title>.*)$")
_ITEM = re.compile(r"^(?P<n>\d+)[、.．]\s*(?P<title>.*)$")
_NOTE = re.compile(r"^注[:：]")


@dataclass
class Box:
    node: Node
    mode: str = ""  # "" until its first line, then table | items; end when it closes, noted
    # when a table note (注：…) closed it
    header: Line | None = None
    rows: list[Line] = field(default_factory=list)
    item: tuple[int, str, Line] | None = None  # number, title, title line
    body: Para = field(default_factory=Para)


class BoxReader:
    """Reading boxes, for a builder that provides `container`, `place`, `add`, `feed`,
    `clauses` and `breaks`."""

    box: Box | None

    def open_box(self, m: re.Match, line: Line, kind: str = "box") -> None:
        """A 专栏 box, or a 表N table inside a section (kind "table")."""
        n = m.group("n")
        number, label = (int(n), f"表{n}") if kind == "table" else (parse_cn_numeral(n), f"专栏{n}")
        container = self.container
        node = Node(kind, label, clean_title(m.group("title")), number, container.page)
        container.children.append(node)
        self.box = Box(node)

    def feed_box(self, line: Line) -> None:
        box = self.box
        if box.mode == "":
            box.mode = "table" if line.is_row else "items" if _ITEM.match(line.text) else "end"
            if box.mode == "table":
                box.header = line
                return
        if box.mode == "table":
            self.feed_table(box, line)
        elif box.mode == "items":
            self.feed_items(box, line)
        if box.mode == "end":
            self.close_box()
            self.feed(line)

    def feed_table(self, box: Box, line: Line) -> None:
        if line.is_row:
            box.rows.append(line)
            return
        self.close_table(box)
        box.mode = "end"
        if _NOTE.match(line.text):  # a table's note belongs to its box, and ends it
            self.add_box_clause(box, "note", "note", clean_text(line.text), [line], title="注")
            box.mode = "noted"
            self.box = None

    def feed_items(self, box: Box, line: Line) -> None:
        m = _ITEM.match(line.text)
        if m and (not box.body.lines or ends_sentence(box.body.text)):
            self.close_item(box)
            box.item = (int(m.group("n")), clean_title(m.group("title")), line)
        elif box.item and (not box.body.lines or box.body.continues_with(line)):
            if box.body.lines:
                self.breaks.append(line.start)
            box.body.lines.append(line)
        else:
            box.mode = "end"

    def close_box(self) -> None:
        box, self.box = self.box, None
        if box is None:
            return
        if box.mode == "table":
            self.close_table(box)
        self.close_item(box)

    def close_table(self, box: Box) -> None:
        names, records = parse_table(box.header, box.rows)
        for i, (row, fields) in enumerate(zip(box.rows, records, strict=True), start=1):
            number = fields.get("序号", "")
            item = int(number) if number.isdigit() else i
            text = "；".join(f"{k}：{v}" for k, v in fields.items() if v and k != "序号")
            title = columns_of.value(fields, "name") or (
                fields.get(names[1]) if len(names) > 1 else None
            )
            self.add_box_clause(
                box, "table_row", str(item), text, [row], item=item, title=title, fields=fields
            )
        box.rows = []

    def close_item(self, box: Box) -> None:
        if box.item is None:
            return
        number, title, head = box.item
        lines = [head, *box.body.lines]
        text = clean_text(box.body.text) if box.body.lines else title
        self.add_box_clause(box, "box_item", str(number), text, lines, item=number, title=title)
        box.item, box.body = None, Para()

    def add_box_clause(
        self, box: Box, kind: str, local: str, text: str, lines: list[Line], **extra
    ) -> None:
        where = self.place()
        where.pop("prefix")
        where["path"] = [*where["path"], f"{box.node.label} {box.node.title}"]
        self.add(
            f"{box.node.kind}{box.node.number}/{local}",
            kind,
            text,
            lines,
            where,
            box=box.node.number,
            **extra,
        )
        box.node.clauses.append(self.clauses[-1].id)
