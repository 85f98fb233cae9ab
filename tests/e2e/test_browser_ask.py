"""End to end in headless Chromium: a question from the home page's box, and a question typed
into the search box."""

from __future__ import annotations

from tests.conftest import SLUG

BOOK = "《辽宁省矿产资源总体规划（2021-2025年）》"


def test_a_question_from_the_home_page_box(server, page):
    page.goto(server + "/")
    page.fill("form.ask-form input[name=q]", "丹东有哪些硼矿重点勘查区？")
    page.press("form.ask-form input[name=q]", "Enter")
    page.wait_for_selector("section.answer")
    assert page.locator("section.answer").get_attribute("data-status") == "answered"
    facts = page.locator("section.answer li.fact")
    # 专栏五 rows 16–19 and 26 are the 硼 rows placed in 丹东
    assert [facts.nth(i).get_attribute("data-id") for i in range(facts.count())] == [
        f"{SLUG}/box5/{n}" for n in (16, 17, 18, 19, 26)
    ]
    # box rows cite their page (18: after 5.2.2, the audit in tests/audit/pages.csv)
    assert (
        facts.first.locator(".cite-text").inner_text()
        == f"{BOOK}专栏五“重点勘查区”第16项，第18页。"
    )


def test_a_question_typed_into_search_shows_the_answer_above_the_hits(server, page):
    page.goto(server + "/outline")
    page.fill("header form.search-box input[name=q]", "硼矿最低开采规模是多少？")
    page.press("header form.search-box input[name=q]", "Enter")
    page.wait_for_selector("section.answer")
    card = page.locator("section.answer")
    assert card.get_attribute("data-status") == "not_in_text"
    assert "附表7" in card.locator(".answer-text").inner_text()
    top = page.evaluate("document.querySelector('section.answer').getBoundingClientRect().top")
    hits = page.evaluate("document.querySelector('ol.hits').getBoundingClientRect().top")
    assert top < hits
