"""Search filters and facets: what a filter value stands for in the index (丹东 → 丹东市,
第6章 → 第六章, 表格行 → table_row, a plan's title → its slug), and the facet counts of a
result set, in reading order for chapters and kinds, most frequent first for entities."""

from __future__ import annotations

import difflib
from collections import Counter
from collections.abc import Iterator
from typing import Any

from kb.documents import Library
from kb.errors import BadQuery
from kb.lexicon import Lexicon
from kb.model import cn_numeral
from kb.plans import plan_slug
from kb.vocabulary import CLAUSE_KINDS, FACET_LABELS, FACETS


class Facets:
    """The facet values of every indexed clause (`ids[n]`, `values[n]` for document n)."""

    def __init__(
        self, library: Library, lexicon: Lexicon | None, ids: list[str], values: list[dict]
    ):
        self.library, self.lexicon, self.ids, self.values = library, lexicon, ids, values
        self.chapters = self._chapter_labels()

    def filters(self, **given: str | None) -> dict[str, str | None]:
        """Each given filter as the indexed value it stands for; BadQuery when unknown
        (NotFound, with suggestions, for an unknown plan)."""
        out: dict[str, str | None] = {}
        for name, value in given.items():
            value = value.strip() if isinstance(value, str) else value
            out[name] = self._filter_value(name, value) if value else None
        return out

    def _filter_value(self, name: str, value: str) -> str:
        if name == "kind":
            kinds = {**{k: k for k in CLAUSE_KINDS}, **{v: k for k, v in CLAUSE_KINDS.items()}}
            return _known(name, value, kinds)
        if name == "chapter":
            return _known(name, value, self._chapter_names())
        if name == "doc":
            return plan_slug(self.library, value)
        found = self.lexicon.candidates(value, name) if self.lexicon is not None else []
        if len(found) == 1:
            return found[0][1]
        known = {v for f in self.values for v in f[name]}
        return _known(name, value, {v: v for v in known})

    def _chapter_labels(self) -> dict[str, str]:
        """Chapter key → its heading (第六章 → 第六章 强化…), in reading order."""
        labels: dict[str, str] = {}
        for cid, facets in zip(self.ids, self.values, strict=True):
            clause, _ = self.library.get(cid)
            key = facets["chapter"]
            labels.setdefault(key, clause.path[0] if clause.path else key)
        return labels

    def _chapter_names(self) -> dict[str, str]:
        names = {}
        for key, label in self.chapters.items():
            names[key] = names[label] = key
            if key.startswith("第") and key.endswith("章"):
                number = key[1:-1]
                names[number] = key
                names.update({str(n): key for n in range(1, 100) if cn_numeral(n) == number})
        names.update({"0": "总则"} if "总则" in self.chapters else {})
        return names

    def counts(self, docnums: Iterator[int]) -> dict[str, list[dict[str, Any]]]:
        names = ("doc", "chapter", "kind", *FACETS)
        counts: dict[str, Counter[str]] = {name: Counter() for name in names}
        for n in docnums:
            facets = self.values[n]
            counts["doc"][self.ids[n].split("/", 1)[0]] += 1
            counts["chapter"][facets["chapter"]] += 1
            counts["kind"][facets["kind"]] += 1
            for name in FACETS:
                counts[name].update(facets[name])
        titles = {slug: d.title for slug, d in self.library.docs.items()}
        order = {"chapter": list(self.chapters), "kind": list(CLAUSE_KINDS), "doc": list(titles)}
        labels = {"chapter": self.chapters, "kind": CLAUSE_KINDS, "doc": titles}
        return {
            name: _facet_list(c, order.get(name), labels.get(name, {}))
            for name, c in counts.items()
        }


def _known(name: str, value: str, names: dict[str, str]) -> str:
    if value in names:
        return names[value]
    close = difflib.get_close_matches(value, list(names), n=5, cutoff=0.3)
    hint = f"（您是否要找：{'、'.join(close)}）" if close else ""
    label = FACET_LABELS[name]
    raise BadQuery(f"没有这个{label}：{value}{hint}。Unknown {name} {value!r}.")


def _facet_list(
    counts: Counter[str], order: list[str] | None, labels: dict[str, str]
) -> list[dict[str, Any]]:
    if order is not None:
        values = [v for v in order if counts[v]]
    else:
        values = sorted(counts, key=lambda v: (-counts[v], v))
    return [{"value": v, "label": labels.get(v, v), "count": counts[v]} for v in values]
