"""End to end in Chromium (issue 12): downloads, print, the map, the quotation, a phone screen;
and screenshots of every page, desktop and phone, into var/screenshots/ (named at the end of
`make test`)."""

from __future__ import annotations

import csv
import io
import unicodedata
from datetime import date
from urllib.parse import quote

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from tests.conftest import ROOT, SLUG
from tests.export_golden import DANDONG_ZONES, ZONE_HEADERS

SCREENSHOTS = ROOT / "var" / "screenshots"
PHONE = {"width": 390, "height": 844}
PAGES = {
    "outline": "/outline",
    "clause": f"/clauses/{SLUG}/6.4.2",
    "clause-gbt7714": f"/clauses/{SLUG}/6.4.2?style=gbt7714",
    "search": "/search?q=菱镁矿 开采规模",
    "regions": "/regions",
    "region-dandong": "/regions/丹东",
    "region-xiuyan": "/regions/岫岩",
    "minerals": "/minerals",
    "mineral-boron": "/minerals/硼",
    "mineral-iron": "/minerals/铁",
    "zones": "/zones",
    "zones-exploration": "/zones?type=重点勘查区",
    "zones-dandong": "/zones?region=丹东",
    "zone": "/zones/岫岩西沟-小荒沟",
    "rules": "/rules?mineral=菱镁矿",
    "ask": "/ask?q=丹东有哪些硼矿重点勘查区？",
    "search-question": "/search?q=哪些矿种禁止开采？",
    "check": "/check?kind=新建&mineral=菱镁矿&place=岫岩&method=露天&scale=20万吨/年",
    "documents": "/documents",
    "error": f"/clauses/{SLUG}/6.4.9",
}


def download(page, selector: str):
    with page.expect_download() as info:
        page.locator(selector).first.click()
    return info.value


def expected_rows(server: str, page) -> list[list[str]]:
    ids = page.locator("table.zones tr.zone").evaluate_all("rows => rows.map(r => r.dataset.id)")
    return [
        [str(n), *row, f"{server}/zones/{zone_id}"]
        for n, (row, zone_id) in enumerate(zip(DANDONG_ZONES, ids, strict=True), 1)
    ]


def test_download_the_xlsx_of_dandongs_zones(server, page):
    page.goto(server + "/zones?region=丹东")
    file = download(page, "a.export[data-format=xlsx]")
    assert file.suggested_filename == "分区-丹东.xlsx"
    sheet = load_workbook(io.BytesIO(file.path().read_bytes()))["分区"]
    rows = [["" if c is None else str(c) for c in row] for row in sheet.values]
    assert rows == [ZONE_HEADERS, *expected_rows(server, page)]
    assert sheet.freeze_panes == "A2"


def test_download_the_csv_of_dandongs_zones(server, page):
    page.goto(server + "/zones?region=丹东")
    file = download(page, "a.export[data-format=csv]")
    data = file.path().read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows == [ZONE_HEADERS, *expected_rows(server, page)]


def unradical(text: str) -> str:
    """The CJK font maps some glyphs to Kangxi radicals (⾃ U+2F83 for 自): back to characters."""
    return "".join(
        unicodedata.normalize("NFKC", c) if "\u2f00" <= c <= "\u2fdf" else c for c in text
    )


def test_print_the_xiuyan_page(server, page):
    page.goto(server + "/regions/岫岩")
    pdf = PdfReader(io.BytesIO(page.pdf(format="A4")))
    text = unradical("".join(p.extract_text() for p in pdf.pages)).replace("\n", "")
    today = date.today()
    for absent in ("PlanKB 规划知识库", "目录", "搜索", "复制引用", "导出", "JSON"):
        assert absent not in text, absent
    assert "岫岩满族自治县" in text
    assert "资料来源：《辽宁省矿产资源总体规划（2021-2025年）》" in text
    assert f"打印日期：{today.year}年{today.month}月{today.day}日" in text
    assert f"{server}/regions/岫岩" in text


def test_click_a_city_on_the_map(server, page):
    page.goto(server + "/regions")
    page.locator('svg.map a.city[data-name="丹东市"] path').click()
    page.wait_for_url(f"**/regions/{quote('丹东市')}")
    assert page.locator("h1").inner_text() == "丹东市"


def test_copy_the_quotation_with_its_source(server, page):
    text = page.request.get(f"{server}/api/clauses/{SLUG}/6.4.2").json()["text"]
    page.goto(f"{server}/clauses/{SLUG}/6.4.2")
    page.evaluate("navigator.clipboard.writeText('')")
    page.locator("button.copy-quote").click()
    page.wait_for_selector("button.copy-quote.copied")
    assert page.evaluate("navigator.clipboard.readText()") == (
        f"“{text}”《辽宁省矿产资源总体规划（2021-2025年）》第六章第四节“推进菱镁矿高质量开发利用”，第27页。"
    )


def test_choose_the_gbt7714_style(server, page):
    page.goto(f"{server}/clauses/{SLUG}/6.4.2")
    page.select_option("form.cite-style select", "gbt7714")
    page.wait_for_url("**style=gbt7714")
    assert page.locator(".citation .cite-text").inner_text() == (
        "辽宁省人民政府. 辽宁省矿产资源总体规划（2021-2025年）[Z]. 2022: 27."
    )


@pytest.fixture()
def phone(browser):
    context = browser.new_context(viewport=PHONE, locale="zh-CN", is_mobile=True)
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("name", PAGES)
def test_phone_no_sideways_scroll_and_nav_labels_whole(server, phone, name):
    phone.goto(server + PAGES[name])
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    phone.screenshot(path=SCREENSHOTS / f"{name}-phone.png", full_page=True)
    width = phone.evaluate("document.scrollingElement.scrollWidth")
    assert width <= phone.evaluate("innerWidth"), name
    lines = phone.locator("header.top nav a").evaluate_all(
        "links => links.map(a => a.getClientRects().length)"
    )
    assert len(lines) >= 6 and lines == [1] * len(lines)  # each nav label on one line
    heights = phone.locator("header.top nav a").evaluate_all(
        "links => links.map(a => a.getBoundingClientRect().height)"
    )
    assert max(heights) < 2 * min(heights) + 1
    box = phone.locator("header form.search-box input").bounding_box()
    assert box["width"] >= 150 and box["x"] + box["width"] <= PHONE["width"]


@pytest.mark.parametrize("name", PAGES)
def test_desktop_screenshot(server, page, name):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(server + PAGES[name])
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / f"{name}-desktop.png", full_page=True)
    assert page.evaluate("document.scrollingElement.scrollWidth") <= 1280
