"""`make bench` section: the real server (`python -m web`) under a bounded local load.

Start-up time to the first answer (KB opened and warmed), resident memory, and request
latency per endpoint with 4 concurrent clients on loopback — beside the server's own floor
(a static file) and the memory of a bare Python process with Flask and waitress imported.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from tests.golden_queries import GOLDEN
from tests.serving import running_server

CLIENTS = 4
ROUNDS = 2  # each request of the mix this many times per client


def rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def request_mix() -> list[tuple[str, str]]:
    quote = urllib.parse.quote
    mix = [("static file (floor)", "/static/app.js")] * 10
    mix += [("GET /api/search", f"/api/search?q={quote(g.query)}") for g in GOLDEN]
    mix += [
        ("GET /api/clauses/<id>", f"/api/clauses/liaoning-2021-2025/{g.expected}")
        for g in GOLDEN[:20]
    ]
    mix += [
        ("GET /api/regions/<name>", f"/api/regions/{quote(n)}")
        for n in ("丹东", "岫岩", "鞍山", "阜蒙县", "宽甸")
    ]
    mix += [("GET /api/zones/<id>", f"/api/zones/{quote('辽宁岫岩西沟-小荒沟')}")] * 5
    mix += [("page /regions (map)", "/regions")] * 5
    mix += [("page /minerals/<name> (map, graph)", f"/minerals/{quote(n)}") for n in ("铁", "硼")]
    mix += [("page /regions/<name> (graph)", f"/regions/{quote(n)}") for n in ("丹东", "岫岩")]
    mix += [("page /zones?type= (map)", f"/zones?type={quote('重点勘查区')}")] * 5
    zones = f"/api/zones?region={quote('丹东')}"
    mix += [(f"GET /api/zones?format={f}", f"{zones}&format={f}") for f in ("csv", "xlsx")] * 3
    return mix


def timed_get(base: str, item: tuple[str, str]) -> tuple[str, float]:
    start = time.perf_counter()
    with urllib.request.urlopen(base + item[1], timeout=30) as r:
        r.read()
    return item[0], time.perf_counter() - start


def bench_server(workdir: Path) -> str:
    from tests.bench import table
    from tests.plans import PLANS, corpus_of

    corpus = corpus_of(workdir / "server-corpus", PLANS)
    start = time.perf_counter()
    server = running_server(workdir / "kb", corpus, PLANKB_THREADS=str(CLIENTS))
    with server as (base, proc):
        startup = time.perf_counter() - start
        idle = rss_mib(proc.pid)
        work = request_mix() * ROUNDS * CLIENTS
        load_start = time.perf_counter()
        with ThreadPoolExecutor(CLIENTS) as pool:
            results = list(pool.map(lambda item: timed_get(base, item), work))
        wall = time.perf_counter() - load_start
        loaded = rss_mib(proc.pid)
    rows = _latency_rows(results)
    rows.append([f"all {len(results)} requests", f"{len(results) / wall:.0f} req/s", "", ""])
    bare = _bare_rss()
    memory = [
        ["python + flask + waitress imported (baseline)", f"{bare:.0f} MiB"],
        ["server with the KB open and warm", f"{idle:.0f} MiB"],
        [f"server after {len(results)} requests", f"{loaded:.0f} MiB"],
    ]
    return "\n".join(
        [
            table(
                f"Server: start-up to first answer {startup:.1f} s (KB present; opened and warmed)",
                ["memory", "resident"],
                memory,
            ),
            table(
                f"Server under load: {CLIENTS} concurrent clients on loopback, waitress "
                f"{CLIENTS} threads",
                ["request", "p50", "p95", "n"],
                rows,
            ),
        ]
    )


def _latency_rows(results: list[tuple[str, float]]) -> list[list[str]]:
    rows = []
    for name in dict.fromkeys(n for n, _ in results):
        times = sorted(t for n, t in results if n == name)
        p95 = times[min(len(times) - 1, int(len(times) * 0.95))]
        rows.append(
            [
                name,
                f"{statistics.median(times) * 1000:.1f} ms",
                f"{p95 * 1000:.1f} ms",
                str(len(times)),
            ]
        )
    return rows


def _bare_rss() -> float:
    code = (
        "import flask, waitress; print([l for l in open('/proc/self/status') "
        "if l.startswith('VmRSS')][0].split()[1])"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return int(out.stdout) / 1024
