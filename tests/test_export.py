"""Exports: `?format=csv|xlsx` on every list endpoint (issue 12), read back with `csv` and
openpyxl; every expected value is read off the plan (see tests/export_golden.py)."""

from __future__ import annotations

import csv
import io
from urllib.parse import quote

import pytest
from openpyxl import load_workbook

from tests.conftest import SLUG
from tests.export_golden import DANDONG_ZONES, ZONE_HEADERS

BOM = b"\xef\xbb\xbf"


def csv_rows(client, url: str) -> list[list[str]]:
    response = client.get(url)
    assert response.status_code == 200, response.get_data(as_text=True)
    assert response.mimetype == "text/csv"
    assert response.data.startswith(BOM)
    return list(csv.reader(io.StringIO(response.data.decode("utf-8-sig"))))


def xlsx_book(client, url: str):
    response = client.get(url)
    assert response.status_code == 200, response.get_data(as_text=True)
    assert response.mimetype.endswith("spreadsheetml.sheet")
    return load_workbook(io.BytesIO(response.data))


def zone_link(zone_id: str) -> str:
    return f"http://localhost/zones/{zone_id}"


def expected_dandong(client) -> list[list[object]]:
    """The golden rows with 序号 and the link of each zone's page (its id from the JSON)."""
    ids = [z["id"] for z in client.get("/api/zones?region=丹东").get_json()["zones"]]
    return [
        [n, *row, zone_link(i)]
        for n, (row, i) in enumerate(zip(DANDONG_ZONES, ids, strict=True), 1)
    ]


def test_csv_of_dandong_zones(client):
    rows = csv_rows(client, "/api/zones?region=丹东&format=csv")
    expected = [[str(cell) for cell in row] for row in expected_dandong(client)]
    assert rows == [ZONE_HEADERS, *expected]


def test_xlsx_of_dandong_zones(client):
    book = xlsx_book(client, "/api/zones?region=丹东&format=xlsx")
    assert book.sheetnames == ["分区"]
    sheet = book["分区"]
    rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    blank = [[cell if cell is not None else "" for cell in row] for row in rows[1:]]
    assert rows[0] == ZONE_HEADERS
    assert blank == expected_dandong(client)
    assert sheet.freeze_panes == "A2"
    assert all(cell.font.bold for cell in sheet[1])
    assert sheet["J2"].hyperlink.target == expected_dandong(client)[0][-1]


def test_xlsx_widths_fit_the_names(client):
    sheet = xlsx_book(client, "/api/zones?region=丹东&format=xlsx")["分区"]
    longest = max(len(row[0]) for row in DANDONG_ZONES)  # 辽宁宽甸县错草湾子一大石湖（国家级）
    assert sheet.column_dimensions["B"].width >= 2 * longest
    assert sheet.column_dimensions["A"].width <= 8  # 序号 stays narrow
    assert sheet.column_dimensions["H"].width == 60  # 出处: capped, wrapped


def test_the_link_of_each_row_opens_its_page(client):
    for row in csv_rows(client, "/api/zones?region=丹东&format=csv")[1:]:
        page = client.get(row[-1].removeprefix("http://localhost"))
        assert page.status_code == 200
        assert f"<h1>{row[1]}</h1>" in page.get_data(as_text=True)


def test_file_name_says_what_it_holds(client):
    response = client.get("/api/zones?region=丹东&format=xlsx")
    disposition = response.headers["Content-Disposition"]
    assert disposition.startswith("attachment;")
    assert f"filename*=UTF-8''{quote('分区-丹东.xlsx')}" in disposition


