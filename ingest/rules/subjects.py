"""The subjects of a rule — minerals, zone types, zones, regions, mine classes — read from the
mentions inside its scope, and the splits that give a list item its own rule when it carries
its own condition (可耕地的砖瓦用粘土) or quantity (金矿资源量 30 吨)."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from ingest.divisions import province_names
from ingest.quantities import binding_of, period_of, public
from ingest.rules.phrases import mine_classes_in

if TYPE_CHECKING:
    from ingest.rules.extract import ClauseContext
    from ingest.rules.phrases import Phrase
    from ingest.rules.vocabulary import Vocabulary

PROVINCES = province_names()  # a province named is the whole province, not a subject
NEEDS = ("required", "quota")  # rules checked against a list: only these say where it lives
_ITEM_JOINERS = ("、", "以及", "及", "和", "与", "，")


@dataclass
class Scope:
    """The text a rule covers: its main span plus the list phrases that continue it."""

    text: str
    span: tuple[int, int]
    extra: list[tuple[int, int]]
    phrase: Phrase
    context: ClauseContext
    vocab: Vocabulary
    quantities: list[dict[str, Any]] = field(default_factory=list)
    minerals: list[dict[str, Any]] | None = None  # mineral mentions, when narrowed by a split
    condition: str | None = None

    def spans(self) -> list[tuple[int, int]]:
        return [self.span, *self.extra]

    def inside(self, kind: str) -> list[dict[str, Any]]:
        """Mentions of `kind` in the scope, not named only to be left out (除…外)."""
        exception = self.phrase.exception or ""
        lo, hi = self.span
        skip = self.text.find(exception, lo, hi) if exception else -1
        return [
            m
            for m in self.context.mentions
            if m["type"] == kind
            and not m.get("negated")
            and any(a <= m["start"] and m["end"] <= b for a, b in self.spans())
            and not (skip >= 0 and skip <= m["start"] < skip + len(exception))
        ]

    def mineral_mentions(self) -> list[dict[str, Any]]:
        return self.inside("mineral") if self.minerals is None else self.minerals

    def names(self, kind: str) -> list[str]:
        return list(
            dict.fromkeys(m["name"] for m in self.inside(kind) if m["name"] not in PROVINCES)
        )

    def subjects(self) -> dict[str, list[str]]:
        ctx = self.context
        minerals = list(dict.fromkeys(m["name"] for m in self.mineral_mentions()))
        classes = [c for a, b in self.spans() for c in mine_classes_in(self.text, a, b, self.vocab)]
        titled = [] if ctx.zone else ctx.zone_types  # a zone's own clause: the zone, not its type
        return {
            "minerals": minerals or ctx.title_minerals or ([ctx.mineral] if ctx.mineral else []),
            "zone_types": list(dict.fromkeys([*self.names("zone_type"), *titled])),
            "zones": list(dict.fromkeys([*([ctx.zone] if ctx.zone else []), *self.names("zone")])),
            "regions": self.names("region") or ctx.title_regions,
            "mine_classes": list(dict.fromkeys(classes)),
        }

    def rule(self, sentence: str, vocab: Vocabulary) -> dict[str, Any]:
        actions = self.phrase.actions
        words = "".join(self.text[a:b] for a, b in self.spans())
        quantity = self.quantities[0] if self.quantities else None
        period = period_of(sentence, vocab)
        return {
            "modality": self.phrase.kind,
            "qualifier": "原则上" if "原则上" in words else None,
            "action": actions[0] if actions else None,
            "actions": actions,
            "subjects": self.subjects(),
            "quantity": public(quantity, period, binding_of(words, vocab)) if quantity else None,
            "needs": None if quantity or self.phrase.kind not in NEEDS else needs_of(words, vocab),
            "phrase": [self.span[0], max(b for _, b in self.spans())],
        }


def needs_of(words: str, vocab: Vocabulary) -> str | None:
    """Where the list a rule depends on lives when the text lacks it (最低开采规模 → 附表7)."""
    return next((where for word, where in vocab.needs.items() if word in words), None)


def split_by_quantity(scope: Scope) -> list[Scope]:
    """One scope per quantity; each quantity takes the minerals named since the one before."""
    found = scope.phrase.quantities
    if len(found) <= 1:
        return [replace(scope, quantities=found)]
    out = []
    lo = scope.span[0]
    for q in found:
        named = [m for m in scope.inside("mineral") if lo <= m["start"] < q["start"]]
        out.append(replace(scope, quantities=[q], minerals=named or None))
        lo = q["end"]
    return out


def item_condition(scope: Scope, mention: dict[str, Any], before: int) -> str | None:
    """The condition a list item puts before its mineral: …的 (可耕地的) or a listed word (湿地)."""
    for word in scope.vocab.before_mineral:  # a surface form holding it: 湿地泥炭
        if mention["text"].startswith(word):
            return word
    prefix = scope.text[before : mention["start"]]
    for joiner in _ITEM_JOINERS:
        prefix = prefix.removeprefix(joiner)
    if prefix.endswith("的") and len(prefix) > 1:
        return prefix
    return prefix if prefix in scope.vocab.before_mineral else None


def split_by_items(scope: Scope) -> list[Scope]:
    """Group the minerals of a scope by the condition their list item carries."""
    minerals = scope.mineral_mentions()
    if not minerals:
        return [scope]
    anchors = [h.end for h in scope.vocab.actions.scan(scope.text, *scope.span)]
    groups: dict[str | None, list[dict[str, Any]]] = {}
    before = scope.span[0]
    for m in minerals:
        before = max([before, *(a for a in anchors if a <= m["start"])])
        groups.setdefault(item_condition(scope, m, before), []).append(m)
        before = m["end"]
    if len(groups) == 1 and None in groups:
        return [scope]
    return [replace(scope, minerals=ms, condition=cond) for cond, ms in groups.items()]
