"""Plan text → document tree: 总则, 第X章, 第X节 (or 一、/（一） headings), paragraphs, 第X条
articles, 专栏 boxes and 表N tables, 附则 and annexes.

The text came out of a PDF: a paragraph is one line, but where a page broke it is split in two,
sometimes mid-word (…1:5 万区域地 / 质矿产调查…) and sometimes right after its lead sentence
(…提出新要求。 / 矿产勘查开发…). A block that does not end a sentence, or that is nothing but a
lead sentence, is joined with the block that continues it.
"""

from __future__ import annotations

import re
from typing import Any

from ingest.blocks import Para, ends_sentence, lead_sentence
from ingest.boxes import BOX, Box, BoxReader
from ingest.lines import Line, clean_text, clean_title, compact
from ingest.numbering import SECTION_RANK, article, heading_level, table_title
from ingest.pages import assign_pages, toc_pages
from ingest.toc import NUM, FrontMatter
from kb.model import Clause, Node, cn_numeral, parse_cn_numeral

_CHAPTER = re.compile(rf"^第(?P<n>[{NUM}]+)章[\s\u3000]*(?P<title>.*)$")
_SECTION = re.compile(rf"^第(?P<n>[{NUM}]+)节[\s\u3000]*(?P<title>.*)$")
_HEADING_MAX = 40


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


def line_kind(text: str) -> tuple[str | None, Any]:
    """What a line opens: a heading, a 一、/（一） level, a box, a table, an article."""
    for kind, reader in (
        ("heading", heading_of),
        ("level", heading_level),
        ("box", BOX.match),
        ("table", table_title),
        ("article", article),
    ):
        found = reader(text)
        if found:
            return kind, found
    return None, None


class TreeBuilder(BoxReader):
    """Walks the body lines once, building outline nodes and clauses."""

    def __init__(self, slug: str, front: FrontMatter):
        self.slug = slug
        self.pages = toc_pages(front.toc)
        self.breaks: list[int] = []  # where a block joined to the one before begins
        self.outline: list[Node] = []
        self.clauses: list[Clause] = []
        self.chapter: Node | None = None
        self.levels: list[tuple[int, Node]] = []  # open headings below the chapter, with rank
        self.article: int | None = None  # the number of the article being read (第X条)
        self.part: Node | None = None  # 总则 or 附则 when inside one
        self.para = Para()
        self.box: Box | None = None
        self.counts: dict[str, int] = {}

    # -- driving ---------------------------------------------------------------------------
    def feed(self, line: Line) -> None:
        if self.box is not None and line.is_row and self.box.mode in ("", "table"):
            self.feed_box(line)
            return
        kind, found = line_kind(line.text)
        if kind in ("heading", "level", "box", "table"):
            self.flush()
            if kind == "heading":
                self.open_heading(*found)
            elif kind == "level":
                self.open_level(*found)
            else:
                self.open_box(found, line, "table" if kind == "table" else "box")
        elif self.box is not None:
            self.feed_box(line)
        elif kind == "article":
            self.flush_para()
            self.article = found[0]
            self.para.lines.append(line)
        elif self.para.continues_with(line):
            self.breaks.append(line.start)
            self.para.lines.append(line)
        elif self.article is not None:  # an article's next paragraph is still the article
            self.para.lines.append(line)
        else:
            self.flush_para()
            self.para.lines.append(line)

    def finish(self, annexes: list[tuple[str, int, str, Line]]) -> tuple[list[Node], list[Clause]]:
        self.flush()
        self.add_annexes(annexes)
        assign_pages(self.outline, self.clauses, self.breaks)
        return self.outline, self.clauses

    def flush(self) -> None:
        self.flush_para()
        self.close_box()

    # -- headings --------------------------------------------------------------------------
    def open_heading(self, kind: str, number: int | None, title: str) -> None:
        if kind in ("general", "closing"):
            self.chapter, self.levels = None, []
            self.part = Node(kind, title, title, page=self.pages.get((kind,)))
            self.outline.append(self.part)
        elif kind == "chapter":
            self.part, self.levels = None, []
            self.chapter = Node(
                "chapter", f"第{_cn(number)}章", title, number, self.pages.get((number,))
            )
            self.outline.append(self.chapter)
        else:
            parent = self.chapter
            page = self.pages.get((parent.number if parent else None, number))
            self.push(SECTION_RANK, Node("section", f"第{_cn(number)}节", title, number, page))

    def open_level(self, rank: int, number: int, label: str, title: str) -> None:
        """A 一、 or （一） heading: a section right under a chapter, else a subsection."""
        self.levels = [(r, n) for r, n in self.levels if r < rank]
        kind = "subsection" if self.levels else "section"
        self.push(rank, Node(kind, label, title, number, self.container.page))

    def push(self, rank: int, node: Node) -> None:
        self.levels = [(r, n) for r, n in self.levels if r < rank]
        parent = self.levels[-1][1] if self.levels else self.chapter or self.part
        (parent.children if parent else self.outline).append(node)
        self.levels.append((rank, node))

    @property
    def section(self) -> Node | None:
        return self.levels[0][1] if self.levels else None

    @property
    def container(self) -> Node:
        node = (self.levels[-1][1] if self.levels else None) or self.chapter or self.part
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
        nodes = [self.chapter, *(n for _, n in self.levels)]
        path = [f"{n.label} {n.title}" for n in nodes if n]
        numbers = ".".join(str(n.number) for _, n in self.levels) or "0"
        return dict(
            prefix=f"{chapter}.{numbers}",
            chapter=chapter,
            section=section or None,
            path=path,
            page=node.page,
            part="body",
        )

    # -- paragraphs ------------------------------------------------------------------------
    def flush_para(self) -> None:
        lines, self.para = self.para.lines, Para()
        number, self.article = self.article, None
        if not lines:
            return
        if number is not None:
            self.add_article(number, lines)
            return
        where = self.place()
        prefix = where.pop("prefix")
        n = self.counts[prefix] = self.counts.get(prefix, 0) + 1
        sep = "/" if prefix in ("general", "closing") else "."
        text = clean_text("".join(line.text for line in lines))
        self.add(f"{prefix}{sep}{n}", "paragraph", text, lines, where, title=lead_sentence(text))
        self.container.clauses.append(self.clauses[-1].id)

    def add_article(self, number: int, lines: list[Line]) -> None:
        """A 第X条 article: its text without the label, its label as the title."""
        where = self.place()
        where.pop("prefix")
        first = (article(lines[0].text) or (number, lines[0].text))[1]
        text = clean_text(first + "".join(line.text for line in lines[1:]))
        title = f"第{_cn(number)}条"
        self.add(f"art{number}", "article", text, lines, where, item=number, title=title)
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

    # -- annexes ---------------------------------------------------------------------------
    def add_annexes(self, annexes: list[tuple[str, int, str, Line]]) -> None:
        """The 附表/附图 entries: the text lists their titles only, and each says so."""
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
                    note=f"{label}{number}“{title}”不在本文本中：文本只列出它的名称。",
                )
                group.children.append(
                    Node(kind, f"{label}{number}", title, number, clauses=[self.clauses[-1].id])
                )
            self.outline.append(group)


def _cn(number: int | None) -> str:
    return cn_numeral(number or 0)
