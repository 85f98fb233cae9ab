"""Checking a parsed plan against itself before it may replace anything.

- Every heading its own 目录 lists (总则, chapters, sections, 附则) must be in the body, in the
  same order; a heading missing from the body is what a truncated file looks like.
- After 附则 a plan has a few short paragraphs; more text than a 附则 can hold, or more
  headings, is something appended to the file, refused rather than glued into the last clause.
- No paragraph is longer than a plan's paragraphs are: a megabyte without a line break is not
  plan text, and segmenting it would take minutes.

Each refusal is one line naming what is wrong (BadDocument).
"""

from __future__ import annotations

from kb.errors import BadDocument
from kb.model import Clause, Node, cn_numeral

MAX_CLOSING_CHARS = 2_000  # the Liaoning plan's 附则 has 155 characters
MAX_PARAGRAPH_CHARS = 10_000  # its longest paragraph has 971

Key = tuple[str, int | None, int | None]  # kind, chapter number, section number


def check_plan(toc: list, outline: list[Node], clauses: list[Clause], where: str) -> None:
    """Raise BadDocument when the body does not match the contents or has text appended."""
    if not clauses:
        raise BadDocument(
            f"{where}: 标题下没有正文，不是一份完整的规划。The headings have no text under them"
        )
    _check_contents(_toc_keys(toc), _body_keys(outline), where)
    _check_after_closing(outline, clauses, where)
    for clause in clauses:
        if len(clause.text) > MAX_PARAGRAPH_CHARS:
            raise BadDocument(
                f"{where}: 有一段长 {len(clause.text)} 字（{_name_of(clause)}），"
                f"超过规划段落的上限 {MAX_PARAGRAPH_CHARS} 字，不像规划文本。"
                f"A paragraph of {len(clause.text)} characters is longer than a plan's can be "
                f"({MAX_PARAGRAPH_CHARS})"
            )


def _toc_keys(toc: list) -> list[tuple[Key, str]]:
    keys, chapter = [], None
    for entry in toc:
        if entry.kind == "chapter":
            chapter = entry.number
            key = ("chapter", chapter, None)
        elif entry.kind == "section":
            key = ("section", chapter, entry.number)
        else:
            key = (entry.kind, None, None)
        keys.append((key, _label(key, entry.title)))
    return keys


def _body_keys(outline: list[Node]) -> list[Key]:
    keys: list[Key] = []
    for node in outline:
        if node.kind in ("general", "closing"):
            keys.append((node.kind, None, None))
        elif node.kind == "chapter":
            keys.append(("chapter", node.number, None))
            keys += [
                ("section", node.number, s.number) for s in node.children if s.kind == "section"
            ]
        elif node.kind == "section":  # a section before any chapter
            keys.append(("section", None, node.number))
    return keys


def _label(key: Key, title: str) -> str:
    kind, chapter, number = key
    if kind in ("general", "closing"):
        return "总则" if kind == "general" else "附则"
    head = f"第{cn_numeral(chapter)}章" if chapter is not None else ""
    if kind == "section":
        head += f"第{cn_numeral(number)}节"
    return f"{head}“{title}”"


def _check_contents(listed: list[tuple[Key, str]], body: list[Key], where: str) -> None:
    at = 0
    for key, label in listed:
        try:
            at = body.index(key, at) + 1
        except ValueError:
            if key in body:
                raise BadDocument(
                    f"{where}: 目录列出的{label}在正文中的位置与目录次序不符。"
                    f"A heading listed in the contents is out of order in the body"
                ) from None
            raise BadDocument(
                f"{where}: 目录列出的{label}在正文中缺失（文件可能被截断）。"
                f"A heading listed in the contents is missing from the body (truncated file?)"
            ) from None


def _check_after_closing(outline: list[Node], clauses: list[Clause], where: str) -> None:
    kinds = [n.kind for n in outline]
    if "closing" not in kinds:
        return
    later = [n for n in outline[kinds.index("closing") + 1 :] if n.kind not in _ANNEX_LISTS]
    if later:
        raise BadDocument(
            f"{where}: 附则之后还有“{later[0].label}”等正文标题，文件末尾混入了不属于规划的内容。"
            f"Text after 附则 (the closing part) is not part of the plan"
        )
    size = sum(len(c.text) for c in clauses if c.part == "closing")
    if size > MAX_CLOSING_CHARS:
        raise BadDocument(
            f"{where}: 附则有 {size} 字，超过附则应有的篇幅（上限 {MAX_CLOSING_CHARS} 字），"
            f"文件末尾可能混入了不属于规划的内容。{size} characters after 附则 are more than "
            f"a closing part holds; something is appended to the plan"
        )


_ANNEX_LISTS = ("annex_tables", "annex_maps")


def _name_of(clause: Clause) -> str:
    return " ".join(clause.path) or clause.id
