"""End to end in headless Chromium: searching, looking up a region, following a zone."""

from __future__ import annotations

from tests.conftest import SLUG

BOOK = "《辽宁省矿产资源总体规划（2021-2025年）》"


def test_search_from_the_header_box(server, page):
    page.goto(server + "/outline")
    page.fill("header form.search-box input[name=q]", "菱镁矿 开采规模")
    page.press("header form.search-box input[name=q]", "Enter")
    page.wait_for_selector("ol.hits li.hit")
    hits = page.locator("ol.hits li.hit")
    assert [hits.nth(i).get_attribute("data-id") for i in range(hits.count())] == [
        f"{SLUG}/6.4.2",
        f"{SLUG}/6.4.3",
    ]
    first = hits.first
    assert first.locator(".snippet mark").all_inner_texts() == ["开采规模"] * 3
    assert first.locator(".cite-text").inner_text() == (
        f"{BOOK}第六章第四节“推进菱镁矿高质量开发利用”，第27页。"
    )


def test_search_hit_citation_copies(server, page):
    page.goto(server + "/search?q=" + "宽甸五道岭")
    page.evaluate("navigator.clipboard.writeText('')")
    page.locator("li.hit button.copy").first.click()
    page.wait_for_selector("li.hit button.copy.copied")
    assert (
        page.evaluate("navigator.clipboard.readText()")
        == f"{BOOK}专栏五“重点勘查区”第16项，第18页。"
    )


def test_markup_in_a_query_is_text(server, page):
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(server + "/search?q=%3Cscript%3Ealert(1)%3C/script%3E")
    assert dialogs == []
    assert page.locator("form.search-main input[name=q]").input_value() == (
        "<script>alert(1)</script>"
    )


def test_empty_search_page_is_the_search_form(server, page):
    response = page.goto(server + "/search?q=%20")
    assert response.status == 200
    assert page.locator("form.search-main").count() == 1
    assert page.locator("ol.hits").count() == 0


def test_unanswerable_query_gets_a_message_on_the_search_page(server, page):
    response = page.goto(server + "/search?q=-硼")
    assert response.status == 400
    assert "查询中只有排除词" in page.locator("main").inner_text()
    assert page.locator("form.search-main input[name=q]").input_value() == "-硼"


def test_region_page_to_zone_requirements(server, page):
    page.goto(server + "/regions/丹东")
    assert page.locator("h1").first.inner_text() == "丹东市"
    rows = page.locator("table.zones tr.zone[data-type=国家规划矿区] td:nth-child(2)")
    assert rows.all_inner_texts() == ["辽宁凤城白云-青城子", "辽宁凤城翁泉沟-宽甸砖庙"]
    page.goto(server + "/regions/岫岩")
    page.locator("table.zones tr.zone", has_text="辽宁岫岩西沟-小荒沟").locator("a").first.click()
    page.wait_for_selector("section.requirements li.requirement")
    first = page.locator("section.requirements li.requirement").first
    assert first.get_attribute("data-id") == f"{SLUG}/6.1.4"
    assert first.locator(".cite-text").inner_text() == (
        f"{BOOK}第六章第一节“加强矿产资源开发利用”，第21页。"
    )


def test_unknown_region_page_links_the_suggestion(server, page):
    response = page.goto(server + "/regions/丹冬")
    assert response.status == 404
    page.locator(".suggestions a", has_text="丹东市").click()
    page.wait_for_selector("article.region")
    assert page.locator("article.region").get_attribute("data-name") == "丹东市"


def test_nav_to_the_mineral_list_and_on_to_a_mineral(server, page):
    page.goto(server + "/outline")
    page.locator("header nav a", has_text="矿种").click()
    page.wait_for_selector("tr.mineral")
    row = page.locator('tr.mineral[data-name="菱镁矿"]')
    # 3.1.1 总量控制, 5.2.1 限制勘查, 6.1.2 严格控制开采, 6.4.2 禁止新建露天矿山 / 既有露天矿山
    stances = ["总量控制", "限制勘查", "限制开采", "禁止新建", "禁止露天开采"]
    assert row.locator(".tag").all_inner_texts() == stances
    row.locator("a").click()
    page.wait_for_url("**/minerals/**")
    assert page.locator("h1").first.inner_text().startswith("菱镁矿")


def test_rules_form_from_the_nav_shows_conditions_and_citations(server, page):
    page.goto(server + "/outline")
    page.locator("header nav a", has_text="规则").click()
    page.wait_for_url("**/rules")
    page.fill("form.rule-filter input[name=mineral]", "砖瓦用黏土")  # the alias of 砖瓦用粘土
    page.select_option("form.rule-filter select[name=modality]", "forbidden")
    page.locator("form.rule-filter button").click()
    page.wait_for_url("**/rules?**")
    rows = page.locator("tr.rule")
    assert rows.count() == 1  # 6.1.1 禁止开采蓝石棉、可耕地的砖瓦用粘土等矿产
    assert rows.first.locator(".condition").inner_text() == "条件：可耕地的"
    assert rows.first.locator(".cite-text").inner_text() == (
        f"{BOOK}第六章第一节“加强矿产资源开发利用”，第21页。"
    )
