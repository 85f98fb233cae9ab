"""Hostile and careless input found by probing the real server: each answers with a message in
the one error shape (or a sane page), never a 500, a traceback or a runaway page."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.conftest import SLUG
from web.export import Listing, table

CHECK = "/api/check"
BAD_BODIES = [
    ({"mineral": [["菱镁矿"]]}, "应填文字"),
    ({"mineral": [1]}, "应填文字"),
    ({"mineral": ["菱镁矿", {"x": 1}]}, "应填文字"),
    ({"mineral": 1}, "应填文字"),
    ({"mineral": {"a": 1}}, "应填文字"),
    ({"mineral": "菱镁矿", "place": ["岫岩"]}, "应填文字"),
    ({"mineral": "菱镁矿", "method": False}, "应填文字"),
    ({"mineral": "菱镁矿", "facts": {"集中开采区": 1}}, "应填 是 或 否"),
]


@pytest.mark.parametrize(("body", "words"), BAD_BODIES, ids=lambda x: str(x)[:40])
def test_a_json_application_of_the_wrong_shape_is_a_400(client, body, words):
    response = client.post(CHECK, json=body)
    assert response.status_code == 400
    data = response.get_json()
    assert (data["ok"], data["status"]) == (False, 400) and words in data["error"]


@pytest.mark.parametrize(
    "raw",
    [
        '{"mineral": "\\ud800"}',  # a lone surrogate, as JSON allows
        '{"mineral": "菱镁矿", "\\udfff": "是"}',
        "[" * 100_000 + "]" * 100_000,  # nested deeper than the parser recurses
        '{"mineral": ' + "[" * 5000 + "]" * 5000 + "}",
    ],
    ids=["surrogate-value", "surrogate-key", "deep-list", "deep-field"],
)
def test_unreadable_or_absurd_json_is_a_400(client, raw):
    response = client.post(CHECK, data=raw, content_type="application/json")
    assert response.status_code == 400
    assert response.get_json()["ok"] is False


def test_a_body_over_a_megabyte_is_refused_with_413(client):
    body = json.dumps({"mineral": "菱镁矿", "place": "岫" * 600_000}, ensure_ascii=False)
    response = client.post(CHECK, data=body, content_type="application/json")
    assert response.status_code == 413
    assert "过大" in response.get_json()["error"]


def test_control_characters_pasted_into_the_opinion_still_give_a_word_file(client):
    url = "/check/opinion.docx?kind=新建&mineral=菱镁矿&place=岫岩"
    response = client.post(url, data={"opinion": "审核意见\x01\x02\x0b\x0c\ufffe：不符合。"})
    assert response.status_code == 200
    assert response.mimetype.endswith("wordprocessingml.document")


def test_a_huge_search_url_gives_a_bounded_page(client):
    response = client.get("/search?q=" + "哪些矿种禁止开采？" * 20_000)
    assert response.status_code == 200
    assert len(response.get_data()) < 2_000_000  # every link on the page repeats the query
    assert "已截取" in response.get_data(as_text=True)


def test_an_export_cell_is_never_a_formula(app):
    columns = ("index", "text", "clause_id")
    listing = Listing("hits", "条文", columns, "pages.clause", "clause_id", "clause_id")
    row = {"text": '=HYPERLINK("http://x","点")', "citation": {"clause_id": f"{SLUG}/6.4.2"}}
    row["clause_id"] = f"{SLUG}/6.4.2"
    with app.test_request_context():
        rows = table({"hits": [row, {**row, "text": "-1+2"}, {**row, "text": "硼"}]}, listing)
    assert [r[1] for r in rows[1:]] == ['\'=HYPERLINK("http://x","点")', "'-1+2", "硼"]


def test_an_export_file_name_keeps_no_control_or_direction_marks(client):
    response = client.get("/api/regions?format=csv&x=%E2%80%AEcod.exe%E2%80%AC/../")
    disposition = response.headers["Content-Disposition"]
    assert "%E2%80%AE" not in disposition and ".." not in disposition.split("''")[1]


def _plankb(*args: str, env_extra: dict | None = None) -> subprocess.CompletedProcess:
    import os

    env = {**os.environ, **(env_extra or {})}
    return subprocess.run(
        [sys.executable, "-m", "kb", *args], capture_output=True, text=True, env=env, timeout=120
    )


def test_the_cli_says_one_line_when_its_output_cannot_take_chinese(kb_path):
    done = _plankb(
        "show", f"{SLUG}/6.4.2", "--kb", str(kb_path), env_extra={"PYTHONIOENCODING": "ascii"}
    )
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1


def test_the_cli_ends_quietly_when_the_reader_stops(kb_path):
    command = f"{sys.executable} -m kb outline --kb {kb_path} | head -c 12"
    done = subprocess.run(command, shell=True, capture_output=True, text=True, timeout=120)
    assert "Traceback" not in done.stderr and "BrokenPipe" not in done.stderr


def test_a_mistyped_search_option_is_refused_not_searched(kb_path):
    done = _plankb("search", "硼", "--regoin", "丹东", "--kb", str(kb_path))
    assert done.returncode == 2 and "--regoin" in done.stderr
