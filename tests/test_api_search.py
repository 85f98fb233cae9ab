"""Search over HTTP (`GET /api/search`, the `/search` page) and on the command line."""

from __future__ import annotations

import html
import json
import re

import pytest

from kb.cli.main import main
from kb.errors import BadQuery
from tests.golden_queries import SLUG
from tests.tiny_plan import build_tiny_kb
from web import create_app

QUERY = "菱镁矿 开采规模"


def test_api_search_returns_what_the_kb_returns(client, kb):
    response = client.get("/api/search", query_string={"q": QUERY, "limit": 5})
    assert response.status_code == 200
    assert response.get_json() == kb.search(QUERY, limit=5)


def test_api_search_passes_filters_and_pages(client, kb):
    args = {"q": "硼", "region": "丹东", "kind": "table_row", "limit": 3, "page": 2}
    assert client.get("/api/search", query_string=args).get_json() == kb.search(
        "硼", region="丹东", kind="table_row", limit=3, page=2
    )


def test_cli_and_api_give_the_same_results(client, kb_path, capsys):
    assert (
        main(
            [
                "search",
                "--kb",
                str(kb_path),
                "--json",
                "--limit",
                "5",
                "--region",
                "丹东",
                "硼",
                "-硼泥",
            ]
        )
        == 0
    )
    cli = json.loads(capsys.readouterr().out)
    api = client.get("/api/search", query_string={"q": "硼 -硼泥", "limit": 5, "region": "丹东"})
    assert cli == api.get_json()


def test_cli_prints_hits_with_highlights_and_citations(kb_path, capsys):
    assert main(["search", "--kb", str(kb_path), "--limit", "1", *QUERY.split()]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[:6] == [
        "“菱镁矿 开采规模”：共 2 条，第 1–1 条",
        "",
        f"1. {SLUG}/6.4.2  ({out[2].rsplit('(', 1)[1]}",
        "   第六章 强化矿产资源开发利用与保护 › 第四节 推进菱镁矿高质量开发利用",
        out[4],
        "   引用：《辽宁省矿产资源总体规划（2021-2025年）》第六章第四节"
        "“推进菱镁矿高质量开发利用”，第27页。",
    ]
    assert "最低【开采规模】为 30 万吨/年" in out[4]


def test_cli_reports_a_bad_query_in_one_line(kb_path, capsys):
    assert main(["search", "--kb", str(kb_path), "OR"]) == 1
    assert capsys.readouterr().err == (
        "plankb: 查询中没有可查找的文字（只有标点或符号）。"
        "The query has no letters, digits or Chinese characters to search for.\n"
    )


@pytest.mark.parametrize(
    "args",
    [
        {},
        {"q": ""},
        {"q": "OR OR"},
        {"q": "-硼"},
        {"q": "硼", "limit": "x"},
        {"q": "硼", "limit": "1000"},
        {"q": "硼", "page": "0"},
        {"q": "硼", "region": "火星"},
        {"q": "硼", "chapter": "第十章"},
        {"q": "硼", "kind": "poem"},
    ],
)
def test_api_search_answers_bad_input_with_the_one_error_shape(client, kb, args):
    response = client.get("/api/search", query_string=args)
    with pytest.raises(BadQuery) as exc:
        kb.search(args.get("q", ""), **{k: v for k, v in args.items() if k != "q"})
    assert (response.status_code, response.get_json()) == (
        400,
        {"ok": False, "error": str(exc.value), "status": 400},
    )


ODD = ['"绿色矿山', "title:*", "<script>alert(1)</script>", "硼:金", "硼 OR"]


@pytest.mark.parametrize("q", ODD)
def test_api_search_answers_odd_queries(client, q):
    response = client.get("/api/search", query_string={"q": q})
    assert response.status_code == 200
    assert response.get_json()["query"] == q


def test_search_page_shows_hits_snippets_citations_and_facets(client):
    page = client.get("/search", query_string={"q": QUERY}).get_data(as_text=True)
    assert 'data-total="2"' in page
    assert re.findall(r'<li class="hit" data-id="([^"]+)"', page) == [
        f"{SLUG}/6.4.2",
        f"{SLUG}/6.4.3",
    ]
    assert "最低<mark>开采规模</mark>为 30 万吨/年" in page
    assert (
        'data-copy="《辽宁省矿产资源总体规划（2021-2025年）》第六章第四节'
        '“推进菱镁矿高质量开发利用”，第27页。"'
    ) in page
    assert re.findall(r'data-facet="(\w+)"', page) == ["chapter", "mineral", "kind"]
    assert 'href="/api/search?q=' in page


def test_search_page_facet_links_filter(client, kb):
    page = client.get("/search", query_string={"q": "硼"}).get_data(as_text=True)
    section = page.split('data-facet="region"', 1)[1].split("</section>", 1)[0]
    href, label, count = re.search(
        r'<a href="([^"]+)">([^<]+)</a> <span class="count">(\d+)</span>', section
    ).groups()
    filtered = client.get(html.unescape(href)).get_data(as_text=True)
    assert f'data-total="{count}"' in filtered
    assert f"地区：{label} ✕" in filtered


def test_search_page_pages(client, kb):
    total = kb.search("矿山")["total"]
    page = client.get("/search", query_string={"q": "矿山", "page": 2}).get_data(as_text=True)
    assert '<span aria-current="page">2</span>' in page
    assert '<ol class="hits" start="11">' in page
    assert total > 20 and 'rel="next"' in page and 'rel="prev"' in page


def test_search_page_shows_a_bad_query_as_a_message_not_an_error_page(client):
    response = client.get("/search", query_string={"q": "OR OR"})
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert '<p class="message" role="alert">查询中没有可查找的文字' in page
    assert 'class="search-main"' in page and 'class="error"' not in page


def test_search_page_without_a_query_shows_the_box(client):
    page = client.get("/search").get_data(as_text=True)
    assert 'class="search-main"' in page and 'class="hits"' not in page


def test_every_page_has_a_search_box(client):
    page = client.get("/outline").get_data(as_text=True)
    assert '<form class="search-box" action="/search" method="get" role="search">' in page


@pytest.fixture(scope="module")
def tiny_client(tmp_path_factory):
    path = build_tiny_kb(tmp_path_factory.mktemp("tiny-web"))
    return create_app({"TESTING": True, "KB_PATH": str(path)}).test_client()


def test_markup_in_a_clause_is_escaped_on_the_page(tiny_client):
    page = tiny_client.get("/search", query_string={"q": "网页注入"}).get_data(as_text=True)
    assert "<script>alert" not in page
    assert "标记&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;与 a &lt; b &amp; c &gt; d" in page


def test_markup_in_the_query_is_escaped_on_the_page(tiny_client):
    page = tiny_client.get("/search", query_string={"q": "<script>x</script>"}).get_data(
        as_text=True
    )
    assert "<script>x" not in page
    assert "&lt;script&gt;x&lt;/script&gt;" in page
