"""The rules through the web (JSON and page) and the command line, and on the lookup pages."""

from __future__ import annotations

import json

from kb.cli.main import main
from tests.conftest import SLUG


def test_api_rules_is_the_kb_answer(kb, client):
    response = client.get("/api/rules?mineral=菱镁&modality=quota")
    assert response.status_code == 200
    data = response.get_json()
    assert data == kb.rules(mineral="菱镁", modality="quota")
    # 专栏一 ≤3000; 6.4.2 中型以上, 30 万吨/年, 重组后 30 万吨/年以上, 小型 10 万吨/年以上
    assert [r["quantity"]["text"] for r in data["rules"]] == [
        "≤3000",
        "中型以上",
        "30 万吨/年",
        "30 万吨/年以上",
        "10 万吨/年以上",
    ]


def test_rules_page_shows_each_rule_with_condition_and_citation(client):
    page = client.get("/rules?mineral=煤炭&modality=forbidden").get_data(as_text=True)
    assert "条件：砷和放射性等有害物质超过规定标准的" in page
    assert "禁止开采砷和放射性等有害物质超过规定标准的煤炭项目。" in page
    assert "第六章第一节“加强矿产资源开发利用”，第21页。" in page
    assert 'href="/api/rules?mineral=' in page


def test_rules_page_and_api_refuse_bad_filters_with_a_message(client):
    api = client.get("/api/rules?modality=banned")
    assert api.status_code == 400 and "banned" in api.get_json()["error"]
    page = client.get("/rules?mineral=菱美矿")
    assert page.status_code == 404 and "菱镁矿" in page.get_data(as_text=True)  # a suggestion


def test_mineral_region_and_zone_pages_have_a_rules_section(kb, client):
    mineral = client.get("/api/minerals/泥炭").get_json()
    assert [(r["modality"], r["condition"]) for r in mineral["rules"]] == [("restricted", "湿地")]
    assert "条件：湿地" in client.get("/minerals/泥炭").get_data(as_text=True)
    region = client.get("/api/regions/朝阳").get_json()
    assert {"锰矿", "膨润土", "萤石"} <= {
        m for r in region["rules"] for m in r["subjects"]["minerals"]
    }
    zone = kb.zone("辽宁岫岩西沟-小荒沟")
    assert {r["clause_id"] for r in zone["rules"]} == {f"{SLUG}/6.1.4"}  # 重点开采区内，…
    assert 'class="rules"' in client.get(f"/zones/{zone['zone']['id']}").get_data(as_text=True)


def test_cli_rules_prints_text_and_json(kb_path, capsys):
    assert main(["rules", "--kb", str(kb_path), "--mineral", "菱镁矿", "--action", "新建"]) == 0
    out = capsys.readouterr().out
    assert "[禁止（原则上）] 新建、露天开采 · 菱镁矿：原则上禁止新建露天矿山" in out
    assert "数量：中型以上（不低于）" in out
    assert main(["rules", "--kb", str(kb_path), "--region", "岫岩", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["filters"]["region"] == "岫岩满族自治县"


def test_cli_rules_bad_input_is_one_line_and_exit_1(kb_path, capsys):
    assert main(["rules", "--kb", str(kb_path), "--mineral", "菱美"]) == 1
    err = capsys.readouterr().err
    assert (
        err.startswith("plankb: 没有这个矿种：菱美") and "菱镁矿" in err and "Traceback" not in err
    )


def test_api_general_flag_adds_province_wide_rules(kb, client):
    data = client.get("/api/rules?mineral=菱镁矿&region=岫岩&general=1").get_json()
    assert data == kb.rules(mineral="菱镁矿", region="岫岩", general=True)
    assert data["total"] > kb.rules(mineral="菱镁矿", region="岫岩")["total"]
    off = client.get("/api/rules?mineral=菱镁矿&region=岫岩&general=0").get_json()
    assert off == kb.rules(mineral="菱镁矿", region="岫岩")
