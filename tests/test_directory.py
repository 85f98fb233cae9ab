"""The lists a clerk starts from: /api/regions and /api/minerals and their pages."""

from __future__ import annotations

from tests.conftest import CITIES


def test_region_list_has_the_14_cities_with_their_zone_counts(kb, client):
    data = client.get("/api/regions").get_json()
    assert data == kb.regions()
    cities = [r for r in data["regions"] if r["level"] == "prefecture"]
    assert [c["name"] for c in cities] == CITIES
    for city in cities:
        assert city["zones"] == len(kb.region(city["name"])["zones"])
        assert city["counts"] == kb.region(city["name"])["counts"]
    dandong = next(c for c in cities if c["name"] == "丹东市")
    assert dandong["counts"] == {
        "勘查开发区": 1,
        "国家规划矿区": 2,
        "重点勘查区": 9,
        "重点开采区": 2,
    }


def test_a_county_is_listed_under_its_city(kb):
    xiuyan = next(r for r in kb.regions()["regions"] if r["name"] == "岫岩满族自治县")
    assert (xiuyan["level"], xiuyan["parent"], xiuyan["zones"]) == ("county", "鞍山市", 2)


def test_mineral_list_with_stances_and_indicators(kb, client):
    data = client.get("/api/minerals").get_json()
    assert data == kb.minerals()
    rows = {m["name"]: m for m in data["minerals"]}
    # in reading order: 3.1.1, 5.2.1, 6.1.2 严格控制开采, 6.4.2 (新建露天矿山, 既有露天矿山)
    assert rows["菱镁矿"]["stances"] == [
        "总量控制",
        "限制勘查",
        "限制开采",
        "禁止新建",
        "禁止露天开采",
    ]
    assert (rows["菱镁矿"]["zones"], rows["菱镁矿"]["indicators"]) == (3, 1)
    assert (rows["硼矿"]["zones"], rows["硼矿"]["indicators"]) == (10, 2)
    assert rows["蓝石棉"]["stances"] == ["禁止开采"]
    assert data["total"] == len(rows) == 34


def test_directory_pages_link_to_each_entry(client):
    html = client.get("/regions").get_data(as_text=True)
    assert html.count('<tr class="city"') == 14
    assert 'href="/regions/%E5%B2%AB%E5%B2%A9%E6%BB%A1%E6%97%8F%E8%87%AA%E6%B2%BB%E5%8E%BF"' in html
    html = client.get("/minerals").get_data(as_text=True)
    assert html.count('<tr class="mineral"') == 34
    assert 'href="/minerals/%E8%8F%B1%E9%95%81%E7%9F%BF"' in html
