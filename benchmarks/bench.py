"""Performance figures for the book, printed (not asserted: the goals are for people to judge).

    python benchmarks/bench.py            # or: make bench
    python benchmarks/bench.py --json benchmarks/results/latest.json

Measures, in a throwaway build folder so the working build is untouched:
- clean build seconds of both editions (tools/build_book.py --edition both: every notebook
  executed once, both editions rendered from the outputs),
- cached rebuild seconds (both editions' HTML deleted, notebook outputs from jupyter-cache) and
  no-change rebuild seconds,
- nbval seconds (every notebook run by pytest --nbval-lax),
- for each page: the HTML size and the bytes Chromium actually loads (page plus assets), and the
  size of the shared assets in _static/.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tools.browser import book_pages, launch, serve, settle  # noqa: E402

BIN = Path(sys.executable).parent


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


def folder_bytes(folder: Path) -> int:
    return sum(f.stat().st_size for f in folder.rglob("*") if f.is_file())


def page_weights(site: Path) -> dict[str, dict[str, int]]:
    """HTML bytes and total bytes loaded by Chromium for every page."""
    from playwright.sync_api import sync_playwright

    server = serve(site)
    weights = {}
    try:
        with sync_playwright() as p:
            browser = launch(p)
            for name in book_pages(site):
                context = browser.new_context()  # empty cache: count every asset
                page = context.new_page()
                loaded: dict[str, int] = {}

                def record(response, loaded=loaded):
                    try:
                        loaded[response.url] = len(response.body())
                    except Exception:  # noqa: BLE001 - redirects and aborted requests have no body
                        loaded.setdefault(response.url, 0)

                page.on("response", record)
                page.goto(server.url + name)
                settle(page)
                weights[name] = {"html_bytes": (site / name).stat().st_size, "loaded_bytes": sum(loaded.values())}
                context.close()
            browser.close()
    finally:
        server.stop()
    return weights


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    parser.add_argument("--skip-build", action="store_true", help="only measure nbval and page weights")
    args = parser.parse_args()

    figures: dict[str, object] = {}
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        out = Path(tmp)
        if not args.skip_build:
            figures.update(build_timings(out))
            site = out / "html"
        else:
            site = ROOT / "_build" / "html"
        figures["nbval_s"] = nbval_seconds()
        figures["shared_assets_bytes"] = folder_bytes(site / "_static")
        figures["vendored_bytes"] = {
            p.name: folder_bytes(p) if p.is_dir() else p.stat().st_size
            for p in sorted((site / "_static/offline").iterdir())
        }
        figures["pages"] = page_weights(site)

    for key in ("clean_build_both_editions_s", "cached_rebuild_s", "no_change_rebuild_s", "nbval_s"):
        if key in figures:
            print(f"{key:<30}{figures[key]:8.1f} s")
    print(f"{'shared assets (_static)':<24}{figures['shared_assets_bytes'] / 1e6:8.2f} MB")
    for name, size in figures["vendored_bytes"].items():
        print(f"  vendored {name:<22}{size / 1e6:8.2f} MB")
    print(f"\n{'page':<44}{'HTML KB':>10}{'loaded MB':>12}")
    for name, weight in figures["pages"].items():
        print(f"{name:<44}{weight['html_bytes'] / 1e3:10.1f}{weight['loaded_bytes'] / 1e6:12.2f}")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(figures, indent=2))
        print(f"\nwrote {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
