"""Questions over HTTP (`GET /api/ask`, the `/ask` page, the answer card on `/search`, the
question box on the home page) and on the command line."""

from __future__ import annotations

import json

import pytest

from kb.cli.main import main
from kb.errors import BadQuery

QUESTION = "哪些矿种禁止开采？"


def test_api_ask_returns_what_the_kb_answers(client, kb):
    response = client.get("/api/ask", query_string={"q": QUESTION})
    assert response.status_code == 200
    data = response.get_json()
    assert data == kb.ask(QUESTION)
    assert {"question", "understood", "status", "answer", "facts", "citations"} <= set(data)


def test_the_ask_page_shows_the_answer_with_its_citations(client):
    page = client.get("/ask", query_string={"q": QUESTION}).get_data(as_text=True)
    assert 'data-status="answered"' in page
    assert "禁止开采蓝石棉、可耕地的砖瓦用粘土等矿产；" in page
    assert "第六章第一节“加强矿产资源开发利用”" in page


def test_a_question_typed_into_search_gets_an_answer_card_above_the_hits(client):
    page = client.get("/search", query_string={"q": "菱镁矿年开采总量控制在多少？"})
    text = page.get_data(as_text=True)
    assert text.index('class="answer') < text.index('class="hits"')
    assert "≤3000" in text


def test_a_plain_search_gets_no_answer_card(client):
    text = client.get("/search", query_string={"q": "菱镁矿 开采规模"}).get_data(as_text=True)
    assert 'class="answer' not in text


def test_a_typo_is_offered_as_did_you_mean_on_the_search_page(client):
    text = client.get("/search", query_string={"q": "最底开采规模"}).get_data(as_text=True)
    assert "您是不是要找" in text and "最低开采规模" in text


def test_the_home_page_has_a_question_box(client):
    text = client.get("/").get_data(as_text=True)
    assert 'action="/ask"' in text and 'name="q"' in text


def test_a_blank_question_shows_the_empty_form(client):
    response = client.get("/ask", query_string={"q": " "})
    assert response.status_code == 200
    assert 'class="answer' not in response.get_data(as_text=True)


@pytest.mark.parametrize("q", ["", "问" * 201])
def test_api_ask_answers_bad_input_with_the_one_error_shape(client, kb, q):
    response = client.get("/api/ask", query_string={"q": q})
    with pytest.raises(BadQuery) as exc:
        kb.ask(q)
    assert (response.status_code, response.get_json()) == (
        400,
        {"ok": False, "error": str(exc.value), "status": 400},
    )


def test_cli_ask_prints_json_like_the_api(client, kb_path, capsys):
    assert main(["ask", "--kb", str(kb_path), "--json", QUESTION]) == 0
    assert (
        json.loads(capsys.readouterr().out)
        == client.get("/api/ask", query_string={"q": QUESTION}).get_json()
    )


def test_cli_ask_prints_the_answer_and_each_citation(kb_path, capsys):
    assert main(["ask", "--kb", str(kb_path), "硼矿最低开采规模是多少？"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("【规划文本未载明】")
    assert "附表7" in out
    annex = "附表7“辽宁省重点矿种矿山最低开采规模规划表”。"
    assert f"引用：《辽宁省矿产资源总体规划（2021-2025年）》{annex}" in out
