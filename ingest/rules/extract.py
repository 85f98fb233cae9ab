"""Rules from the sentences of one clause.

Each phrase with a modal word (禁止, 限制, 应, 鼓励, 加大 …) or a quantity with a quota or
target word (控制在, 以上, 提高到 …) starts a rule. Phrases before it with no modal word give it
its context: a …的 phrase is its condition (储量规模为小型的，开采规模应达到…), 除…外 its
exception, and their names its subjects (菱镁矿除资源整合外，不再新设…). A phrase after it that
only lists minerals continues its list (重点勘查煤层气…，地热、干热岩等清洁能源矿产，…).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ingest.rules.phrases import Phrase, phrases, read_phrase, sentences
from ingest.rules.subjects import Scope, split_by_items, split_by_quantity
from ingest.rules.vocabulary import Vocabulary
from kb.model import Clause

ITEM_SPLIT = ("forbidden", "restricted")  # only these narrow a list item by its own condition
_INSIDE = "内"  # 重点开采区内，… : the place the next phrase speaks of


@dataclass
class Draft:
    """A rule before its subjects are read: its phrase, scope and sentence."""

    phrase: Phrase
    scope: tuple[int, int]
    sentence: tuple[int, int]
    condition: str | None = None
    exception: str | None = None
    extra: list[tuple[int, int]] = field(default_factory=list)


@dataclass
class ClauseContext:
    """What a clause gives every rule in it: its mentions, the zone it sets out (4.1.2), the
    zone types its lead sentence names (明确重点勘查区管控要求。), its section's mineral, and the
    minerals and places a box item's title names (鞍山-本溪-辽阳铁矿勘查增储工程) for rules that
    name none."""

    clause: Clause
    mentions: list[dict[str, Any]]
    zone: str | None = None
    zone_types: list[str] = field(default_factory=list)
    mineral: str | None = None
    title_minerals: list[str] = field(default_factory=list)  # a box item's title names its
    title_regions: list[str] = field(default_factory=list)  # minerals and places


def drafts(text: str, start: int, vocab: Vocabulary) -> list[Draft]:
    """The rule drafts of `text` from `start` (after the lead sentence)."""
    out: list[Draft] = []
    for sentence in sentences(text, start):
        out += sentence_drafts(text, sentence, vocab)
    return out


def sentence_drafts(text: str, sentence: tuple[int, int], vocab: Vocabulary) -> list[Draft]:
    out: list[Draft] = []
    lead: int | None = None
    condition = exception = None
    previous = ""
    for span in phrases(text, *sentence):
        phrase = read_phrase(text, span, vocab)
        if phrase.modal and phrase.modal.word in vocab.after_condition and previous:
            condition = previous
        previous = text[span[0] : span[1]].strip() if phrase.kind is None else ""
        if (
            phrase.kind is None
            and phrase.condition
            and vocab.lead_condition.match(phrase.condition)
        ):
            phrase.kind = "required"
        if phrase.kind is None:
            words = text[span[0] : span[1]]
            if out and not phrase.actions and continues(words, vocab):
                out[-1].extra.append(span)
                continue
            context = words.endswith("的") or phrase.exception or words.endswith(_INSIDE)
            if not context:
                lead, condition, exception = None, None, None
                continue
            condition = words.strip() if words.endswith("的") else condition
            exception = phrase.exception or exception
            lead = span[0] if lead is None else lead
            continue
        scope = (span[0] if lead is None else lead, span[1])
        out.append(Draft(phrase, scope, sentence, condition, exception))
        lead, condition, exception = None, None, None
    return out


def continues(words: str, vocab: Vocabulary) -> bool:
    """A phrase that only continues the list of the rule before it: 地热、干热岩等清洁能源矿产;
    营口大石桥镁制品精深加工产业基地 (after 引导建设…基地)."""
    return bool(vocab.mineral_list.search(words)) or words.endswith(vocab.item_endings)


def finish(draft: Draft, context: ClauseContext, vocab: Vocabulary) -> list[dict[str, Any]]:
    """The rules of one draft: split by quantity (新增铁…10 亿吨、金…30 吨) and, for a ban or a
    restriction, by list items carrying their own condition (禁止开采蓝石棉、可耕地的砖瓦用粘土)."""
    text = context.clause.text
    scope = Scope(text, draft.scope, draft.extra, draft.phrase, context, vocab)
    out = []
    for part in split_by_quantity(scope):
        out += split_by_items(part) if draft.phrase.kind in ITEM_SPLIT else [part]
    sentence = text[draft.sentence[0] : draft.sentence[1]]
    return [
        {
            **part.rule(sentence, vocab),
            "span": list(draft.sentence),
            "text": sentence,
            "condition": part.condition or draft.condition or draft.phrase.condition,
            "exception": draft.phrase.exception or draft.exception,
        }
        for part in out
    ]


def inherit(rules: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Within one sentence, a rule naming no mineral speaks of the minerals of the rule of the
    same modality (not a number) before it (对菱镁矿开采总量进行约束性控制，严格控制开采); a
    limit with no condition of its own applies to the mine classes of the limit before it
    (新建矿山…中型以上，最低开采规模为…)."""
    for before, rule in zip(rules, rules[1:], strict=False):
        if before["span"] != rule["span"]:
            continue
        mine, prev = rule["subjects"], before["subjects"]
        same = before["modality"] == rule["modality"] not in ("quota", "target")
        if not mine["minerals"] and same:
            mine["minerals"] = list(prev["minerals"])
        limits = before["modality"] == rule["modality"] == "quota"
        if limits and not rule["condition"] and not mine["mine_classes"]:
            mine["mine_classes"] = list(prev["mine_classes"])
    return rules
