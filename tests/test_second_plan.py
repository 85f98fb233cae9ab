"""Acceptance 3 of issue 7: a second plan in the KB changes no answer about the first.

The second plan is a copy of the plan under another slug and title (a corpus folder of two
documents); every question about the original document must get the answers it gets alone.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.build import build, corpus_files
from kb import KnowledgeBase
from tests.conftest import PLAN, SLUG, corpus_of, document
from tests.golden_queries import GOLDEN, HELD_OUT

TITLE = "辽宁省矿产资源总体规划（2021-2025年）"
OTHER_SLUG = "second-plan"
OTHER_TITLE = f"{TITLE}（第二份）"
QUERIES = [*(g.query for g in GOLDEN), *(h.query for h in HELD_OUT)]


def second_plan(folder: Path) -> Path:
    """A copy of the plan whose metadata gives it another slug and title."""
    copy = folder / "second-plan.txt"
    copy.write_bytes(PLAN.read_bytes())
    meta = PLAN.with_suffix(".toml").read_text(encoding="utf-8")
    meta = meta.replace(f'slug = "{SLUG}"', f'slug = "{OTHER_SLUG}"')
    meta = meta.replace(
        'title = "辽宁省矿产资源总体规划（2021-2025年）"', f'title = "{OTHER_TITLE}"'
    )
    copy.with_suffix(".toml").write_text(meta, encoding="utf-8")
    return copy


@pytest.fixture(scope="module")
def two(tmp_path_factory) -> KnowledgeBase:
    corpus = corpus_of(tmp_path_factory.mktemp("two") / "corpus", [PLAN])
    second_plan(corpus)
    kb_path = corpus.parent / "kb"
    build(corpus_files(corpus), kb_path)
    return KnowledgeBase.open(kb_path)


def own(result: dict, slug: str = SLUG) -> list[str]:
    return [hit["id"] for hit in result["hits"] if hit["id"].startswith(f"{slug}/")]


def test_both_plans_are_in_the_kb_under_their_own_slug_and_title(two):
    docs = [(d["slug"], d["title"]) for d in two.outline()["documents"]]
    assert sorted(docs) == sorted([(SLUG, TITLE), (OTHER_SLUG, OTHER_TITLE)])


def test_the_original_outline_is_unchanged(kb, two):
    assert document(two) == document(kb)


@pytest.mark.parametrize("query", QUERIES)
def test_search_ranks_the_original_clauses_as_it_does_alone(kb, two, query):
    alone = own(kb.search(query, limit=10))
    assert own(two.search(query, limit=20))[:10] == alone


@pytest.mark.parametrize("golden", GOLDEN, ids=[g.query for g in GOLDEN])
def test_golden_queries_still_find_their_clause_and_its_copy(two, golden):
    hits = two.search(golden.query, limit=20)
    assert golden.clause_id in own(hits)[:3]
    assert f"{OTHER_SLUG}/{golden.expected}" in own(hits, OTHER_SLUG)[:3]


@pytest.mark.parametrize("local", ["6.4.2", "box5/16", "general/3", "annex-table/7"])
def test_a_clause_keeps_its_text_and_citation(kb, two, local):
    assert two.clause(f"{SLUG}/{local}") == kb.clause(f"{SLUG}/{local}")
    copy = two.clause(f"{OTHER_SLUG}/{local}")
    assert copy["text"] == kb.clause(f"{SLUG}/{local}")["text"]
    assert copy["citation"]["text"].startswith(f"《{OTHER_TITLE}》")


def test_the_directories_name_the_same_regions_and_minerals(kb, two):
    assert [m["name"] for m in two.minerals()["minerals"]] == [
        m["name"] for m in kb.minerals()["minerals"]
    ]
    assert [r["name"] for r in two.regions()["regions"]] == [
        r["name"] for r in kb.regions()["regions"]
    ]


def test_a_region_lists_the_zones_of_both_plans(kb, two):
    alone = {z["id"] for z in kb.region("丹东市")["zones"]}
    both = {z["id"] for z in two.region("丹东市")["zones"]}
    assert alone == {z for z in both if z.startswith(f"{SLUG}/")}
    assert {z.replace(OTHER_SLUG, SLUG, 1) for z in both - alone} == alone
