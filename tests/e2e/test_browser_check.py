"""End to end: a clerk fills the 规划审核 form, reads the checklist, downloads the opinion."""

from __future__ import annotations

import io
from pathlib import Path

from docx import Document


def test_check_form_checklist_and_docx(server, page):
    page.goto(server + "/")
    page.locator("nav a", has_text="规划审核").click()
    page.wait_for_url("**/check")
    page.select_option("select[name=kind]", "新建")
    page.fill("input[name=mineral]", "菱镁矿")
    page.fill("input[name=place]", "岫岩")
    page.select_option("select[name=method]", "露天")
    page.fill("input[name=scale]", "20万吨/年")
    page.locator(".check-form button[type=submit]").click()
    page.wait_for_selector(".check-result")
    assert page.locator(".verdict").inner_text() == "不符合"
    failing = page.locator('.check-item[data-result="不符合"]')
    clauses = {failing.nth(i).get_attribute("data-clause") for i in range(failing.count())}
    assert {"6.4.2", "9.2.2"} <= clauses
    assert "原则上禁止新建露天矿山" in failing.first.page.locator(".checklist").inner_text()
    opinion = page.locator("textarea.opinion")
    assert "岫岩满族自治县新建露天菱镁矿项目，开采规模20万吨/年" in opinion.input_value()
    opinion.fill(opinion.input_value() + "\n经办人：张三")  # the clerk edits the draft
    with page.expect_download() as info:
        page.locator("button.download").click()
    data = Path(info.value.path()).read_bytes()
    text = "\n".join(p.text for p in Document(io.BytesIO(data)).paragraphs)
    assert "岫岩满族自治县新建露天菱镁矿项目，开采规模20万吨/年" in text
    assert text.count("该申请不符合规划，建议不予通过规划审核。") == 1
    assert "经办人：张三" in text


def test_check_form_bad_place_shows_suggestions(server, page):
    response = page.goto(server + "/check?mineral=菱镁矿&place=岫沿")
    assert response.status == 404
    assert "岫岩满族自治县" in page.locator(".error").inner_text()
