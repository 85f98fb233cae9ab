"""Every CLI command and every API endpoint is documented in the README."""

from __future__ import annotations

import re

from kb.cli.main import COMMANDS
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def normalise(rule: str) -> str:
    return re.sub(r"<[^>]+>", "<>", rule)


def test_every_cli_command_is_documented():
    documented = set(re.findall(r"`plankb (\w+)", README))
    assert set(COMMANDS) <= documented, set(COMMANDS) - documented


def test_every_api_endpoint_is_documented(app):
    rules = {normalise(r.rule) for r in app.url_map.iter_rules() if r.rule.startswith("/api/")}
    documented = {normalise(m) for m in re.findall(r"`GET (/api/[^`?\s]*)", README)}
    assert rules == documented


def test_readme_starts_with_the_two_commands():
    first_block = README.split("```sh", 1)[1].split("```", 1)[0]
    assert [ln.split()[:2] for ln in first_block.strip().splitlines()] == [
        ["make", "serve"],
        ["make", "test"],
    ]


def test_every_setting_is_documented():
    from kb.settings import SETTINGS

    assert [s.env for s in SETTINGS.values() if f"`{s.env}`" not in README] == []
