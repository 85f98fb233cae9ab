"""The real server, started as `make serve` starts it (`python -m web`), on a free local port."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from tests.conftest import PLANS, ROOT, corpus_of
from tests.serving import running_server

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_FLAGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
]


@pytest.fixture(scope="session")
def server_workdir(tmp_path_factory) -> Path:
    """A corpus folder of the listed plans (never the project's corpus/) and an empty KB
    location: the server must build the KB itself."""
    work = tmp_path_factory.mktemp("server")
    corpus_of(work / "corpus", PLANS)
    return work


@pytest.fixture(scope="session")
def server(server_workdir):
    with running_server(server_workdir / "kb", server_workdir / "corpus") as (base, _):
        yield base


@pytest.fixture(scope="session")
def browser(tmp_path_factory):
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            pytest.fail("chromium is missing on CI: `make test` should have installed it")
        pytest.skip("chromium is not installed (make browser installs it as root)")
    from playwright.sync_api import sync_playwright

    home = tmp_path_factory.mktemp("chromium-home")
    for var in ("TMPDIR", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
        os.environ[var] = str(home)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield browser
        browser.close()


@pytest.fixture()
def page(browser):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"], locale="zh-CN")
    page = context.new_page()
    yield page
    context.close()


def pytest_terminal_summary(terminalreporter):
    """Name the folder the browser tests leave their screenshots in."""
    folder = ROOT / "var" / "screenshots"
    if folder.is_dir():
        shots = len(list(folder.glob("*.png")))
        terminalreporter.write_line(f"screenshots ({shots}, desktop and phone): {folder}")
