"""Acceptance 2 of issue 13: with three plans loaded, every search hit, lookup row and clause
names the right document, a document filter keeps one plan, and the real plan's answers are the
ones it gets alone."""

from __future__ import annotations

import json
from typing import Any

import pytest

from kb import KnowledgeBase, NotFound
from tests.conftest import SLUG, document
from tests.golden_queries import GOLDEN
from tests.plans import COUNTY_SLUG, OTHER_SLUG

QUERIES = ["开采规划区块", "重点勘查区", "绿色矿山", "硼", "铁矿 开采规模", "生态保护红线", "规划"]
REGIONS = ["丹东", "宽甸", "硼海镇", "承德", "河北", "辽宁"]
MINERALS = ["硼", "铁", "金"]
ASK = [
    "宽甸的开采规划区块有哪些？",
    "河北省重点勘查区有哪些？",
    "哪些矿种禁止开采？",
    "菱镁矿开采总量是多少？",
]
CHECK = [
    {
        "kind": "新建",
        "mineral": "硼矿",
        "place": "宽甸",
        "method": "地下开采",
        "scale": "10万吨/年",
    },
    {"kind": "新建", "mineral": "砂石", "place": "盖州", "scale": "60万吨/年"},
]


def cited(answer: Any) -> list[dict]:
    """Every dict of an answer that carries a citation, at any depth."""
    if isinstance(answer, dict):
        own = [answer] if isinstance(answer.get("citation"), dict) else []
        return own + [r for v in answer.values() for r in cited(v)]
    if isinstance(answer, list):
        return [r for v in answer for r in cited(v)]
    return []


def answers(kb: KnowledgeBase) -> list[Any]:
    out: list[Any] = [kb.search(q, limit=100) for q in QUERIES]
    out += [kb.region(r) for r in REGIONS] + [kb.mineral(m) for m in MINERALS]
    out += [kb.zones()] + [kb.zone(z["id"]) for z in kb.zones()["zones"][::7]]
    out += [kb.clause(f"{slug}/{local}") for slug, local in CLAUSES]
    out += [kb.ask(q) for q in ASK]
    out += [kb.check(application) for application in CHECK]
    return [*out, kb.rules()]


CLAUSES = [(SLUG, "6.4.2"), (COUNTY_SLUG, "table3/1"), (OTHER_SLUG, "art1"), (OTHER_SLUG, "3.1.1")]


def test_every_row_names_its_own_document(three):
    titles = {d["slug"]: d["title"] for d in three.documents()["documents"]}
    rows = [row for answer in answers(three) for row in cited(answer)]
    seen = set()
    for row in rows:
        cite = row["citation"]
        slug = cite["document_slug"]
        seen.add(slug)
        assert cite["clause_id"].startswith(f"{slug}/"), row
        assert cite["text"].startswith(f"《{titles[slug]}》"), row
        assert cite["document"] == titles[slug]
        assert row.get("doc", slug) == slug, row
        if "/" in str(row.get("id", "")):
            assert row["id"].startswith(f"{slug}/"), row
    assert seen == set(titles)  # all three plans answer somewhere: the test is not vacuous


def test_search_hits_name_their_document(three):
    hits = three.search("开采规划区块", limit=100)["hits"]
    assert {h["doc"] for h in hits} == {SLUG, COUNTY_SLUG}
    assert all(h["id"].startswith(f"{h['doc']}/") for h in hits)


@pytest.mark.parametrize("given", [COUNTY_SLUG, "宽甸满族自治县矿产资源总体规划（2021-2025年）"])
def test_a_document_filter_keeps_one_plan(three, given):
    result = three.search("开采规划区块", limit=100, doc=given)
    ids = [h["id"] for h in result["hits"]]
    # 2.2.1, the five rows of 表3, its note and 2.2.2 name 开采规划区块; so does the heading of §2.2
    assert ids and all(i.startswith(f"{COUNTY_SLUG}/") for i in ids)
    assert {f"{COUNTY_SLUG}/table3/{n}" for n in range(1, 6)} <= set(ids)
    assert result["filters"] == {"doc": COUNTY_SLUG}


def test_the_document_facet_counts_hits_per_plan(three):
    result = three.search("重点勘查区", limit=100)
    by_doc = {f["value"]: f["count"] for f in result["facets"]["doc"]}
    assert set(by_doc) == {SLUG, OTHER_SLUG}
    assert by_doc[OTHER_SLUG] == sum(h["doc"] == OTHER_SLUG for h in result["hits"])


def test_an_unknown_document_is_a_clear_message(three):
    with pytest.raises(NotFound, match="没有这个规划"):
        three.search("硼", doc="no-such-plan")


def test_the_real_plan_outline_is_unchanged(kb, three):
    assert document(three) == document(kb)


