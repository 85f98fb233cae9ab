"""Minerals a plan leaves out of its scope, read off its own words (规划范围为…所有矿产资源
（除石油、天然气以外）): an application for one gets no verdict from that plan but a message
quoting the sentence and citing it, since the plan does not govern it."""

from __future__ import annotations

import re
from dataclasses import dataclass

from kb.documents import Library

_SCOPE = re.compile(r"规划范围[^。]*?(除([^。）)]+?)以外)")


@dataclass(frozen=True)
class Scope:
    names: frozenset[str]  # what the scope sentence leaves out: 石油, 天然气
    phrase: str  # as the plan words it: 除石油、天然气以外
    clause_id: str


def scopes(library: Library) -> dict[str, Scope]:
    """slug → what its scope sentence leaves out (plans without such a sentence are absent)."""
    out: dict[str, Scope] = {}
    for slug, doc in library.docs.items():
        for clause in doc.clauses:
            found = _SCOPE.search(clause.text)
            if found:
                names = frozenset(re.split(r"[、，,和及]", found.group(2)))
                out[slug] = Scope(names, found.group(1), clause.id)
                break
    return out


def outside_message(
    minerals: list[str], plans: set[str], left_out: dict[str, Scope], library: Library
) -> str | None:
    """The message for the minerals every covering plan leaves out, else None."""
    names = [m for m in minerals if plans and all(m in _names(left_out, p) for p in plans)]
    if not names:
        return None
    joined = "、".join(names)
    quoted = "；".join(
        f"“{left_out[p].phrase}”，{library.citation(left_out[p].clause_id)['text']}"
        for p in sorted(plans)
    )
    return (
        f"规划范围不含{joined}，不能依本规划审核{joined}项目（规划原文：{quoted}）"
        f"The plan's scope leaves out {joined}."
    )


def _names(left_out: dict[str, Scope], plan: str) -> frozenset[str]:
    return left_out[plan].names if plan in left_out else frozenset()
