"""`make bench` section: the real server (`python -m web`) under load on loopback.

32 clients × BENCH_SECONDS (default 60 s, after a short unmeasured warm-up) on a mix of
endpoints, against waitress (one process, the pure-Python path), gunicorn with 1 worker and
gunicorn with one worker per core; requests/s, p50/p95/p99 per endpoint, errors, and the memory
of each process (RSS, and PSS, which splits the pages the workers share after the fork), and
how many cores the server used: on a machine shared with other jobs, what they leave bounds what
more workers can gain.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from tests.bench_load import CLIENTS, cpu_seconds, load, memory_mib, percentile
from tests.plans import PLANS, corpus_of
from tests.serving import children, running_server
from web.serve import has_gunicorn

SECONDS = float(os.environ.get("BENCH_SECONDS", "60"))
WARMUP = min(5.0, SECONDS / 6)
THREADS = "4"


def configurations() -> list[tuple[str, dict[str, str]]]:
    cores = os.cpu_count() or 1
    found = [("waitress, 1 process", {"PLANKB_SERVER": "waitress"})]
    if has_gunicorn():
        found += [
            ("gunicorn, 1 worker", {"PLANKB_SERVER": "gunicorn", "PLANKB_WORKERS": "1"}),
            (
                f"gunicorn, {cores} workers",
                {"PLANKB_SERVER": "gunicorn", "PLANKB_WORKERS": str(cores)},
            ),
        ]
    return found


def run(workdir: Path, env: dict[str, str]) -> dict:
    """One configuration: start-up time, the measured load, memory per process."""
    logs = workdir / f"logs-{env.get('PLANKB_WORKERS', 'w')}-{env['PLANKB_SERVER']}"
    logs.mkdir(exist_ok=True)
    start = time.perf_counter()
    corpus = corpus_of(workdir / "server-corpus", PLANS)
    with running_server(workdir / "kb", corpus, logs, PLANKB_THREADS=THREADS, **env) as (
        base,
        proc,
    ):
        startup = time.perf_counter() - start
        port = int(base.rsplit(":", 1)[1])
        load(port, WARMUP)
        workers = sorted(children(proc.pid)) or [proc.pid]
        cpu = cpu_seconds(workers)
        tally, wall, client = load(port, SECONDS)
        cpu = cpu_seconds(workers) - cpu
        memory = [memory_mib(pid) for pid in workers]
    n = sum(len(t) for t in tally.times.values())
    return {
        "startup": startup,
        "tally": tally,
        "rate": n / wall,
        "n": n,
        "memory": memory,
        "cpu": cpu,
        "cores": cpu / wall,
        "client": client,
    }


def bench_server(workdir: Path) -> str:
    from tests.bench import table

    results = {name: run(workdir, env) for name, env in configurations()}
    sections = [_summary(results, table)]
    for name, result in results.items():
        sections.append(_endpoints(name, result, table))
    bare = _bare_rss()
    sections.append(
        "\nStart-up to first answer (KB present, opened and warmed): "
        + ", ".join(f"{name} {r['startup']:.1f} s" for name, r in results.items())
        + f". A bare Python with Flask imported: {bare:.0f} MiB resident."
    )
    return "\n".join(sections)


def _summary(results: dict, table) -> str:
    one = results.get("gunicorn, 1 worker")
    rows = []
    for name, r in results.items():
        speedup = f"{r['rate'] / one['rate']:.2f}×" if one else ""
        rss = " / ".join(f"{m[0]:.0f}" for m in r["memory"])
        pss = " / ".join(f"{m[1]:.0f}" for m in r["memory"])
        cpu = [f"{r[k] / max(r['n'], 1) * 1000:.2f}" for k in ("cpu", "client")]
        rows.append([name, f"{r['rate']:.0f}", speedup, str(r["n"]), str(r["tally"].errors)])
        rows[-1] += [f"{r['cores']:.2f}", *cpu, rss, pss]
    return table(
        f"Server under load: {CLIENTS} clients × {SECONDS:.0f} s on loopback, {THREADS} threads "
        f"per process, {os.cpu_count()} cores (target: a worker per core ≥ 1.6× one, 0 errors)",
        [
            "server",
            "req/s",
            "vs 1 worker",
            "requests",
            "errors",
            "server cores used",
            "server CPU ms/request",
            "client CPU ms/request",
            "RSS MiB per worker",
            "PSS MiB per worker",
        ],
        rows,
    )


def _endpoints(name: str, result: dict, table) -> str:
    rows = []
    for endpoint, times in sorted(result["tally"].times.items()):
        ms = [f"{percentile(times, p) * 1000:.1f}" for p in (50, 95, 99)]
        rows.append([endpoint, str(len(times)), *ms])
    return table(f"{name}: latency per endpoint (ms)", ["endpoint", "n", "p50", "p95", "p99"], rows)


def _bare_rss() -> float:
    code = (
        "import flask; print([l for l in open('/proc/self/status') "
        "if l.startswith('VmRSS')][0].split()[1])"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return int(out.stdout) / 1024
