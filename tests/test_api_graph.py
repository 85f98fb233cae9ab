"""The region, mineral and zone endpoints: JSON API, HTML twins and the command line."""

from __future__ import annotations

import json

import pytest

from kb.cli.main import main
from tests.conftest import SLUG

ZONE = f"{SLUG}/zone/key-mining/15"


def test_region_api_answers_in_the_contract_shape(client):
    data = client.get("/api/regions/丹东").get_json()
    assert set(data) >= {"region", "zones", "requirements", "mentions", "stances", "projects"}
    assert data["region"]["name"] == "丹东市"
    assert data["region"]["children"] == [
        "元宝区",
        "振兴区",
        "振安区",
        "宽甸满族自治县",
        "东港市",
        "凤城市",
    ]
    assert set(data["zones"][0]) >= {"id", "name", "type", "minerals", "regions", "citation"}
    assert data["counts"]["重点勘查区"] == 9


def test_mineral_api_resolves_aliases(client):
    data = client.get("/api/minerals/B2O3").get_json()
    assert data["mineral"]["name"] == "硼矿"
    assert [i["value"] for i in data["indicators"]] == ["10", "500"]


def test_zones_api_filters(client):
    data = client.get("/api/zones?type=重点开采区&mineral=菱镁").get_json()
    assert [z["id"] for z in data["zones"]] == [f"{SLUG}/zone/key-mining/14", ZONE]
    assert client.get("/api/zones?type=&region=&mineral=").get_json()["total"] == 68


def test_zone_api_lists_requirements_with_citations(client):
    data = client.get(f"/api/zones/{ZONE}").get_json()
    assert data["zone"]["name"] == "辽宁岫岩西沟-小荒沟"
    first = data["requirements"][0]
    assert (first["id"], first["citation"]["text"]) == (
        f"{SLUG}/6.1.4",
        "《辽宁省矿产资源总体规划（2021-2025年）》第六章第一节“加强矿产资源开发利用”，第21页。",
    )


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("/api/regions/纽约", "没有这个地区：纽约。No region named '纽约'."),
        ("/api/minerals/纽约", "没有这个矿种：纽约。No mineral named '纽约'."),
        ("/api/zones/纽约", "没有这个分区：纽约。No zone with id or name '纽约'."),
        ("/api/zones?region=纽约", "没有这个地区：纽约。No region named '纽约'."),
        ("/api/zones?type=纽约", "没有这个分区类型：纽约。No zone type named '纽约'."),
        ("/api/zones?mineral=纽约", "没有这个矿种：纽约。No mineral named '纽约'."),
    ],
)
def test_unknown_names_answer_404_with_suggestions(client, url, message):  # acceptance 5
    response = client.get(url)
    data = response.get_json()
    assert response.status_code == 404
    assert (data["ok"], data["status"], data["error"]) == (False, 404, message)
    assert len(data["suggestions"]) == 5


def test_an_unknown_region_suggests_close_names(client):
    data = client.get("/api/regions/丹冬").get_json()
    assert data["suggestions"] == ["丹东市"]


@pytest.mark.parametrize(
    "url",
    [
        "/api/regions/%20",
        "/api/minerals/" + "矿" * 65,
        "/api/zones?region=" + "丹" * 65,
    ],
)
def test_malformed_names_answer_400(client, url):
    response = client.get(url)
    assert response.status_code == 400
    assert response.get_json()["ok"] is False


@pytest.mark.parametrize(
    ("url", "marker"),
    [
        ("/regions/丹东", "辽宁凤城白云-小佟家堡子（国家级）"),
        ("/minerals/菱镁", "≤3000"),
        ("/zones?region=丹东&type=key-exploration", "宽甸五道岭-于二瘸子（国家级）"),
        (f"/zones/{ZONE}", "明确重点开采区管控要求"),
    ],
)
def test_every_endpoint_has_an_html_twin_with_citations(client, url, marker):
    response = client.get(url)
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert marker in html
    assert 'class="copy"' in html and "复制引用" in html
    assert "《辽宁省矿产资源总体规划（2021-2025年）》" in html


def test_an_unknown_region_page_is_a_404_page(client):
    response = client.get("/regions/纽约")
    assert response.status_code == 404
    assert "沈阳市" in response.get_data(as_text=True)


def _run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_region_prints_zones_and_requirements(capsys, kb_path):
    code, out, _ = _run(capsys, "region", "岫岩", "--kb", str(kb_path))
    assert code == 0
    assert out.splitlines()[0] == "岫岩满族自治县（县级行政区，属鞍山市）"
    assert "[重点开采区] 辽宁岫岩西沟-小荒沟 — 菱镁矿 — 鞍山市" in out
    assert (
        "引用：《辽宁省矿产资源总体规划（2021-2025年）》专栏七“辽宁省矿产资源重点开采区”第15项，第21页。"
        in out
    )


@pytest.mark.parametrize(
    "argv",
    [
        ["region", "丹东"],
        ["mineral", "菱镁"],
        ["zones", "--region", "丹东"],
        ["zone", ZONE],
    ],
)
def test_cli_json_is_the_api_dict(capsys, kb_path, kb, argv):
    code, out, _ = _run(capsys, *argv, "--kb", str(kb_path), "--json")
    assert code == 0
    name = argv[0]
    expected = {
        "region": lambda: kb.region(argv[1]),
        "mineral": lambda: kb.mineral(argv[1]),
        "zones": lambda: kb.zones(region="丹东"),
        "zone": lambda: kb.zone(ZONE),
    }[name]()
    assert json.loads(out) == expected


def test_cli_unknown_name_is_one_line_and_exit_one(capsys, kb_path):  # acceptance 5
    code, out, err = _run(capsys, "region", "纽约", "--kb", str(kb_path))
    assert (code, out) == (1, "")
    assert err == (
        "plankb: 没有这个地区：纽约。No region named '纽约'. "
        "您是否要找：沈阳市、大连市、鞍山市、抚顺市、本溪市\n"
    )
