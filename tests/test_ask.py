"""kb.ask on the golden questions (tests/golden_ask_tuning.py and golden_ask_heldout.py, written
from the plan text): status, facts, citations, and every fact standing in the clause it cites."""

from __future__ import annotations

import pytest

from kb import BadQuery
from tests.ask_cases import AskCase, problems
from tests.bench_ask import expanded
from tests.golden_ask_heldout import ASK as HELD_OUT
from tests.golden_ask_heldout import SEARCH as HELD_OUT_SEARCH
from tests.golden_ask_tuning import ASK as TUNING
from tests.golden_ask_tuning import SEARCH as TUNING_SEARCH

ALL = expanded(TUNING) + expanded(HELD_OUT)
UNANSWERABLE = ("not_in_plan", "not_in_text")
# Held-out questions the first run got wrong (README: held-out figures). Not tuned away: they
# stay here, strict, so a change that fixes one says so.
HELD_OUT_MISSES = {"辽宁省已发现矿产多少种？"}


def _marked(cases: list[AskCase]) -> list:
    miss = pytest.mark.xfail(strict=True, reason="held-out miss of the first run")
    return [pytest.param(c, marks=miss) if c.question in HELD_OUT_MISSES else c for c in cases]


@pytest.mark.parametrize("case", _marked(ALL), ids=[c.question for c in ALL])
def test_a_golden_question_gets_its_answer(kb, case: AskCase):
    assert problems(kb.ask(case.question), case) == []


@pytest.mark.parametrize("case", ALL, ids=[c.question for c in ALL])
def test_every_fact_stands_in_the_clause_it_cites(kb, case: AskCase):
    for fact in kb.ask(case.question)["facts"]:
        clause = kb.clause(fact["citation"]["clause_id"])
        assert fact["text"] in clause["text"] or fact["text"] in fact["citation"]["text"]
        assert fact["citation"] == clause["citation"]


def test_the_tables_are_as_large_as_promised():
    cases = TUNING + HELD_OUT
    assert sum(c.status == "answered" for c in cases) >= 60
    assert sum(len(c.paraphrases) == 3 for c in cases) >= 10
    assert sum(c.status in UNANSWERABLE for c in cases) >= 10
    assert len(TUNING_SEARCH) + len(HELD_OUT_SEARCH) >= 40
    kinds = {c.kind for c in TUNING_SEARCH + HELD_OUT_SEARCH}
    assert kinds == {"synonym", "unit", "numeral", "traditional", "typo", "partial"}


def test_the_two_parts_share_no_question_and_no_target():
    def questions(cases):
        return {q for c in expanded(cases) for q in (c.question,)}

    assert not questions(TUNING) & questions(HELD_OUT)
    assert not {f for c in TUNING for f in c.facts} & {f for c in HELD_OUT for f in c.facts}
    tuning = {a for c in TUNING_SEARCH for a in c.accepted}
    assert not tuning & {a for c in HELD_OUT_SEARCH for a in c.accepted}
    assert not {c.query for c in TUNING_SEARCH} & {c.query for c in HELD_OUT_SEARCH}


def test_an_answer_has_the_contract_shape(kb):
    answer = kb.ask("哪些矿种禁止开采？")
    assert list(answer) == [
        "question",
        "understood",
        "status",
        "status_label",
        "answer",
        "facts",
        "citations",
        "choices",
    ]
    assert answer["understood"]["intent"] == "list"
    assert [c["clause_id"] for c in answer["citations"]] == ["liaoning-2021-2025/6.1.1"]


def test_a_figure_asked_without_its_subject_is_asked_back(kb):
    # 最低开采规模 is set for 菱镁矿 (6.4.2), for 普通建筑用砂石 (6.5.3), for 27 minerals in 附表7
    answer = kb.ask("最低开采规模是多少？")
    assert answer["status"] == "ambiguous"
    assert answer["facts"] == []
    assert {"推进菱镁矿高质量开发利用", "规范普通建筑用砂石土矿开发利用"} <= set(answer["choices"])


def test_no_zone_of_a_kind_is_said_with_the_sentence_setting_the_list(kb):
    # 专栏七 lists 19 重点开采区; none of 锰 in 丹东 (锰 only in 凌源, 朝阳)
    answer = kb.ask("丹东有哪些锰矿重点开采区？")
    assert answer["status"] == "answered"
    assert "没有" in answer["answer"]
    assert [f["citation"]["clause_id"] for f in answer["facts"]] == ["liaoning-2021-2025/6.1.3"]


def test_traditional_characters_give_the_same_answer(kb):
    assert kb.ask("哪些礦種禁止開採？")["facts"] == kb.ask("哪些矿种禁止开采？")["facts"]


@pytest.mark.parametrize("question", ["哪些", "几个？", "在哪一章", "什么是"])
def test_a_question_naming_nothing_is_asked_back_without_facts(kb, question):
    answer = kb.ask(question)
    assert (answer["status"], answer["facts"]) == ("ambiguous", [])
    assert "请写明" in answer["answer"]


@pytest.mark.parametrize("question", ["", "   ", "？？？", None, 42, "问" * 201])
def test_a_bad_question_is_refused_with_a_message(kb, question):
    with pytest.raises(BadQuery):
        kb.ask(question)
