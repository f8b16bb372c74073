"""Performance figures for the book, printed (not asserted: the goals are for people to judge).

    python benchmarks/bench.py                 # make bench: everything below
    python benchmarks/bench.py --skip-build    # only the page figures, on the existing _build/html
    python benchmarks/bench.py --json benchmarks/results/latest.json

Measures, in a throwaway build folder so the working build is untouched:
- clean build seconds of both editions (tools/build_book.py --edition both: every notebook
  executed once, both editions rendered from the outputs), cached rebuild seconds (both
  editions' HTML deleted, notebook outputs from jupyter-cache) and no-change rebuild seconds;
- nbval seconds (every notebook run by pytest --nbval-lax);
- the budgets of issue 12, on the student edition served by tools/serve.py (gzip and cache
  headers, as a real static host serves it) in headless Chromium with the service worker
  blocked (its background copy of the whole book is reported on its own line): bytes over the
  network (compressed) of every page on a first visit with every chart drawn; of each chapter
  opened after the one before (shared files cached); render-blocking scripts; whether the page's
  text painted before plotly.js was requested; which pages load MathJax;
- the Lighthouse scores that ``make lighthouse`` wrote to _build/lighthouse/scores.json.

Budgets: a page with charts at most 1.0 MB on a first visit and at most 100 KB more for the next
chapter; any other page (text pages, My progress) at most 250 KB; no render-blocking script over
50 KB (compressed); text paints before any chart library loads; Lighthouse mobile performance at
least 90 and accessibility and best practices 100 on the four pages it audits.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tools.browser import book_pages, launch, settle  # noqa: E402
from tools.serve import server  # noqa: E402

BIN = Path(sys.executable).parent
KB = 1000
CHART_PAGE_BUDGET = 1000 * KB
NEXT_CHAPTER_BUDGET = 100 * KB
TEXT_PAGE_BUDGET = 250 * KB
BLOCKING_SCRIPT_BUDGET = 50 * KB
LIGHTHOUSE_SCORES = ROOT / "_build" / "lighthouse" / "scores.json"
LIGHTHOUSE_GOALS = {"performance": 90, "accessibility": 100, "best-practices": 100}
HEAD_SCRIPT = re.compile(r"<script\b([^>]*)\bsrc=\"([^\"]+)\"([^>]*)>", re.I)


def timed(command: list[str], **kwargs) -> float:
    started = time.perf_counter()
    subprocess.run(command, cwd=ROOT, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, **kwargs)
    return time.perf_counter() - started


def build_timings(out: Path) -> dict[str, float]:
    build = [str(BIN / "python"), str(ROOT / "tools" / "build_book.py"), "--edition", "both", "--build-dir", str(out)]
    clean = timed(build)
    unchanged = timed(build)
    for html in (out / "html", out / "instructor" / "html"):
        shutil.rmtree(html)
    cached = timed(build)
    return {"clean_build_both_editions_s": clean, "cached_rebuild_s": cached, "no_change_rebuild_s": unchanged}


def nbval_seconds() -> float:
    return timed(
        [str(BIN / "python"), "-m", "pytest", "chapters", "pages", "--nbval-lax", "--nbval-current-env", "-q"]
        + ["-p", "no:cacheprovider"]
    )


def gzip_size(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=6, mtime=0))


def blocking_scripts(site: Path, page: str) -> list[tuple[str, int]]:
    """Script files in the page's <head> that block rendering (no defer, async or module), with
    their compressed size."""
    html = (site / page).read_text(encoding="utf-8")
    head = html[: html.find("</head>")]
    found = []
    for before, src, after in HEAD_SCRIPT.findall(head):
        attributes = before + after
        if re.search(r"\b(defer|async)\b|type=\"module\"", attributes):
            continue
        path = (site / page).parent / src.split("?")[0]
        found.append((src.split("?")[0].split("/")[-1], gzip_size(path) if path.exists() else 0))
    return found


class Transfers:
    """Bytes that reach the page over the network (compressed, headers included), by CDP."""

    def __init__(self, context, page) -> None:
        self.urls: dict[str, str] = {}
        self.bytes: dict[str, int] = {}
        self.cdp = context.new_cdp_session(page)
        self.cdp.send("Network.enable")
        self.cdp.on("Network.responseReceived", self._response)
        self.cdp.on("Network.loadingFinished", self._finished)

    def _response(self, event) -> None:
        self.urls[event["requestId"]] = event["response"]["url"]

    def _finished(self, event) -> None:
        self.bytes[event["requestId"]] = int(event["encodedDataLength"])

    def take(self) -> tuple[int, int, list[str]]:
        """Bytes and requests since the last call, and the URLs fetched."""
        fetched = {rid: size for rid, size in self.bytes.items() if size > 0}
        urls = [self.urls.get(rid, "?") for rid in fetched]
        total = sum(fetched.values())
        self.bytes.clear()
        return total, len(fetched), urls


FCP_AND_PLOTLY = """() => {
    const fcp = performance.getEntriesByName('first-contentful-paint')[0];
    const plotly = performance.getEntriesByType('resource').find((r) => r.name.includes('/plotly/'));
    return { fcp: fcp ? fcp.startTime : null, plotly: plotly ? plotly.startTime : null };
}"""


def page_figures(site: Path) -> dict:
    from playwright.sync_api import sync_playwright

    httpd = server(site, quiet=True)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{httpd.server_address[1]}/"
    pages = book_pages(site)
    chapters = [p for p in pages if p.startswith("chapters/")]
    figures: dict[str, dict] = {}
    try:
        with sync_playwright() as p:
            browser = launch(p)
            for name in pages:
                context = browser.new_context(service_workers="block", viewport={"width": 412, "height": 823})
                page = context.new_page()
                transfers = Transfers(context, page)
                page.goto(base + name)
                page.wait_for_load_state("load")
                page.wait_for_timeout(300)
                initial, _, _ = transfers.take()
                before_scroll = page.evaluate(FCP_AND_PLOTLY)
                settle(page)
                after, requests, urls = transfers.take()
                timing = page.evaluate(FCP_AND_PLOTLY)
                html = (site / name).read_text(encoding="utf-8")
                figures[name] = {
                    "charts": html.count('class="coupbook-chart-plot"'),
                    "first_visit_bytes": initial + after,
                    "before_scrolling_bytes": initial,
                    "requests": requests,
                    "fcp_ms": timing["fcp"],
                    "plotly_requested_ms": timing["plotly"],
                    "plotly_before_scrolling": before_scroll["plotly"] is not None,
                    "mathjax": any("/mathjax/" in u for u in urls) or "offline/mathjax/" in html,
                    "blocking_scripts": blocking_scripts(site, name),
                }
                context.close()
            for previous, name in zip(chapters, chapters[1:], strict=False):
                context = browser.new_context(service_workers="block", viewport={"width": 412, "height": 823})
                page = context.new_page()
                transfers = Transfers(context, page)
                page.goto(base + previous)
                settle(page)
                transfers.take()
                page.goto(base + name)
                settle(page)
                figures[name]["after_previous_chapter_bytes"] = transfers.take()[0]
                context.close()
            figures["_offline_copy"] = offline_copy_bytes(browser, base)
            browser.close()
    finally:
        httpd.shutdown()
        httpd.server_close()
    return figures


def offline_copy_bytes(browser, base: str) -> dict:
    """What the service worker downloads in the background after a first visit."""
    context = browser.new_context()
    page = context.new_page()
    transfers = Transfers(context, page)
    page.goto(base + "intro.html")
    ready = page.evaluate("() => navigator.serviceWorker ? navigator.serviceWorker.ready.then(() => true) : false")
    page.wait_for_timeout(500)
    page_bytes = transfers.take()[0]
    # The worker's own requests are not the page's: count the files it precached instead.
    precached = page.evaluate(
        """async () => {
            let files = 0, bytes = 0;
            for (const name of await caches.keys()) {
                const cache = await caches.open(name);
                for (const request of await cache.keys()) {
                    files += 1;
                    bytes += (await (await cache.match(request)).arrayBuffer()).byteLength;
                }
            }
            return { files, bytes };
        }"""
    )
    context.close()
    return {"registered": ready, "page_bytes": page_bytes, **precached}


def lighthouse_scores() -> dict | None:
    if not LIGHTHOUSE_SCORES.exists():
        return None
    return json.loads(LIGHTHOUSE_SCORES.read_text())


def verdict(ok: bool) -> str:
    return "ok  " if ok else "OVER"


def report(figures: dict) -> list[str]:
    """Print the budgets; return the ones not met."""
    failures = []
    pages = {k: v for k, v in figures["pages"].items() if not k.startswith("_")}
    header = f"{'page (first visit, every chart drawn)':<44}{'KB':>8}{'req':>5}{'budget':>8}"
    print(f"\n{header}  {'next ch. KB':>11}  FCP / plotly ms")
    for name, f in pages.items():
        budget = CHART_PAGE_BUDGET if f["charts"] else TEXT_PAGE_BUDGET
        ok = f["first_visit_bytes"] <= budget
        nxt = f.get("after_previous_chapter_bytes")
        nxt_text = f"{nxt / KB:9.1f} {verdict(nxt <= NEXT_CHAPTER_BUDGET)}" if nxt is not None else ""
        paint = ""
        if f["charts"]:
            fcp, plotly = f["fcp_ms"], f["plotly_requested_ms"]
            paints_first = fcp is not None and plotly is not None and fcp < plotly and not f["plotly_before_scrolling"]
            paint = f"{fcp or 0:6.0f} / {plotly or 0:6.0f} {'text first' if paints_first else 'PLOTLY FIRST'}"
            if not paints_first:
                failures.append(f"{name}: plotly.js requested before the text painted")
        size = f"{f['first_visit_bytes'] / KB:8.1f}{f['requests']:5d}{budget / KB:7.0f} {verdict(ok)}"
        print(f"{name:<44}{size}{nxt_text:>14}  {paint}")
        if not ok:
            failures.append(f"{name}: {f['first_visit_bytes'] / KB:.0f} KB over its {budget / KB:.0f} KB budget")
        if nxt is not None and nxt > NEXT_CHAPTER_BUDGET:
            failures.append(f"{name}: {nxt / KB:.0f} KB after the previous chapter")
        for script, size in f["blocking_scripts"]:
            if size > BLOCKING_SCRIPT_BUDGET:
                failures.append(f"{name}: render-blocking {script} is {size / KB:.0f} KB")
    blocking = sorted({(s, n) for f in pages.values() for s, n in f["blocking_scripts"]})
    largest = max((n for _, n in blocking), default=0)
    print(f"\nrender-blocking scripts (compressed KB): {', '.join(f'{s} {n / KB:.1f}' for s, n in blocking) or 'none'}"
          f"  [{verdict(largest <= BLOCKING_SCRIPT_BUDGET)}]")
    print(f"pages that load MathJax: {', '.join(n for n, f in pages.items() if f['mathjax']) or 'none'}")
    offline = figures["pages"].get("_offline_copy") or {}
    if offline:
        print(
            f"offline copy (service worker, in the background after the first visit): {offline.get('files', 0)} files, "
            f"{offline.get('bytes', 0) / 1e6:.1f} MB uncompressed"
        )
    scores = figures.get("lighthouse")
    if not scores:
        print("\nLighthouse: no scores yet (run `make lighthouse`)")
        failures.append("Lighthouse not run")
        return failures
    print(f"\nLighthouse 12, mobile (measured {scores['measured_at']}, `make lighthouse`):")
    for page, result in scores["pages"].items():
        s = result["scores"]
        ok = all(s[c] >= goal for c, goal in LIGHTHOUSE_GOALS.items())
        m = result["metrics"]
        print(
            f"  {page:<40} performance {s['performance']:>3}  accessibility {s['accessibility']:>3}  "
            f"best practices {s['best-practices']:>3}  {verdict(ok)}  (FCP {m['first-contentful-paint'] / 1000:.1f} s, "
            f"LCP {m['largest-contentful-paint'] / 1000:.1f} s, TBT {m['total-blocking-time']:.0f} ms, "
            f"CLS {m['cumulative-layout-shift']:.3f})"
        )
        if not ok:
            failures.append(f"Lighthouse {page}: {s}")
    return failures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    parser.add_argument("--skip-build", action="store_true", help="only measure the pages of the existing build")
    parser.add_argument("--site", type=Path, default=ROOT / "_build" / "html", help="the edition to measure")
    args = parser.parse_args()

    figures: dict[str, object] = {}
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        if not args.skip_build:
            figures.update(build_timings(Path(tmp)))
            figures["nbval_s"] = nbval_seconds()
        figures["pages"] = page_figures(args.site)
    figures["lighthouse"] = lighthouse_scores()

    for key in ("clean_build_both_editions_s", "cached_rebuild_s", "no_change_rebuild_s", "nbval_s"):
        if key in figures:
            print(f"{key:<30}{figures[key]:8.1f} s")
    failures = report(figures)
    print("\nbudgets: " + ("all met" if not failures else f"{len(failures)} not met:\n  " + "\n  ".join(failures)))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(figures, indent=2))
        print(f"\nwrote {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