@pytest.mark.parametrize("golden", GOLDEN, ids=[g.query for g in GOLDEN])
def test_the_real_plan_search_is_unchanged(kb, three, golden):
    """The same clauses match, and the golden clause stays in the top three; the order further
    down may move, as word statistics are over all the plans (BM25)."""
    alone = [h["id"] for h in kb.search(golden.query, limit=100)["hits"]]
    mixed = [h["id"] for h in three.search(golden.query, limit=100, doc=SLUG)["hits"]]
    assert set(mixed) == set(alone)
    assert golden.clause_id in mixed[:3]


@pytest.mark.parametrize("name", ["丹东", "岫岩", "鞍山", "阜蒙县", "宽甸"])
def test_the_real_plan_region_answers_are_unchanged(kb, three, name):
    def own(answer: dict) -> dict:
        return {
            k: [r for r in v if r.get("citation", {}).get("document_slug") == SLUG]
            for k, v in answer.items()
            if isinstance(v, list) and k not in ("children",)
        }

    assert own(three.region(name)) == own(kb.region(name))


def test_a_county_page_groups_what_each_plan_says_higher_levels_first(three):
    plans = three.region("宽甸")["plans"]
    assert [(p["slug"], p["level"]) for p in plans] == [(SLUG, "省"), (COUNTY_SLUG, "县")]
    county = plans[1]["counts"]
    assert county["zones"] == 5  # 表3's five 开采规划区块 (KC01–KC05)


def test_the_documents_and_region_pages_render(three, tmp_path):
    from web import create_app

    client = create_app({"TESTING": True, "KB_PATH": str(three.root)}).test_client()
    page = client.get("/documents").get_data(as_text=True)
    for slug in (SLUG, COUNTY_SLUG, OTHER_SLUG):
        assert f'data-slug="{slug}"' in page
    assert client.get("/api/documents").get_json()["total"] == 3
    search = client.get("/search?q=开采规划区块").get_data(as_text=True)
    facet = search.split('data-facet="doc"', 1)[1].split("</section>", 1)[0]
    assert f"doc={COUNTY_SLUG}" in facet and f"doc={SLUG}" in facet  # the facet filters
    block = client.get(f"/zones/{COUNTY_SLUG}/zone/mining-block/1").get_data(as_text=True)
    assert 'class="within"' in block and "liaoning-2021-2025/zone/key-mining/16" in block
    region = client.get("/regions/宽甸").get_data(as_text=True)
    assert region.index(f'data-slug="{SLUG}"') < region.index(f'data-slug="{COUNTY_SLUG}"')


def test_lookups_cut_to_one_plan(three):
    county = three.region("宽甸", doc=COUNTY_SLUG)
    assert [z["id"] for z in county["zones"]] == [
        f"{COUNTY_SLUG}/zone/mining-block/{n}" for n in range(1, 6)
    ]
    assert {r["citation"]["document_slug"] for r in cited(county)} == {COUNTY_SLUG}
    iron = three.mineral("铁", doc="河北省矿产资源总体规划")
    assert [z["name"] for z in iron["zones"]] == [
        "承德滦平铁矿重点勘查区",
        "邯郸武安铁矿重点勘查区",
    ]
    zones = three.zones(zone_type="重点勘查区", doc=OTHER_SLUG)["zones"]
    assert [z["number"] for z in zones] == [1, 2, 3]


def test_a_lookup_in_an_unknown_plan_is_a_clear_message(three):
    with pytest.raises(NotFound, match="没有这个规划"):
        three.region("丹东", doc="吉林省矿产资源总体规划")


def test_rules_name_their_plan_and_cut_to_one(three):
    every = three.rules()["rules"]
    assert {r["citation"]["document_slug"] for r in every} == {SLUG, COUNTY_SLUG, OTHER_SLUG}
    assert all(r["doc"] == r["citation"]["document_slug"] for r in every)
    county = three.rules(doc=COUNTY_SLUG)
    assert county["total"] == len(county["rules"]) > 0
    # 3.2.2 禁止在生态保护红线内新设采矿权。 is a rule of the county plan
    assert f"{COUNTY_SLUG}/3.2.2" in {r["clause_id"] for r in county["rules"]}
    assert {r["citation"]["document_slug"] for r in county["rules"]} == {COUNTY_SLUG}


def test_the_command_line_takes_a_plan(three, capsys):
    from kb.cli.main import main

    assert (
        main(["search", "开采规划区块", "--kb", str(three.root), "--doc", COUNTY_SLUG, "--json"])
        == 0
    )
    hits = json.loads(capsys.readouterr().out)["hits"]
    assert hits and {h["doc"] for h in hits} == {COUNTY_SLUG}
    assert main(["region", "宽甸", "--kb", str(three.root), "--doc", COUNTY_SLUG, "--json"]) == 0
    zones = json.loads(capsys.readouterr().out)["zones"]
    assert [z["code"] for z in zones] == ["KC01", "KC02", "KC03", "KC04", "KC05"]
