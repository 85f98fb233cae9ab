"""Plan text → document tree: 总则, 第X章, 第X节, paragraphs, 专栏 boxes, 附则 and annexes.

The text came out of a PDF: a paragraph is one line, but where a page broke it is split in two,
sometimes mid-word (…1:5 万区域地 / 质矿产调查…) and sometimes right after its lead sentence
(…提出新要求。 / 矿产勘查开发…). A block that does not end a sentence, or that is nothing but a
lead sentence, is joined with the block that continues it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ingest.lines import Line, clean_text, clean_title, compact
from ingest.tables import parse_table
from ingest.toc import NUM, FrontMatter, TocEntry
from kb.model import Clause, Node, cn_numeral, parse_cn_numeral

_CHAPTER = re.compile(rf"^第(?P<n>[{NUM}]+)章[\s\u3000]*(?P<title>.*)$")
_SECTION = re.compile(rf"^第(?P<n>[{NUM}]+)节[\s\u3000]*(?P<title>.*)$")
_BOX = re.compile(rf"^专栏(?P<n>[{NUM}]+)[\s\u3000]*(?P<title>.*)$")
_ITEM = re.compile(r"^(?P<n>\d+)[、.．]\s*(?P<title>.*)$")
_NOTE = re.compile(r"^注[:：]")
_LEAD = re.compile(r"^(?P<lead>[^。！？；：]{4,26}。)(?P<rest>.*)$", re.S)
_CLOSERS = "”’」』）)】"
_ENDS = "。！？；：!?;:"
_HEADING_MAX = 40


def ends_sentence(text: str) -> bool:
    """True when a block ends a sentence, so the next block starts a new paragraph."""
    return text.rstrip(_CLOSERS)[-1:] in tuple(_ENDS)


def lead_sentence(text: str) -> str | None:
    """The paragraph's topic sentence (严格控制矿山开采规模。) when it opens with one."""
    m = _LEAD.match(text)
    if not m or not m.group("rest").strip():
        return None
    lead = m.group("lead")
    if lead.count("，") > 1 or re.search(r"\d", lead):
        return None
    return lead


def is_lead_only(text: str) -> bool:
    """A block that is only a lead sentence: its paragraph went on after a page break."""
    return lead_sentence(text + "…") == text


def heading_of(text: str) -> tuple[str, int | None, str] | None:
    """(kind, number, title) when the line is a heading of the body."""
    flat = compact(text)
    if flat in ("总则", "附则"):
        return ("general" if flat == "总则" else "closing", None, flat)
    for kind, pattern in (("chapter", _CHAPTER), ("section", _SECTION)):
        m = pattern.match(text)
        title = clean_title(m.group("title")) if m else ""
        if m and title and len(title) <= _HEADING_MAX and not ends_sentence(title):
            return kind, parse_cn_numeral(m.group("n")), title
    return None


@dataclass
class _Para:
    lines: list[Line] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "".join(line.text for line in self.lines)

    def continues_with(self, line: Line) -> bool:
        text = self.text
        return bool(self.lines) and (not ends_sentence(text) or is_lead_only(text))


@dataclass
class _Box:
    node: Node
    mode: str = ""  # "" until its first line, then table | items; end when it closes, noted
    # when a table note (注：…) closed it
    header: Line | None = None
    rows: list[Line] = field(default_factory=list)
    item: tuple[int, str, Line] | None = None  # number, title, title line
    body: _Para = field(default_factory=_Para)


