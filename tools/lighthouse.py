"""Lighthouse 12 (pinned in package.json) on the built book, as a phone on a slow link sees it.

    python tools/lighthouse.py              # make lighthouse: the four pages below, student edition
    python tools/lighthouse.py --runs 3     # the median of three runs per page

Serves the edition with tools/serve.py (compressed, with cache headers, as a good static host
would), runs Lighthouse's default mobile audit (simulated slow 4G and a 4x slower CPU) in
Debian's Chromium (``COUPBOOK_CHROMIUM``, default /usr/bin/chromium) for performance,
accessibility and best practices, and writes each report to ``_build/lighthouse/<page>.json``
plus a summary ``_build/lighthouse/scores.json`` that ``make bench`` prints.

Lighthouse measures on this machine's CPU: on a shared, busy machine the performance score
(total blocking time above all) comes out lower than on an idle one, so run it when the machine
is quiet, or take the median of several runs.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tools.browser import CHROMIUM  # noqa: E402
from tools.serve import server  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
OUT = ROOT / "_build" / "lighthouse"
PAGES = ["intro.html", "chapters/04_wagner_mutiny.html", "chapters/07_coups_in_data.html", "pages/my_progress.html"]
CATEGORIES = ["performance", "accessibility", "best-practices"]
METRICS = [
    "first-contentful-paint",
    "largest-contentful-paint",
    "total-blocking-time",
    "cumulative-layout-shift",
    "speed-index",
]


def run_once(url: str, report: Path) -> dict:
    command = [
        str(LIGHTHOUSE),
        url,
        f"--only-categories={','.join(CATEGORIES)}",
        "--output=json",
        f"--output-path={report}",
        "--quiet",
        "--chrome-flags=--headless=new --no-sandbox --disable-gpu --no-first-run --disable-background-networking",
    ]
    run = subprocess.run(command, capture_output=True, text=True, env={**os.environ, "CHROME_PATH": CHROMIUM})
    if run.returncode != 0 or not report.exists():
        raise RuntimeError(f"lighthouse failed on {url}:\n{run.stderr[-2000:]}")
    data = json.loads(report.read_text())
    if data.get("runtimeError"):
        raise RuntimeError(f"lighthouse: {url}: {data['runtimeError']}")
    return {
        "scores": {c: round(100 * (data["categories"][c]["score"] or 0)) for c in CATEGORIES},
        "metrics": {m: data["audits"][m]["numericValue"] for m in METRICS},
        "benchmark_index": data.get("environment", {}).get("benchmarkIndex"),
    }


def median_run(runs: list[dict]) -> dict:
    """The run with the median performance score (its other figures come with it)."""
    ordered = sorted(runs, key=lambda r: r["scores"]["performance"])
    chosen = dict(ordered[len(ordered) // 2])
    chosen["performance_runs"] = [r["scores"]["performance"] for r in runs]
    return chosen


def audit(site: Path, pages: list[str], runs: int) -> dict:
    if not LIGHTHOUSE.exists():
        sys.exit(f"lighthouse: {LIGHTHOUSE} is missing: run `make setup` (npm ci)")
    if not Path(CHROMIUM).exists():
        sys.exit(f"lighthouse: {CHROMIUM} is missing: run tools/ensure_chromium.sh or set COUPBOOK_CHROMIUM")
    OUT.mkdir(parents=True, exist_ok=True)
    httpd = server(site, quiet=True)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{httpd.server_address[1]}/"
    results = {}
    try:
        for page in pages:
            name = page.replace("/", "_").removesuffix(".html")
            attempts = [run_once(base + page, OUT / f"{name}.json") for _ in range(runs)]
            results[page] = median_run(attempts)
            scores = results[page]["scores"]
            print(f"{page:<40} " + "  ".join(f"{c} {scores[c]:>3}" for c in CATEGORIES), flush=True)
    finally:
        httpd.shutdown()
        httpd.server_close()
    summary = {"site": str(site), "measured_at": time.strftime("%Y-%m-%dT%H:%M:%S"), "pages": results}
    (OUT / "scores.json").write_text(json.dumps(summary, indent=2))
    return summary


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--site", type=Path, default=ROOT / "_build" / "html")
    parser.add_argument("--runs", type=int, default=1, help="runs per page; the median is kept")
    parser.add_argument("pages", nargs="*", default=PAGES)
    args = parser.parse_args(argv)
    audit(args.site, args.pages, args.runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
