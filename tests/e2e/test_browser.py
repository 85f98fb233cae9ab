"""End to end in headless Chromium: what a clerk sees and clicks."""

from __future__ import annotations

from tests.conftest import SLUG

CITATION = (
    "《辽宁省矿产资源总体规划（2021-2025年）》第六章第四节“推进菱镁矿高质量开发利用”，第27页。"
)


def test_outline_page_lists_chapters_and_links_to_clauses(server, page):
    page.goto(server + "/outline")
    assert page.locator(".node-chapter > .label").all_inner_texts() == [
        f"第{n}章" for n in "一二三四五六七八九"
    ]
    link = page.locator(f'a[href="/clauses/{SLUG}/6.4.2"]')
    assert link.inner_text() == "严格控制矿山开采规模。"
    assert (
        page.locator(f'a[href="/clauses/{SLUG}/box4/1"]').inner_text()
        == "1、战略性矿产资源调查评价工程"
    )
    link.click()
    page.wait_for_url(f"**/clauses/{SLUG}/6.4.2")
    assert "最低开采规模为 30 万吨/年" in page.locator("article.clause .text").inner_text()


def test_copy_button_puts_the_citation_on_the_clipboard(server, page):
    page.goto(f"{server}/clauses/{SLUG}/6.4.2")
    page.evaluate("navigator.clipboard.writeText('')")
    button = page.locator("button.copy")
    button.click()
    page.wait_for_selector("button.copy.copied")
    assert button.inner_text() == "已复制"
    assert page.evaluate("navigator.clipboard.readText()") == CITATION


def test_next_link_walks_the_document(server, page):
    page.goto(f"{server}/clauses/{SLUG}/6.4.2")
    page.locator("a[rel=next]").click()
    page.wait_for_url(f"**/clauses/{SLUG}/6.4.3")
    assert page.locator(".lead").first.inner_text() == "强化供给总量控制。"


def test_error_page_for_unknown_clause(server, page):
    response = page.goto(f"{server}/clauses/{SLUG}/6.4.9")
    assert response.status == 404
    assert page.locator("h1").inner_text() == "未找到"
    assert page.locator(".error a").all_inner_texts()[0] == f"{SLUG}/6.4.3"
