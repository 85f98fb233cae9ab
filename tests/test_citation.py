"""Acceptance 5: `plankb show` and /api/clauses/<id> give the citation a clerk pastes."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.conftest import ROOT, SLUG

BOOK = "《辽宁省矿产资源总体规划（2021-2025年）》"
CITATIONS = {
    "6.4.2": f"{BOOK}第六章第四节“推进菱镁矿高质量开发利用”，第27页。",
    "box5/16": f"{BOOK}专栏五“重点勘查区”第16项，第18页。",
    "3.1.2": f"{BOOK}第三章第一节“2025年规划目标”，第9页。",
    "general/1": f"{BOOK}总则，第1页。",
    "closing/2": f"{BOOK}附则，第39页。",
    "box4/1": f"{BOOK}专栏四“矿产资源调查评价工程”第1项，第16页。",
    "box1/8": f"{BOOK}专栏一“辽宁省‘十四五’规划主要指标”第8项，第10页。",
    "box1/note": f"{BOOK}专栏一“辽宁省‘十四五’规划主要指标”注，第10页。",
    "annex-table/7": f"{BOOK}附表7“辽宁省重点矿种矿山最低开采规模规划表”。",
}
# GB/T 7714—2015 for a document of type [Z]: issuer (辽宁省人民政府, the plan's title page), title,
# year of issue (2022) and the page the table of contents gives for the clause's section.
GBT = "辽宁省人民政府. 辽宁省矿产资源总体规划（2021-2025年）[Z]. 2022"
GBT7714 = {
    "6.4.2": f"{GBT}: 27.",  # 第四节 推进菱镁矿高质量开发利用 …… - 27 -
    "box5/16": f"{GBT}: 18.",  # 专栏五 rows: §5.2 starts p.17, a page break in 5.2.2 comes first
    "4.1.2": f"{GBT}: 12.",  # 第一节 打造勘查开发战略引领布局 …… - 12 -
}


def plankb(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "kb", *args], cwd=ROOT, capture_output=True, text=True
    )


@pytest.mark.parametrize(("local", "text"), CITATIONS.items())
def test_api_citation_text(client, local, text):
    data = client.get(f"/api/clauses/{SLUG}/{local}").get_json()
    assert data["citation"]["text"] == text


def test_cli_show_prints_the_citation(kb_path, kb):
    result = plankb("show", f"{SLUG}/6.4.2", "--kb", str(kb_path))
    assert result.returncode == 0, result.stderr
    text = kb.clause(f"{SLUG}/6.4.2")["text"]
    assert "最低开采规模为 30 万吨/年" in text
    assert result.stdout.splitlines() == [
        f"{SLUG}/6.4.2",
        "第六章 强化矿产资源开发利用与保护 > 第四节 推进菱镁矿高质量开发利用",
        "【严格控制矿山开采规模。】",
        text,
        f"引用：{CITATIONS['6.4.2']}",
    ]


@pytest.mark.parametrize(("local", "text"), GBT7714.items())
def test_gbt7714_in_the_json_and_the_cli(client, kb_path, local, text):
    data = client.get(f"/api/clauses/{SLUG}/{local}").get_json()
    assert data["citation"]["styles"]["gbt7714"] == text
    result = plankb("show", f"{SLUG}/{local}", "--style", "gbt7714", "--kb", str(kb_path))
    assert result.stdout.splitlines()[-1] == f"引用：{text}"


def test_cli_refuses_an_unknown_style(kb_path):
    result = plankb("show", f"{SLUG}/6.4.2", "--style", "apa", "--kb", str(kb_path))
    assert result.returncode == 2
    assert "invalid choice: 'apa'" in result.stderr


def test_clause_page_offers_both_styles_and_the_quotation(client):
    html = client.get(f"/clauses/{SLUG}/6.4.2?style=gbt7714").get_data(as_text=True)
    text = client.get(f"/api/clauses/{SLUG}/6.4.2").get_json()["text"]
    assert f'<span class="cite-text">{GBT7714["6.4.2"]}</span>' in html
    assert f'data-copy="“{text}”{GBT7714["6.4.2"]}"' in html
    assert '<option value="gbt7714" selected>GB/T 7714—2015</option>' in html
    plain = client.get(f"/clauses/{SLUG}/6.4.2").get_data(as_text=True)
    assert f'data-copy="“{text}”{CITATIONS["6.4.2"]}"' in plain
    assert '<option value="plan" selected>规划原文格式</option>' in plain


def test_clause_page_refuses_an_unknown_style(client):
    response = client.get(f"/clauses/{SLUG}/6.4.2?style=apa")
    assert response.status_code == 400
    assert "参数 style 不能是 apa（可选 plan、gbt7714）" in response.get_data(as_text=True)


def test_cli_show_table_row(kb_path):
    result = plankb("show", f"{SLUG}/box5/16", "--kb", str(kb_path))
    assert result.stdout.splitlines() == [
        f"{SLUG}/box5/16",
        "第五章 加强矿产资源调查评价与勘查 > 第二节 推进重要勘查区域找矿增储 > 专栏五 重点勘查区",
        "  序号：16",
        "  名称：宽甸五道岭-于二瘸子（国家级）",
        "  主要矿种：硼",
        "  所在行政区：丹东",
        f"引用：{CITATIONS['box5/16']}",
    ]


def test_cli_json_equals_api(kb_path, client):
    for local in CITATIONS:
        result = plankb("show", f"{SLUG}/{local}", "--json", "--kb", str(kb_path))
        assert json.loads(result.stdout) == client.get(f"/api/clauses/{SLUG}/{local}").get_json()


def test_api_clause_whole_structure(client):
    data = client.get(f"/api/clauses/{SLUG}/6.4.2").get_json()
    text = data.pop("text")
    assert "最低开采规模为 30 万吨/年" in text
    span = data.pop("span")
    assert span[1] - span[0] == len(text)
    assert data == {
        "id": f"{SLUG}/6.4.2",
        "doc": SLUG,
        "kind": "paragraph",
        "path": ["第六章 强化矿产资源开发利用与保护", "第四节 推进菱镁矿高质量开发利用"],
        "page": 27,
        "title": "严格控制矿山开采规模。",
        "chapter": 6,
        "section": 4,
        "box": None,
        "item": None,
        "part": "body",
        "fields": None,
        "pages": [27, 27],
        "note": None,
        "citation": {
            "text": CITATIONS["6.4.2"],
            "styles": {"plan": CITATIONS["6.4.2"], "gbt7714": GBT7714["6.4.2"]},
            "document": "辽宁省矿产资源总体规划（2021-2025年）",
            "document_slug": SLUG,
            "issuer": "辽宁省人民政府",
            "date": "2022-10",
            "chapter": "第六章 强化矿产资源开发利用与保护",
            "section": "第四节 推进菱镁矿高质量开发利用",
            "box": None,
            "item": None,
            "page": 27,
            "pages": [27, 27],
            "clause_id": f"{SLUG}/6.4.2",
            "permalink": f"/clauses/{SLUG}/6.4.2",
        },
        "quotation": {
            "plan": f"“{text}”{CITATIONS['6.4.2']}",
            "gbt7714": f"“{text}”{GBT7714['6.4.2']}",
        },
        "document": {
            "slug": SLUG,
            "title": "辽宁省矿产资源总体规划（2021-2025年）",
            "issuer": "辽宁省人民政府",
            "date": "2022-10",
            "source": "liaoning-mineral-plan-2021-2025.txt",
            "clauses": 191,
            # the profile, from the title 辽宁省矿产资源总体规划（2021-2025年）
            "level": "省",
            "region": "辽宁省",
            "province": "辽宁省",
            "period": "2021-2025",
            "status": "现行",
        },
        "context": {
            "previous": {
                "id": f"{SLUG}/6.4.1",
                "title": None,
                "path": data["context"]["previous"]["path"],
                "text": data["context"]["previous"]["text"],
            },
            "next": {
                "id": f"{SLUG}/6.4.3",
                "title": "强化供给总量控制。",
                "path": data["context"]["next"]["path"],
                "text": data["context"]["next"]["text"],
            },
        },
    }


def test_clause_page_shows_text_and_copyable_citation(client):
    html = client.get(f"/clauses/{SLUG}/6.4.2").get_data(as_text=True)
    assert "最低开采规模为 30 万吨/年" in html
    assert f'data-copy="{CITATIONS["6.4.2"]}"' in html


def test_unknown_clause_is_404_with_suggestions(client, kb_path):
    response = client.get(f"/api/clauses/{SLUG}/6.4.9")
    assert response.status_code == 404
    assert response.get_json() == {
        "ok": False,
        "status": 404,
        "error": f"没有编号为 {SLUG}/6.4.9 的条文。No clause with id '{SLUG}/6.4.9'.",
        "suggestions": [
            f"{SLUG}/6.4.3",
            f"{SLUG}/6.4.2",
            f"{SLUG}/6.4.1",
            f"{SLUG}/9.4.2",
            f"{SLUG}/9.4.1",
        ],
    }
    result = plankb("show", "nonsense", "--kb", str(kb_path))
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == "plankb: 没有编号为 nonsense 的条文。No clause with id 'nonsense'.\n"


def test_search_hits_offer_the_quotation_too(client):
    html = client.get("/search?q=宽甸五道岭").get_data(as_text=True)
    hit = client.get(f"/api/clauses/{SLUG}/box5/16").get_json()
    assert f'data-copy="“{hit["text"]}”{CITATIONS["box5/16"]}"' in html
