"""`make bench`: speed and quality figures for the README, each beside its baseline or target.

Run as `python -m tests.bench`. Prints one table per section. BENCH_SECONDS sets how long each
server load runs (default 60), BENCH_ONLY which sections run (e.g. "cost server").
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import unicodedata
from collections.abc import Callable
from pathlib import Path

from tests.plans import PLANS

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
RUNS = int(os.environ.get("BENCH_RUNS", "5"))


def timed(cmd: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, cwd=ROOT, env=env, check=True, capture_output=True)
    return time.perf_counter() - start


def width(text: str) -> int:
    """Display width: CJK characters take two columns."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def table(title: str, header: list[str], rows: list[list[str]]) -> str:
    """A Markdown table, aligned for the terminal too."""
    cols = list(zip(header, *rows, strict=True))
    widths = [max(width(str(x)) for x in col) for col in cols]

    def line(cells: list[str]) -> str:
        padded = (str(c) + " " * (w - width(str(c))) for c, w in zip(cells, widths, strict=True))
        return "| " + " | ".join(padded) + " |"

    sep = "|" + "|".join("-" * (w + 2) for w in widths) + "|"
    return "\n".join([f"\n## {title}", line(header), sep, *map(line, rows)])


def bench_cli(workdir: Path) -> str:
    """Whole-process times of `plankb ingest` and `plankb show` (median of RUNS runs)."""
    env = {**os.environ, "PLANKB_KB": str(workdir / "kb")}
    plans = [str(p) for p in PLANS]
    ingest = [timed([PY, "-m", "kb", "ingest", *plans, "--quiet"], env) for _ in range(RUNS)]
    show = [timed([PY, "-m", "kb", "show", "liaoning-2021-2025/6.4.2"], env) for _ in range(RUNS)]
    noop = [timed([PY, "-c", "pass"], env) for _ in range(RUNS)]
    rows = [
        [name, f"{statistics.median(t):.2f} s", f"{min(t):.2f} s", f"{max(t):.2f} s", str(len(t))]
        for name, t in (
            ("plankb ingest PLAN", ingest),
            ("plankb show ID", show),
            ("baseline: python -c pass", noop),
        )
    ]
    return table("Command line (whole process)", ["command", "median", "min", "max", "runs"], rows)


def bench_search(workdir: Path) -> str:
    from tests.bench_search import bench_search as section  # whoosh index vs FTS5 trigram

    return section(workdir)


def bench_entities(workdir: Path) -> str:
    from tests.bench_entities import bench_entities as section  # mentions vs hand-checked sample

    return section(workdir)


def bench_cost(workdir: Path) -> str:
    from tests.bench_cost import bench_cost as section  # worst queries, without/with the ceiling

    return section(workdir)


def bench_server(workdir: Path) -> str:
    from tests.bench_server import bench_server as section  # the real server under local load

    return section(workdir)


def bench_audit(workdir: Path) -> str:
    from tests.audit import audit_table  # clause pages vs the hand-made audit

    return audit_table()


def bench_rules(workdir: Path) -> str:
    from tests.audit.rules_eval import bench_rules as section  # rules vs the hand-made audit

    return section(workdir)


def bench_check(workdir: Path) -> str:
    from tests.bench_check import bench_check as section  # 规划审核 latency and verdicts

    return section(workdir)


def bench_ask(workdir: Path) -> str:
    from tests.bench_ask import bench_ask as section  # kb.ask and forgiving search, two parts

    return section(workdir)


def bench_scale(workdir: Path) -> str:
    from tests.bench_scale import bench_scale as section  # 1 … 500 generated plans

    return section(workdir)


SECTIONS: list[Callable[[Path], str]] = [
    bench_cli,
    bench_search,
    bench_entities,
    bench_rules,
    bench_cost,
    bench_server,
    bench_ask,
    bench_audit,
    bench_check,
    bench_scale,
]
ONLY = os.environ.get("BENCH_ONLY", "").split()  # e.g. BENCH_ONLY="cost server": those sections


def main() -> int:
    print(
        f"PlanKB benchmark — {time.strftime('%Y-%m-%d')}, {os.cpu_count()} cores, "
        f"Python {sys.version.split()[0]}"
    )
    workdir = Path(tempfile.mkdtemp(prefix="plankb-bench-"))
    try:
        for section in SECTIONS:
            if not ONLY or section.__name__.removeprefix("bench_") in ONLY:
                print(section(workdir), flush=True)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
