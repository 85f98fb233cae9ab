"""The server-drawn SVGs: the map of the 14 cities (one path per city, each a link, the legend's
numbers equal to the page's table) and the neighbourhood graph (every node a link that opens)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from urllib.parse import unquote

import pytest

from tests.conftest import CITIES

SVG = "{http://www.w3.org/2000/svg}"


def svg(html: str, cls: str) -> ET.Element:
    match = re.search(rf'<svg class="{cls}".*?</svg>', html, re.S)
    assert match, f"no svg.{cls} on the page"
    return ET.fromstring(match.group(0))


def map_table(html: str) -> dict[str, int]:
    """The screen-reader table beside the map: {city: zones}."""
    table = re.search(r'<table class="sr-only map-data">.*?</table>', html, re.S).group(0)
    rows = re.findall(r'<tr data-name="([^"]+)"><th scope="row">[^<]+</th><td>(\d+)</td>', table)
    return {name: int(n) for name, n in rows}


def legend(root: ET.Element) -> list[tuple[int, int, int]]:
    """(from, to, cities) of each legend entry."""
    return [
        (int(g.get("data-from")), int(g.get("data-to")), int(g.get("data-cities")))
        for g in root.iter(f"{SVG}g")
        if g.get("class") == "bin"
    ]


# Zones per city read off the plan: 丹东 has 14 (see tests/export_golden.py) and 盘锦 none; of 硼,
# 丹东 has 8 (营口-丹东, 专栏三 9, 专栏五 16–19 and 26, 专栏七 16), 营口 3 (营口-丹东, 专栏五 15,
# 专栏七 17), 大连/鞍山/本溪 1 each (营口-丹东 names 大连市, 海城市 and 岫岩县, 桓仁县); of the
# 重点勘查区, 丹东 has 9 (专栏五 1, 2, 7, 16–19, 26, 28).
MAPS = [
    ("/regions", {"丹东市": 14, "盘锦市": 0}),
    (
        "/minerals/硼",
        {
            "丹东市": 8,
            "营口市": 3,
            "大连市": 1,
            "鞍山市": 1,
            "本溪市": 1,
            **dict.fromkeys(["沈阳市", "抚顺市", "锦州市", "阜新市", "辽阳市", "盘锦市"], 0),
            **dict.fromkeys(["铁岭市", "朝阳市", "葫芦岛市"], 0),
        },
    ),
    ("/zones?type=重点勘查区", {"丹东市": 9, "盘锦市": 0}),
]


@pytest.mark.parametrize(("url", "known"), MAPS)
def test_map_has_one_linked_path_per_city(client, url, known):
    html = client.get(url).get_data(as_text=True)
    root = svg(html, "map")
    links = [a for a in root.iter(f"{SVG}a") if a.get("class") == "city"]
    assert [unquote(a.get("href")) for a in links] == [f"/regions/{c}" for c in CITIES]
    assert [len(a.findall(f"{SVG}path")) for a in links] == [1] * 14
    assert all(a.find(f"{SVG}path").get("d").startswith("M") for a in links)
    table = map_table(html)
    assert list(table) == CITIES
    assert {c: table[c] for c in known} == known
    tooltips = [a.find(f"{SVG}path/{SVG}title").text for a in links]
    assert tooltips == [f"{c}：{table[c]} 个分区" for c in CITIES]


@pytest.mark.parametrize(("url", "known"), MAPS)
def test_legend_counts_the_cities_of_the_table(client, url, known):
    html = client.get(url).get_data(as_text=True)
    table = map_table(html)
    bins = legend(svg(html, "map"))
    assert bins[0] == (0, 0, sum(n == 0 for n in table.values()))
    assert [n for _, _, n in bins] == [
        sum(lo <= z <= hi for z in table.values()) for lo, hi, _ in bins
    ]
    assert bins[-1][1] == max(table.values())
    assert sum(n for _, _, n in bins) == 14


def test_map_numbers_are_the_json_twins(client):
    html = client.get("/regions").get_data(as_text=True)
    cities = client.get("/api/regions").get_json()["cities"]
    assert map_table(html) == {c["name"]: c["zones"] for c in cities}


def test_map_stays_small(client):
    html = client.get("/regions").get_data(as_text=True)
    assert len(re.search(r'<svg class="map".*?</svg>', html, re.S).group(0)) < 40_000


# The neighbourhood of 丹东市: the province above it, its 14 zones, their minerals and its best
# ranked requirement clauses (at most 8).
def test_region_graph_links_every_node(client):
    html = client.get("/regions/丹东").get_data(as_text=True)
    root = svg(html, "net")
    nodes = [a for a in root.iter(f"{SVG}a") if "node" in a.get("class", "")]
    kinds = [a.get("data-kind") for a in nodes]
    assert kinds.count("zone") == 14
    assert kinds.count("region") == 1  # 辽宁省
    minerals = {a.find(f"{SVG}title").text for a in nodes if a.get("data-kind") == "mineral"}
    assert minerals == {"金矿", "菱镁矿", "硼矿", "锌矿", "铜矿", "铌矿", "钽矿", "稀土矿"}
    assert kinds.count("clause") == 8
    assert len(nodes) >= 20
    for a in nodes:
        assert client.get(a.get("href")).status_code == 200, a.get("href")


@pytest.mark.parametrize("url", ["/minerals/铁", "/zones/岫岩西沟-小荒沟"])
def test_graph_on_mineral_and_zone_pages(client, url):
    root = svg(client.get(url).get_data(as_text=True), "net")
    nodes = [a for a in root.iter(f"{SVG}a") if "node" in a.get("class", "")]
    assert nodes
    for a in nodes:
        assert client.get(a.get("href")).status_code == 200, a.get("href")


def test_zone_graph_names_its_type_minerals_and_places(client):
    root = svg(client.get("/zones/岫岩西沟-小荒沟").get_data(as_text=True), "net")
    found = {(a.get("data-kind"), a.find(f"{SVG}title").text) for a in root.iter(f"{SVG}a")}
    # 专栏七 15: 辽宁岫岩西沟-小荒沟 | 菱镁矿 | 鞍山 (岫岩 is 岫岩满族自治县 of 鞍山市)
    assert {("zone_type", "重点开采区"), ("mineral", "菱镁矿"), ("region", "鞍山市")} <= found
    assert ("region", "岫岩满族自治县") in found


@pytest.mark.parametrize(
    "url",
    [
        "/outline",
        "/regions",
        "/regions/丹东",
        "/minerals/硼",
        "/zones?type=重点勘查区",
        "/zones/岫岩西沟-小荒沟",
        "/clauses/liaoning-2021-2025/6.4.2",
        "/search?q=硼",
    ],
)
def test_pages_carry_no_inline_script_or_style(client, url):
    """Everything a page runs or styles comes from web/static/ (a strict CSP allows no more)."""
    html = client.get(url).get_data(as_text=True)
    assert re.findall(r"<script(?![^>]*\bsrc=)[^>]*>", html) == []
    assert re.findall(r"<style\b|\sstyle=\"|\son[a-z]+=\"", html) == []
    assert "http://" not in html.split("<body>", 1)[0].replace('xmlns="http://www.w3.org', "")