class TreeBuilder:
    """Walks the body lines once, building outline nodes and clauses."""

    def __init__(self, slug: str, front: FrontMatter):
        self.slug = slug
        self.pages = _page_map(front.toc)
        self.outline: list[Node] = []
        self.clauses: list[Clause] = []
        self.chapter: Node | None = None
        self.section: Node | None = None
        self.part: Node | None = None  # 总则 or 附则 when inside one
        self.para = _Para()
        self.box: _Box | None = None
        self.counts: dict[str, int] = {}

    # -- driving ---------------------------------------------------------------------------
    def feed(self, line: Line) -> None:
        heading = heading_of(line.text)
        box = _BOX.match(line.text) if heading is None else None
        if heading or box:
            self.flush()
            if heading:
                self.open_heading(*heading)
            else:
                self.open_box(box, line)
        elif self.box is not None:
            self.feed_box(line)
        elif self.para.continues_with(line):
            self.para.lines.append(line)
        else:
            self.flush_para()
            self.para.lines.append(line)

    def finish(self, annexes: list[tuple[str, int, str, Line]]) -> tuple[list[Node], list[Clause]]:
        self.flush()
        self.add_annexes(annexes)
        return self.outline, self.clauses

    def flush(self) -> None:
        self.flush_para()
        self.close_box()

    # -- headings --------------------------------------------------------------------------
    def open_heading(self, kind: str, number: int | None, title: str) -> None:
        if kind in ("general", "closing"):
            self.chapter = self.section = None
            self.part = Node(kind, title, title, page=self.pages.get((kind,)))
            self.outline.append(self.part)
        elif kind == "chapter":
            self.part = self.section = None
            self.chapter = Node(
                "chapter", f"第{_cn(number)}章", title, number, self.pages.get((number,))
            )
            self.outline.append(self.chapter)
        else:
            parent = self.chapter
            page = self.pages.get((parent.number if parent else None, number))
            self.section = Node("section", f"第{_cn(number)}节", title, number, page)
            (parent.children if parent else self.outline).append(self.section)

    @property
    def container(self) -> Node:
        node = self.section or self.chapter or self.part
        if node is None:  # text before any heading: keep it under an implicit 总则
            self.part = Node("general", "总则", "总则", page=self.pages.get(("general",)))
            self.outline.append(self.part)
            node = self.part
        return node

    def place(self) -> dict:
        """Where a clause stands now: id prefix, chapter, section, heading path, page."""
        node = self.container
        if node.kind in ("general", "closing"):
            prefix = node.kind
            chapter = 0 if node.kind == "general" else None
            return dict(
                prefix=prefix,
                chapter=chapter,
                section=None,
                path=[node.title],
                page=node.page,
                part=node.kind,
            )
        chapter = self.chapter.number if self.chapter else None
        section = self.section.number if self.section else 0
        path = [f"{n.label} {n.title}" for n in (self.chapter, self.section) if n]
        return dict(
            prefix=f"{chapter}.{section}",
            chapter=chapter,
            section=section or None,
            path=path,
            page=node.page,
            part="body",
        )

    # -- paragraphs ------------------------------------------------------------------------
    def flush_para(self) -> None:
        lines, self.para = self.para.lines, _Para()
        if not lines:
            return
        where = self.place()
        prefix = where.pop("prefix")
        n = self.counts[prefix] = self.counts.get(prefix, 0) + 1
        sep = "/" if prefix in ("general", "closing") else "."
        text = clean_text("".join(line.text for line in lines))
        self.add(f"{prefix}{sep}{n}", "paragraph", text, lines, where, title=lead_sentence(text))
        self.container.clauses.append(self.clauses[-1].id)

    def add(
        self, local: str, kind: str, text: str, lines: list[Line], where: dict, **extra
    ) -> None:
        span = (lines[0].start, lines[-1].end)
        self.clauses.append(
            Clause(
                id=f"{self.slug}/{local}",
                doc=self.slug,
                kind=kind,
                text=text,
                span=span,
                **where,
                **extra,
            )
        )

    # -- boxes -----------------------------------------------------------------------------
    def open_box(self, m: re.Match, line: Line) -> None:
        number = parse_cn_numeral(m.group("n"))
        container = self.container
        node = Node(
            "box", f"专栏{m.group('n')}", clean_title(m.group("title")), number, container.page
        )
        container.children.append(node)
        self.box = _Box(node)

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

    def feed_table(self, box: _Box, line: Line) -> None:
        if line.is_row:
            box.rows.append(line)
            return
        self.close_table(box)
        box.mode = "end"
        if _NOTE.match(line.text):  # a table's note belongs to its box, and ends it
            self.add_box_clause(box, "note", "note", clean_text(line.text), [line], title="注")
            box.mode = "noted"
            self.box = None

    def feed_items(self, box: _Box, line: Line) -> None:
        m = _ITEM.match(line.text)
        if m and (not box.body.lines or ends_sentence(box.body.text)):
            self.close_item(box)
            box.item = (int(m.group("n")), clean_title(m.group("title")), line)
        elif box.item and (not box.body.lines or box.body.continues_with(line)):
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

    def close_table(self, box: _Box) -> None:
        columns, records = parse_table(box.header, box.rows)
        for i, (row, fields) in enumerate(zip(box.rows, records, strict=True), start=1):
            number = fields.get("序号", "")
            item = int(number) if number.isdigit() else i
            text = "；".join(f"{k}：{v}" for k, v in fields.items() if v and k != "序号")
            title = fields.get("名称") or fields.get(columns[1] if len(columns) > 1 else "", None)
            self.add_box_clause(
                box, "table_row", str(item), text, [row], item=item, title=title, fields=fields
            )
        box.rows = []

    def close_item(self, box: _Box) -> None:
        if box.item is None:
            return
        number, title, head = box.item
        lines = [head, *box.body.lines]
        text = clean_text(box.body.text) if box.body.lines else title
        self.add_box_clause(box, "box_item", str(number), text, lines, item=number, title=title)
        box.item, box.body = None, _Para()

    def add_box_clause(
        self, box: _Box, kind: str, local: str, text: str, lines: list[Line], **extra
    ) -> None:
        where = self.place()
        where.pop("prefix")
        where["path"] = [*where["path"], f"{box.node.label} {box.node.title}"]
        self.add(
            f"box{box.node.number}/{local}", kind, text, lines, where, box=box.node.number, **extra
        )
        box.node.clauses.append(self.clauses[-1].id)

    # -- annexes ---------------------------------------------------------------------------
    def add_annexes(self, annexes: list[tuple[str, int, str, Line]]) -> None:
        for kind, label, local in (("annex_table", "附表", "table"), ("annex_map", "附图", "map")):
            entries = [a for a in annexes if a[0] == kind]
            if not entries:
                continue
            group = Node(f"{kind}s", label, label)
            for _, number, title, line in entries:
                self.add(
                    f"annex-{local}/{number}",
                    kind,
                    title,
                    [line],
                    dict(path=[label], part="annex"),
                    item=number,
                    title=title,
                )
                group.children.append(
                    Node(kind, f"{label}{number}", title, number, clauses=[self.clauses[-1].id])
                )
            self.outline.append(group)


def _cn(number: int | None) -> str:
    return cn_numeral(number or 0)


def _page_map(toc: list[TocEntry]) -> dict[tuple, int]:
    pages: dict[tuple, int] = {}
    chapter = None
    for entry in toc:
        if entry.kind in ("general", "closing"):
            pages[(entry.kind,)] = entry.page
        elif entry.kind == "chapter":
            chapter = entry.number
            pages[(chapter,)] = entry.page
        else:
            pages[(chapter, entry.number)] = entry.page
    return pages