# Every list of every list endpoint: (URL, list, headers, key column, expected key values). The
# expected values are read off the plan: the prefecture-level cities in code order; the 10 zones
# of 硼 (营口-丹东 of 第四章第一节, 专栏三 9, 专栏五 15–19 and 26, 专栏七 16–17); the two clauses
# with 硼泥 (第一章 and 专栏九 第4项).
BORON_ZONES = [
    "营口-丹东金、菱镁、硼矿勘查开发区",
    "辽宁凤城翁泉沟-宽甸砖庙",
    "辽宁大石桥后仙峪（国家级）",
    "宽甸五道岭-于二瘸子（国家级）",
    "凤城翁泉沟（国家级）",
    "宽甸泡子沿-杨木杆（国家级）",
    "宽甸蜂蜜砬子-牛皮闸（国家级）",
    "辽宁凤城鸡冠山镇-大兴镇",
    "辽宁宽甸三岔子-砬子沟",
    "辽宁大石桥马家堡-周家堡",
]
REQ_HEADERS = ["序号", "条文编号", "适用原因", "原文", "出处", "链接"]
LISTS = [
    (
        "/api/zones?type=重点开采区",
        "zones",
        ZONE_HEADERS,
        "条文编号",
        [f"{SLUG}/box7/{n}" for n in range(1, 20)],
    ),
    ("/api/minerals/硼", "zones", ZONE_HEADERS, "名称", BORON_ZONES),
    ("/api/regions/丹东", "zones", ZONE_HEADERS, "名称", [r[0] for r in DANDONG_ZONES]),
    (
        "/api/search?q=“硼泥”",
        "hits",
        ["序号", "条文编号", "名称", "类型", "所在章节", "原文", "出处", "链接"],
        "条文编号",
        None,
    ),
    (
        "/api/regions",
        "regions",
        ["序号", "名称", "级别", "上级行政区", "分区数", "提及条文数", "链接"],
        "名称",
        None,
    ),
    (
        "/api/minerals",
        "minerals",
        ["序号", "名称", "类别", "分区数", "政策导向", "提及条文数", "链接"],
        "名称",
        None,
    ),
    ("/api/regions/丹东", "requirements", REQ_HEADERS, "条文编号", None),
    ("/api/minerals/硼", "requirements", REQ_HEADERS, "条文编号", None),
    ("/api/zones/岫岩西沟-小荒沟", "requirements", REQ_HEADERS, "条文编号", None),
]


def json_keys(client, url: str, key: str, column: str) -> list[str]:
    """The key column of each row as the JSON twin gives it."""
    items = client.get(url).get_json()[key]
    if column == "条文编号":
        return [i["citation"]["clause_id"] for i in items]
    return [i.get("name") or i.get("title") for i in items]


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
@pytest.mark.parametrize(("url", "key", "headers", "column", "expected"), LISTS)
def test_every_list_exports_in_every_format(client, url, key, headers, column, expected, fmt):
    sep = "&" if "?" in url else "?"
    export = f"{url}{sep}format={fmt}&list={key}"
    if fmt == "csv":
        rows = csv_rows(client, export)
    else:
        rows = [
            ["" if c is None else str(c) for c in r]
            for r in xlsx_book(client, export).active.values
        ]
    assert rows[0] == headers
    keys = [row[headers.index(column)] for row in rows[1:]]
    assert keys == json_keys(client, url, key, column)
    if expected is not None:
        assert keys == expected
    assert [row[0] for row in rows[1:]] == [str(n) for n in range(1, len(rows))]


def test_region_and_mineral_rows(client):
    regions = {r[1]: r for r in csv_rows(client, "/api/regions?format=csv")[1:]}
    assert regions["丹东市"][2:5] == ["地级市", "辽宁省", "14"]
    assert regions["盘锦市"][4] == "0"  # no zone table row and no 勘查开发区 names 盘锦
    minerals = {r[1]: r for r in csv_rows(client, "/api/minerals?format=csv")[1:]}
    assert minerals["硼矿"][3] == "10"


