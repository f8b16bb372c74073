"""Load on a real JupyterHub on this machine: a class starts its servers and runs a chapter.

    make hub-bench                      # 20 students, chapter 07 (the heaviest: data and charts)
    .venv/bin/python benchmarks/hub_load.py --students 20 --chapter 07

The hub is the deployed configuration with a local spawner (tests/hub/localhub.py), on
127.0.0.1.  Every simulated student, all at once as at the start of a lecture:

1. asks the hub's REST API to start their server (time to a ready server);
2. pulls the course with nbgitpuller's API, as their class link would, opens the chapter in a
   kernel (Jupyter's sessions API) and runs every code cell over the kernel's websocket (time
   from a ready server to a finished chapter);
3. while they work, the resident memory (RSS) of their server and kernel is sampled every
   second; the peak per student is reported, with the hub's and the proxy's own.

Each request has a time limit and the run stops by itself; the hub and every process it started
are stopped at the end.  A benchmark, not a test: it prints figures (and writes them to
benchmarks/results/hub_load.json); pages/hub_guide.md sizes Kubernetes nodes from them.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "deploy" / "coursehub"))

from coursehub.links import chapter_path  # noqa: E402

from tests.hub.localhub import BRANCH, KernelRestarted, LocalHub, course_upstream, missing_components  # noqa: E402


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20, method="inclusive")[18] if len(values) > 1 else values[0]


def code_cells(notebook: Path) -> list[str]:
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    return ["".join(c["source"]) for c in cells if c["cell_type"] == "code"]


def student(hub: LocalHub, name: str, repo: str, notebook: str, cells: list[str]) -> dict:
    """One student: start the server, pull, run the chapter; a kernel that restarts runs it again."""
    ready = hub.start_server(name)
    began = time.monotonic()
    hub.pull(name, repo, branch=BRANCH, targetpath="course")
    pulled = time.monotonic() - began
    path = f"course/{notebook}"
    kernel = hub.open_session(name, path)
    restarts = 0
    while True:
        try:
            for code in cells:
                hub.run(name, kernel, code, timeout=300)
            break
        except KernelRestarted:
            restarts += 1  # as a student would: wait for the kernel, then run the chapter again
            if restarts > 3:
                raise
            kernel = hub.wait_for_kernel(name, path, kernel)
    return {
        "name": name,
        "ready_s": ready,
        "pull_s": pulled,
        "chapter_s": time.monotonic() - began,
        "restarts": restarts,
    }


def sample_memory(hub: LocalHub, peaks: dict, own: dict, stop: threading.Event) -> None:
    while not stop.wait(1.0):
        for user, usage in hub.memory_by_user().items():
            peak = peaks.setdefault(user, {"server": 0.0, "kernel": 0.0, "total": 0.0, "cpu_s": 0.0})
            for kind in ("server", "kernel", "cpu_s"):
                peak[kind] = max(peak[kind], usage[kind])
            peak["total"] = max(peak["total"], usage["server"] + usage["kernel"])
        for part, rss in hub.own_memory().items():
            own[part] = max(own.get(part, 0.0), rss)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--students", type=int, default=20)
    parser.add_argument("--chapter", default="07")
    parser.add_argument("--out", default=str(ROOT / "benchmarks" / "results" / "hub_load.json"))
    args = parser.parse_args()
    missing = missing_components()
    if missing:
        print("hub-bench: run make hub-setup first; missing " + ", ".join(missing), file=sys.stderr)
        return 2
    notebook = chapter_path(args.chapter, ROOT)
    cells = code_cells(ROOT / notebook)
    with tempfile.TemporaryDirectory(prefix="hub-bench-") as tmp:
        repo, _ = course_upstream(Path(tmp))
        hub = LocalHub(Path(tmp) / "hub")
        peaks: dict = {}
        own: dict = {}
        stop = threading.Event()
        try:
            hub.start()
            names = [f"student{i:02d}" for i in range(1, args.students + 1)]
            for name in names:
                hub.create_user(name)
            sampler = threading.Thread(target=sample_memory, args=(hub, peaks, own, stop), daemon=True)
            sampler.start()
            began = time.monotonic()
            with ThreadPoolExecutor(max_workers=args.students) as pool:
                results = list(pool.map(lambda n: student(hub, n, repo, notebook, cells), names))
            wall = time.monotonic() - began
            time.sleep(2)  # one more memory sample with every kernel alive and idle
            stop.set()
            sampler.join(timeout=10)
        finally:
            stop.set()
            hub.stop()
        left = hub.still_running()

    ready = [r["ready_s"] for r in results]
    chapter = [r["chapter_s"] for r in results]
    link_to_done = [r["ready_s"] + r["chapter_s"] for r in results]
    totals = [p["total"] for p in peaks.values()]
    servers = [p["server"] for p in peaks.values()]
    kernels = [p["kernel"] for p in peaks.values()]
    cpu = [p["cpu_s"] for p in peaks.values()]
    figures = {
        "students": args.students,
        "chapter": notebook,
        "code_cells": len(cells),
        "cores": os.cpu_count(),
        "wall_s": round(wall, 1),
        "ready_server_s": {"median": statistics.median(ready), "p95": p95(ready), "max": max(ready)},
        "finished_chapter_s": {"median": statistics.median(chapter), "p95": p95(chapter), "max": max(chapter)},
        "link_to_finished_s": {"median": statistics.median(link_to_done), "p95": p95(link_to_done)},
        "peak_rss_mib_per_student": {
            "server_median": statistics.median(servers),
            "kernel_median": statistics.median(kernels),
            "total_median": statistics.median(totals),
            "total_p95": p95(totals),
            "total_max": max(totals),
        },
        "cpu_s_per_student": {"median": statistics.median(cpu), "p95": p95(cpu), "max": max(cpu)},
        "peak_rss_mib_all_students": sum(totals),
        "peak_rss_mib_hub": own.get("hub", 0.0),
        "peak_rss_mib_proxy": own.get("proxy", 0.0),
        "kernel_restarts": sum(r["restarts"] for r in results),
        "processes_left_running": len(left),
    }
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps({"figures": figures, "students": results, "peaks": peaks}, indent=2))

    m = figures["peak_rss_mib_per_student"]
    print(f"\nJupyterHub load: {args.students} students at once, {notebook} ({len(cells)} code cells), "
          f"{figures['cores']} cores, {wall:.0f} s in all")  # fmt: skip
    print(f"{'':34}{'median':>10}{'p95':>10}{'max':>10}")
    rows = (
        ("time to a ready server (s)", "ready_server_s"),
        ("ready server -> chapter done (s)", "finished_chapter_s"),
    )  # noqa: E501
    for label, key in rows:
        f = figures[key]
        print(f"{label:34}{f['median']:>10.1f}{f['p95']:>10.1f}{f['max']:>10.1f}")
    f = figures["link_to_finished_s"]
    print(f"{'link -> chapter done (s)':34}{f['median']:>10.1f}{f['p95']:>10.1f}")
    print(f"{'peak RSS per student (MiB)':34}{m['total_median']:>10.0f}{m['total_p95']:>10.0f}{m['total_max']:>10.0f}")
    print(f"{'  of which server / kernel (median)':34}{m['server_median']:>10.0f}{m['kernel_median']:>10.0f}")
    c = figures["cpu_s_per_student"]
    print(f"{'CPU seconds per student':34}{c['median']:>10.1f}{c['p95']:>10.1f}{c['max']:>10.1f}")
    print(f"all students together: {figures['peak_rss_mib_all_students']:.0f} MiB (sum of per-student peaks)")
    print(f"hub {figures['peak_rss_mib_hub']:.0f} MiB, proxy {figures['peak_rss_mib_proxy']:.0f} MiB (peak RSS)")
    print(f"kernels lost while running the chapter (restarted, chapter run again): {figures['kernel_restarts']}")
    print(f"figures written to {args.out}")
    if left:
        print(f"hub-bench: {len(left)} processes were still running after the hub stopped: {left}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
