"""Print the book's chapters to PDF for handouts: the built HTML, a print stylesheet
(_assets/custom.css) and headless Chromium.

    python tools/print_pdf.py                      # every chapter -> _build/pdf/
    python tools/print_pdf.py --pages chapters/04_wagner_mutiny.html --out /tmp/pdf

Charts print as drawn; quizzes print their questions without buttons; the sidebars are left
out.  Needs a built book (make book) and Debian's chromium (tools/ensure_chromium.sh).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tools.browser import book_pages, launch, serve, settle  # noqa: E402


def print_pages(site: Path, out: Path, pages: list[str]) -> list[Path]:
    from playwright.sync_api import sync_playwright

    out.mkdir(parents=True, exist_ok=True)
    server = serve(site)
    written = []
    try:
        with sync_playwright() as p:
            browser = launch(p)
            page = browser.new_page(viewport={"width": 1000, "height": 1400})
            for name in pages:
                page.goto(server.url + name)
                settle(page)
                page.emulate_media(media="print")
                target = out / (Path(name).stem + ".pdf")
                page.pdf(
                    path=str(target),
                    format="A4",
                    print_background=True,
                    margin={"top": "18mm", "bottom": "18mm", "left": "16mm", "right": "16mm"},
                    display_header_footer=True,
                    header_template="<span></span>",
                    footer_template=(
                        '<div style="font-size:8px;width:100%;text-align:center">'
                        '<span class="title"></span> · page <span class="pageNumber"></span> of '
                        '<span class="totalPages"></span></div>'
                    ),
                )
                written.append(target)
            browser.close()
    finally:
        server.stop()
    return written


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--site", type=Path, default=ROOT / "_build" / "html")
    parser.add_argument("--out", type=Path, default=ROOT / "_build" / "pdf")
    parser.add_argument("--pages", nargs="*", help="pages relative to the site (default: every chapter)")
    args = parser.parse_args()
    if not (args.site / "intro.html").exists():
        print(f"print_pdf: {args.site} has no built book; run `make book` first", file=sys.stderr)
        return 1
    pages = args.pages or [p for p in book_pages(args.site) if p.startswith("chapters/")]
    for path in print_pages(args.site, args.out, pages):
        print(f"print_pdf: wrote {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
