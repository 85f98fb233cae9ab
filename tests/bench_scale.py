"""`make bench` section: scale — 1, 10, 100 and 500 generated plans (tests/plan_generator.py).

For each corpus size, in one run: ingest time per document and peak memory of the ingest (a
process of its own), the KB's size on disk, the real server's peak memory (`python -m web`, VmHWM)
after the queries, and warm p50/p95 over HTTP of search and of lookups (region, mineral, zone
list) — beside the SQLite FTS5 trigram baseline on the same clauses and the same searches.
BENCH_SCALE=1,10 picks the sizes.
"""

from __future__ import annotations

import json
import os
import sqlite3
import statistics
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

from tests.bench_search import percentile
from tests.plan_generator import generate
from tests.serving import running_server

ROOT = Path(__file__).resolve().parent.parent
SIZES = [int(n) for n in os.environ.get("BENCH_SCALE", "1,10,100,500").split(",")]
RUNS = 5  # timed runs per request, after one warm-up
SEARCHES = [
    "开采规划区块",
    "绿色矿山",
    "生态保护红线",
    "萤石 勘查",
    "最低开采规模",
    "铁矿 开采总量",
]
SEARCHES += ["产业园区", "选矿回收率", "历史遗留矿山", "不予延续"]
INGEST = """
import json, resource, sys, time
from pathlib import Path
from ingest.build import build, corpus_files
marks = []
start = time.perf_counter()
files = corpus_files(Path(sys.argv[1]))
build(files, Path(sys.argv[2]), lambda m: marks.append((time.perf_counter(), m)))
seconds = time.perf_counter() - start
phase = {m: t for t, m in marks}
parse = phase["marking regions, minerals and zones"] - start
index = time.perf_counter() - phase["indexing the text"]
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"seconds": seconds, "parse": parse, "index": index, "peak_kib": peak}))
"""


def ingest(corpus: Path, kb: Path) -> dict:
    out = subprocess.run(
        [sys.executable, "-c", INGEST, str(corpus), str(kb)],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def disk_mib(path: Path) -> float:
    root = path.resolve()
    return sum(p.stat().st_size for p in root.rglob("*") if p.is_file()) / 2**20


def timed(base: str, paths: list[str]) -> list[float]:
    times = []
    for path in paths:
        urllib.request.urlopen(base + path).read()
        for _ in range(RUNS):
            start = time.perf_counter()
            urllib.request.urlopen(base + path).read()
            times.append(time.perf_counter() - start)
    return times


def lookups(files: list[Path]) -> list[str]:
    """Region lookups of up to three plans' counties, three minerals, one zone list."""
    quote = urllib.parse.quote
    titles = [f.read_text(encoding="utf-8").split("\n", 1)[0] for f in files[:3]]
    regions = [f"/api/regions/{quote(t.removesuffix('矿产资源总体规划'))}" for t in titles]
    minerals = [f"/api/minerals/{quote(m)}" for m in ("萤石", "铁矿", "菱镁矿")]
    zones = [f"/api/zones?type={quote('开采规划区块')}&mineral={quote('铁矿')}"]
    return regions + minerals + zones


def vm_hwm_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def fts5_times(kb: Path) -> list[float]:
    """The same searches on an FTS5 trigram table of the same clauses (heading, title, text)."""
    db = sqlite3.connect(":memory:")
    db.execute("CREATE VIRTUAL TABLE c USING fts5(id UNINDEXED, body, tokenize='trigram')")
    for doc in (kb.resolve() / "documents").glob("*.json"):
        clauses = json.loads(doc.read_text(encoding="utf-8"))["clauses"]
        rows = [(c["id"], " ".join([*c["path"], c["title"] or "", c["text"]])) for c in clauses]
        db.executemany("INSERT INTO c VALUES (?, ?)", rows)
    times = []
    for q in SEARCHES:
        match = " ".join(f'"{w}"' for w in q.split())
        sql = "SELECT id FROM c WHERE c MATCH ? ORDER BY bm25(c) LIMIT 10"
        db.execute(sql, (match,)).fetchall()
        for _ in range(RUNS):
            start = time.perf_counter()
            db.execute(sql, (match,)).fetchall()
            times.append(time.perf_counter() - start)
    return times


def ms(times: list[float]) -> str:
    return f"{statistics.median(times) * 1000:.1f} / {percentile(times, 95) * 1000:.1f} ms"


def _phases(built: dict) -> str:
    """Shares of the ingest: parsing, the knowledge step (mentions, records, graph), the index."""
    knowledge = built["seconds"] - built["parse"] - built["index"]
    shares = [built["parse"], knowledge, built["index"]]
    return " / ".join(f"{t / built['seconds']:.0%}" for t in shares)


def one_size(workdir: Path, n: int) -> list[str]:
    corpus = workdir / f"scale-{n}" / "corpus"
    files = generate(n, corpus)
    kb = corpus.parent / "kb"
    built = ingest(corpus, kb)
    clauses = sum(
        len(json.loads(d.read_text(encoding="utf-8"))["clauses"])
        for d in (kb.resolve() / "documents").glob("*.json")
    )
    with running_server(kb, corpus) as (base, proc):
        search = timed(base, [f"/api/search?q={urllib.parse.quote(q)}" for q in SEARCHES])
        lookup = timed(base, lookups(files))
        server = vm_hwm_mib(proc.pid)
    return [
        str(n),
        str(clauses),
        f"{built['seconds'] / n:.2f} s",
        _phases(built),
        f"{built['peak_kib'] / 1024:.0f} MiB",
        f"{disk_mib(kb):.1f} MiB",
        f"{server:.0f} MiB",
        ms(search),
        ms(lookup),
        ms(fts5_times(kb)),
    ]


def bench_scale(workdir: Path) -> str:
    from tests.bench import table

    header = ["plans", "clauses", "ingest / plan", "parse / knowledge / index"]
    header += ["ingest peak", "KB on disk", "server peak"]
    header += ["search p50 / p95", "lookup p50 / p95", "FTS5 trigram p50 / p95"]
    rows = [one_size(workdir, n) for n in SIZES]
    return table("Scale: generated plans (tests/plan_generator.py)", header, rows)
