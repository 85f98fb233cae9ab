"""Honest gaps (issue 9): what the plan names but its text does not hold says where it is, and no
lookup shows an empty list where the plan says the list exists elsewhere."""

from __future__ import annotations

import pytest

from tests.conftest import SLUG
from tests.test_outline import ANNEX_MAPS, ANNEX_TABLES

BOOK = "《辽宁省矿产资源总体规划（2021-2025年）》"

# Read off the plan: 5.2.4 “划定…的 8 个勘查规划区块，其他…的勘查规划区块在市级规划中落实”;
# 6.1.5 “…6 个开采规划区块，其他…的开采规划区块在市级规划中落实”; 6.5.3 “新立普通建筑用砂石
# 采矿权原则上均应分布在集中开采区内，并在县级规划中落实”. No 专栏 lists any of the three.
ELSEWHERE = {
    "勘查规划区块": (
        "勘查规划区块：本规划划定 8 个，名录见附表4，其他的在市级规划中落实；本文本不含其名录。",
        ["附表4", "市级规划"],
        f"{BOOK}第五章第二节“推进重要勘查区域找矿增储”，第18页。",
    ),
    "开采规划区块": (
        "开采规划区块：本规划划定 6 个，名录见附表6，其他的在市级规划中落实；本文本不含其名录。",
        ["附表6", "市级规划"],
        f"{BOOK}第六章第一节“加强矿产资源开发利用”，第22页。",
    ),
    "集中开采区": (
        "集中开采区：在县级规划中落实；本文本不含其名录。",
        ["县级规划"],
        f"{BOOK}第六章第五节“规范普通建筑用砂石土矿开发利用”，第28页。",
    ),
}


@pytest.mark.parametrize(("zone_type", "expected"), ELSEWHERE.items())
def test_a_zone_type_listed_elsewhere_says_where(kb, zone_type, expected):
    data = kb.zones(zone_type=zone_type)
    assert data["total"] == 0
    assert [(g["note"], g["where"], g["citation"]["text"]) for g in data["elsewhere"]] == [expected]


def test_no_zone_lookup_is_empty_where_the_plan_keeps_the_list_elsewhere(kb):
    """Acceptance 3: every zone type, alone and in every city, shows zones or where they are."""
    cities = [r["name"] for r in kb.regions()["regions"] if r["level"] == "prefecture"]
    empty = [
        (zone_type, city)
        for zone_type in kb.zones()["types"]
        for city in [None, *cities]
        if not (data := kb.zones(zone_type=zone_type, region=city))["zones"]
        and zone_type in ELSEWHERE
        and not data["elsewhere"]
    ]
    assert len(cities) == 14 and empty == []
    for page in (kb.region("岫岩"), kb.region("丹东"), kb.mineral("硼"), kb.zones()):
        assert [g["zone_type"] for g in page["elsewhere"]] == list(ELSEWHERE)


def test_the_zones_page_shows_where_the_list_is_not_none(client):
    page = client.get("/zones", query_string={"type": "勘查规划区块"}).get_data(as_text=True)
    assert ELSEWHERE["勘查规划区块"][0] in page and '<p class="meta">无</p>' not in page
    assert (
        "<q>在能源资源基地和国家规划矿区内划定省级以上出让登记管理权限矿种的 8 个勘查规划区块"
        in page
    )


ANNEXES = [("table", n, t, "附表") for n, t in enumerate(ANNEX_TABLES, 1)] + [
    ("map", n, t, "附图") for n, t in enumerate(ANNEX_MAPS, 1)
]


@pytest.mark.parametrize(("kind", "number", "title", "label"), ANNEXES)
def test_every_annex_entry_says_the_text_does_not_hold_it(client, kind, number, title, label):
    data = client.get(f"/api/clauses/{SLUG}/annex-{kind}/{number}").get_json()
    assert (data["text"], data["note"]) == (
        title,
        f"{label}{number}“{title}”不在本文本中：文本只列出它的名称。",
    )
    page = client.get(f"/clauses/{SLUG}/annex-{kind}/{number}").get_data(as_text=True)
    assert data["note"] in page


def test_searching_an_annex_label_finds_the_entry(kb):
    for query, local in (
        ("附表7", "annex-table/7"),
        ("附表4", "annex-table/4"),
        ("附图5", "annex-map/5"),
    ):
        assert kb.search(query)["hits"][0]["id"] == f"{SLUG}/{local}"


def test_cli_zones_prints_where_the_list_is(kb_path):
    import subprocess
    import sys

    from tests.conftest import ROOT

    out = subprocess.run(
        [sys.executable, "-m", "kb", "zones", "--type", "集中开采区", "--kb", str(kb_path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    ).stdout
    assert out.splitlines() == [
        "分区（集中开采区）：共 0 个",
        f"  〔文本之外〕{ELSEWHERE['集中开采区'][0]}",
        f"      引用：{ELSEWHERE['集中开采区'][2]}",
    ]
