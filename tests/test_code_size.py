"""The code stays small and plain: no module over 300 lines, no class over 200, no function over
40 (the project's own packages; ruff's C90 rule keeps each function's complexity at 10 or less)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("kb", "ingest", "web")
MODULES = sorted(p for pkg in PACKAGES for p in (ROOT / pkg).rglob("*.py"))
LIMITS = {"module": 300, "class": 200, "function": 40}


def _oversized(path: Path) -> list[str]:
    source = path.read_text(encoding="utf-8")
    found = []
    if len(source.splitlines()) > LIMITS["module"]:
        found.append(f"module {len(source.splitlines())} lines")
    for item in ast.walk(ast.parse(source)):
        kind = (
            "class"
            if isinstance(item, ast.ClassDef)
            else "function"
            if isinstance(item, ast.FunctionDef | ast.AsyncFunctionDef)
            else None
        )
        if kind and item.end_lineno - item.lineno + 1 > LIMITS[kind]:
            found.append(f"{kind} {item.name} {item.end_lineno - item.lineno + 1} lines")
    return found


def test_the_packages_have_modules():
    assert {p.relative_to(ROOT).parts[0] for p in MODULES} == set(PACKAGES)


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_module_class_or_function_over_its_limit(path):
    assert _oversized(path) == []