def test_search_export_holds_the_two_clauses_with_boron_mud(client):
    rows = csv_rows(client, "/api/search?q=“硼泥”&format=csv")[1:]
    assert sorted(r[1] for r in rows) == [f"{SLUG}/1.3.4", f"{SLUG}/box9/4"]
    box9 = next(r for r in rows if r[1].endswith("box9/4"))
    assert box9[2:5] == [
        "丹东、营口硼矿综合利用工程",
        "专栏条目",
        "第六章 强化矿产资源开发利用与保护 › 第三节 推进矿产资源节约集约利用 › "
        "专栏九 矿产资源开发利用与保护工程",
    ]
    assert (
        box9[6] == "《辽宁省矿产资源总体规划（2021-2025年）》"
        "专栏九“矿产资源开发利用与保护工程”第4项，第24页。"
    )


def test_requirements_export_gives_reason_and_sentence(client):
    rows = csv_rows(client, "/api/zones/岫岩西沟-小荒沟?format=csv")[1:]
    mgmt = next(r for r in rows if r[1] == f"{SLUG}/6.1.4")  # 明确重点开采区管控要求 (第六章第一节)
    assert mgmt[2] == "重点开采区管控要求"
    assert mgmt[3].startswith("明确重点开采区管控要求。重点开采区内，同等条件下优先倾斜")


def test_xlsx_of_a_page_with_two_lists_has_two_sheets(client):
    book = xlsx_book(client, "/api/regions/丹东?format=xlsx")
    assert book.sheetnames == ["分区", "适用要求", "规则"]
    assert [c.value for c in book["适用要求"][1]] == REQ_HEADERS


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("/api/zones?format=pdf", "不支持的导出格式：pdf（可选 csv、xlsx）"),
        ("/api/outline?format=csv", "此页没有可导出的列表：csv"),
        ("/api/clauses/liaoning-2021-2025/6.4.2?format=xlsx", "此页没有可导出的列表：xlsx"),
        ("/api/regions/丹东?format=csv&list=stances", "参数 list 不能是 stances"),
    ],
)
def test_bad_export_requests_say_why(client, url, message):
    response = client.get(url)
    assert response.status_code == 400
    body = response.get_json()
    assert body["ok"] is False and body["status"] == 400
    assert body["error"].startswith(message)


def test_json_is_still_the_default(client):
    assert client.get("/api/zones?region=丹东&format=json").get_json()["total"] == 14


def test_pages_link_to_their_exports(client):
    html = client.get("/zones?region=丹东").get_data(as_text=True)
    dandong = quote("丹东")
    assert f'href="/api/zones?format=xlsx&amp;list=zones&amp;region={dandong}"' in html
    assert f'href="/api/zones?format=csv&amp;list=zones&amp;region={dandong}"' in html
    region = client.get("/regions/丹东").get_data(as_text=True)
    assert f"/api/regions/{dandong}?format=xlsx&amp;list=requirements" in region


def test_a_check_result_exports_its_checklist(client):
    # 岫岩, a new open-pit 菱镁矿 mine of 20万吨/年: 6.4.2 forbids new open-pit mines and sets
    # 30 万吨/年 for new mines, 9.2.2 refuses what fails the admission conditions.
    url = "/api/check?kind=新建&mineral=菱镁矿&place=岫岩&method=露天&scale=20万吨/年"
    rows = csv_rows(client, url + "&format=csv")
    assert rows[0] == ["序号", "审核结果", "理由", "规则类型", "原文", "出处", "条文编号", "链接"]
    failed = {r[6] for r in rows[1:] if r[1] == "不符合"}
    assert {f"{SLUG}/6.4.2", f"{SLUG}/9.2.2"} <= failed
    row = next(r for r in rows[1:] if r[6] == f"{SLUG}/6.4.2" and "露天" in r[4])
    assert row[7] == f"http://localhost/clauses/{SLUG}/6.4.2"
    book = xlsx_book(client, url + "&format=xlsx")
    assert book.sheetnames == ["审核结果"]
    page = client.get(url.removeprefix("/api")).get_data(as_text=True)
    assert "format=xlsx" in page and "list=checks" in page
