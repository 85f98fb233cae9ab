"""The plan files tests and benchmarks build from: an explicit list, never the corpus folder,
so a second plan dropped into corpus/ changes no fixture and no figure."""

from __future__ import annotations

import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PLAN = ROOT / "corpus" / "liaoning-mineral-plan-2021-2025.txt"
SLUG = "liaoning-2021-2025"
PLANS = [PLAN]


def corpus_of(folder: Path, plans: list[Path]) -> Path:
    """`folder` holding copies of `plans`, each with its metadata file: a corpus of exactly
    these documents (for code that reads a corpus folder, such as the server)."""
    folder.mkdir(parents=True, exist_ok=True)
    for plan in plans:
        for src in (plan, plan.with_suffix(".toml")):
            shutil.copy(src, folder / src.name)
    return folder
