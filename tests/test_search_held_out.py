"""Queries written after the ranking was tuned (tests/golden_queries.py HELD_OUT): each must
put one of its accepted clauses in the top three."""

from __future__ import annotations

import pytest

from tests.golden_queries import HELD_OUT


@pytest.mark.parametrize("row", HELD_OUT, ids=[h.query for h in HELD_OUT])
def test_held_out_query_ranks_its_clause_in_the_top_three(kb, row):
    top3 = [hit["id"] for hit in kb.search(row.query, limit=3)["hits"]]
    assert row.clause_ids & set(top3), (row.query, top3)
