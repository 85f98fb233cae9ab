"""In Chromium, under the server's Content-Security-Policy: no page trips the policy, the copy
button (static/app.js) still works, and a page cannot be framed."""

from __future__ import annotations

import urllib.parse

from tests.conftest import SLUG

PAGES = [
    "/outline",
    f"/clauses/{SLUG}/6.4.2",
    "/search?q=" + urllib.parse.quote("菱镁矿 开采规模"),
    "/regions/" + urllib.parse.quote("丹东"),
    "/minerals/" + urllib.parse.quote("硼"),
    "/zones",
    "/zones/" + urllib.parse.quote("辽宁岫岩西沟-小荒沟"),
    f"/clauses/{SLUG}/6.4.9",
]


def test_no_page_trips_the_policy_and_the_copy_button_still_works(server, page):
    messages: list[str] = []
    page.on("console", lambda msg: messages.append(msg.text))
    for path in PAGES:
        page.goto(server + path)
    assert [m for m in messages if "Content Security Policy" in m] == []
    page.goto(f"{server}/clauses/{SLUG}/6.4.2")
    page.locator("button.copy").click()
    page.wait_for_selector("button.copy.copied")


def test_a_page_cannot_be_framed(server, page):
    messages: list[str] = []
    page.on("console", lambda msg: messages.append(msg.text))
    page.set_content(f'<iframe src="{server}/outline"></iframe>')
    page.wait_for_timeout(500)
    frame = page.frames[-1]
    assert frame.url == "about:blank" or "PlanKB" not in frame.content()
