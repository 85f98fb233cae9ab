"""The README's module map (the table under "## How it is built") names exactly the code.

Every package folder of ingest/, kb/ and web/ has a row, and each row names every module of its
folder (`name.py`, the folder's own files, not those of its sub-packages). `__init__.py` and
`__main__.py` may be named (where they hold code worth pointing at: the KB facade, create_app)
but need not be; a name of a module that does not exist fails.
"""

from __future__ import annotations

import re

from tests.plans import ROOT

CODE = ("ingest", "kb", "web")
OPTIONAL = {"__init__.py", "__main__.py"}


def module_map() -> dict[str, set[str]]:
    """{folder: module names in its row} from the README's "How it is built" table."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("\n## How it is built\n", 1)[1].split("\n## ", 1)[0]
    rows = {}
    for line in section.splitlines():
        row = re.match(r"\| `([\w/]+)/` \| (.*) \|$", line)
        if row:
            rows[row[1]] = set(re.findall(r"`([\w]+\.py)`", row[2]))
    return rows


def packages() -> dict[str, set[str]]:
    """{folder: its .py files} for every folder of Python code under ingest/, kb/ and web/."""
    found = {}
    for top in CODE:
        for folder in [ROOT / top, *sorted(p for p in (ROOT / top).rglob("*") if p.is_dir())]:
            modules = {p.name for p in folder.glob("*.py")}
            if modules:
                found[folder.relative_to(ROOT).as_posix()] = modules
    return found


def test_every_package_folder_has_a_row():
    rows = {folder for folder in module_map() if folder.split("/")[0] in CODE}
    assert rows == set(packages())


def test_each_row_names_exactly_the_modules_of_its_folder():
    rows = module_map()
    wrong = {}
    for folder, modules in packages().items():
        named = rows.get(folder, set())
        missing = sorted(modules - OPTIONAL - named)
        unknown = sorted(named - modules)
        if missing or unknown:
            wrong[folder] = {"missing": missing, "no such module": unknown}
    assert wrong == {}


def test_the_map_is_read_at_all():
    rows = module_map()
    assert rows["kb/search"] >= {"analyzer.py", "engine.py"}
    assert "corpus" in rows and "tests" in rows
