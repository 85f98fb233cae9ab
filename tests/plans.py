"""The plan files tests and benchmarks build from: an explicit list, never the corpus folder,
so a second plan dropped into corpus/ changes no fixture and no figure."""

from __future__ import annotations

import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PLAN = ROOT / "corpus" / "liaoning-mineral-plan-2021-2025.txt"
SLUG = "liaoning-2021-2025"
PLANS = [PLAN]
# Two plans of the genre written for the tests (tests/fixtures/plans/README.md): a county plan
# with a 表 table of 开采规划区块 and towns, and another province's plan numbered 一、（一）1.
# with articles
FIXTURES = ROOT / "tests" / "fixtures" / "plans"
COUNTY = FIXTURES / "kuandian-mineral-plan-2021-2025.txt"
COUNTY_SLUG = "kuandian-2021-2025"
OTHER = FIXTURES / "hebei-mineral-plan-2021-2025.txt"
OTHER_SLUG = "hebei-2021-2025"
THREE = [PLAN, COUNTY, OTHER]


def corpus_of(folder: Path, plans: list[Path]) -> Path:
    """`folder` holding copies of `plans`, each with its metadata file: a corpus of exactly
    these documents (for code that reads a corpus folder, such as the server)."""
    folder.mkdir(parents=True, exist_ok=True)
    for plan in plans:
        for src in (plan, plan.with_suffix(".toml")):
            shutil.copy(src, folder / src.name)
    return folder
