"""Load for `make bench`: CLIENTS clients on loopback, each with one keep-alive connection,
sending a mix of requests for a fixed time; latency per endpoint, errors, memory per process.

The clients are threads in PROCESSES processes with http.client (about 0.3 ms of CPU a request),
so most of the machine is left to the server.
"""

from __future__ import annotations

import http.client
import multiprocessing
import os
import random
import threading
import time
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path

from tests.golden_queries import GOLDEN

CLIENTS = 32
PROCESSES = 4
SLUG = "liaoning-2021-2025"


def request_mix() -> list[tuple[str, str]]:
    """(endpoint, path): searches, clauses, regions, zone lists, the outline, pages with a map or
    a graph, exports, questions and a 规划审核 check."""
    quote = urllib.parse.quote
    mix = [("search", f"/api/search?q={quote(g.query)}") for g in GOLDEN[:30]]
    mix += [("clause", f"/api/clauses/{SLUG}/{g.expected}") for g in GOLDEN[:30]]
    mix += [
        ("region", f"/api/regions/{quote(n)}") for n in ("丹东", "岫岩", "鞍山", "阜蒙县", "宽甸")
    ] * 3
    zone_filters = (
        "",
        "?type=" + quote("重点勘查区"),
        "?region=" + quote("丹东"),
        "?mineral=" + quote("硼"),
    )
    mix += [("zones", "/api/zones" + f) for f in zone_filters] * 3
    mix += [("outline", "/api/outline")] * 6
    mix += [("page with map", "/regions"), ("page with map", "/zones?type=" + quote("重点勘查区"))]
    mix += [("page with graph", f"/regions/{quote(n)}") for n in ("丹东", "岫岩")]
    mix += [("page with map and graph", f"/minerals/{quote(n)}") for n in ("铁", "硼")]
    dandong = "/api/zones?region=" + quote("丹东")
    mix += [(f"export {f}", f"{dandong}&format={f}") for f in ("csv", "xlsx")]
    mix += [
        ("ask", "/api/ask?q=" + quote(q))
        for q in ("丹东有哪些硼矿重点勘查区？", "哪些矿种禁止开采？")
    ]
    check = "kind=新建&mineral=菱镁矿&place=岫岩&method=露天&scale=20万吨/年"
    mix += [("check", "/api/check?" + urllib.parse.quote(check, safe="=&"))]
    return mix


@dataclass
class Tally:
    times: dict[str, list[float]] = field(default_factory=dict)
    errors: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, endpoint: str, seconds: float, ok: bool) -> None:
        with self.lock:
            self.times.setdefault(endpoint, []).append(seconds)
            self.errors += not ok


def client(port: int, mix: list[tuple[str, str]], until: float, tally: Tally, seed: int) -> None:
    rng = random.Random(seed)
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    while time.monotonic() < until:
        endpoint, path = rng.choice(mix)
        start = time.perf_counter()
        try:
            conn.request("GET", path)
            response = conn.getresponse()
            response.read()
            ok = response.status == 200
        except (OSError, http.client.HTTPException):
            ok = False
            conn.close()
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        tally.add(endpoint, time.perf_counter() - start, ok)
    conn.close()


def _process(port: int, seconds: float, first: int, count: int, out) -> None:
    """`count` clients in threads of one process; sends (times, errors) to `out`."""
    mix, tally = request_mix(), Tally()
    until = time.monotonic() + seconds
    threads = [
        threading.Thread(target=client, args=(port, mix, until, tally, first + n))
        for n in range(count)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    out.put((tally.times, tally.errors))


def load(port: int, seconds: float) -> tuple[Tally, float, float]:
    """CLIENTS clients for `seconds`, in PROCESSES processes (one Python process could not keep
    up beside the server on a busy machine); the tally, the wall time and the clients' CPU."""
    ctx = multiprocessing.get_context("fork")
    out, per = ctx.Queue(), CLIENTS // PROCESSES
    procs = [
        ctx.Process(target=_process, args=(port, seconds, n * per, per, out))
        for n in range(PROCESSES)
    ]
    before, start = os.times(), time.perf_counter()
    for p in procs:
        p.start()
    parts = [out.get() for _ in procs]
    wall = time.perf_counter() - start
    for p in procs:
        p.join()
    after = os.times()
    tally = Tally()
    for times, errors in parts:
        for endpoint, values in times.items():
            tally.times.setdefault(endpoint, []).extend(values)
        tally.errors += errors
    cpu = (after.children_user + after.children_system) - (
        before.children_user + before.children_system
    )
    return tally, wall, cpu


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def cpu_seconds(pids: list[int]) -> float:
    """User and system CPU time the processes have used so far."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0
    for pid in pids:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / ticks


def memory_mib(pid: int) -> tuple[float, float]:
    """(resident, proportional) MiB of a process: PSS splits pages shared after the fork."""
    rss = pss = float("nan")
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            rss = int(line.split()[1]) / 1024
    rollup = Path(f"/proc/{pid}/smaps_rollup")
    if rollup.exists() and os.access(rollup, os.R_OK):
        for line in rollup.read_text().splitlines():
            if line.startswith("Pss:"):
                pss = int(line.split()[1]) / 1024
    return rss, pss
