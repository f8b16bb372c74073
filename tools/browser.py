"""Headless Chromium on a local copy of the built book: used by the PDF printer, the benchmark
and the browser tests.

The browser is Debian's ``chromium`` (``tools/ensure_chromium.sh`` installs it), driven by
Python playwright; ``playwright install`` is never used.  Another Chromium can be used by
setting ``COUPBOOK_CHROMIUM`` to its path.  Pages are served by a throwaway HTTP server bound to
127.0.0.1.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import threading
from dataclasses import dataclass
from pathlib import Path

from tools.toc import toc_files

CHROMIUM = os.environ.get("COUPBOOK_CHROMIUM", "/usr/bin/chromium")
# Without the background-networking flags Chromium tries to reach Google at start-up.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep test and tool output readable
        pass

    def handle(self):
        # The browser may close a page while a file is being sent; that is not an error here.
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            super().handle()


@dataclass
class Server:
    root: Path
    url: str
    httpd: http.server.ThreadingHTTPServer

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def serve(root: Path) -> Server:
    """Serve ``root`` on 127.0.0.1 (a free port) from a background thread."""
    handler = functools.partial(QuietHandler, directory=str(root))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return Server(Path(root), f"http://127.0.0.1:{httpd.server_address[1]}/", httpd)


def launch(playwright):
    """Start headless Chromium; fail with a clear message when it is not installed."""
    if not Path(CHROMIUM).exists():
        raise RuntimeError(
            f"{CHROMIUM} is missing: run tools/ensure_chromium.sh (make test does) or set COUPBOOK_CHROMIUM"
        )
    return playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)


def toc_pages(root: Path | None = None, edition: str = "student") -> list[str]:
    """Every HTML page an edition will have, from its table of contents (no build needed).

    The student edition (the default) has no instructor-only pages (``meta`` in _toc.yml).
    """
    files = toc_files(root, edition) if root else toc_files(edition=edition)
    return sorted({f"{f}.html" for f in files} | {"genindex.html", "index.html", "search.html"})


def book_pages(site: Path) -> list[str]:
    """Every HTML page of a built book, relative to its root (not the _static/_sources files)."""
    return sorted(
        p.relative_to(site).as_posix() for p in site.rglob("*.html") if not p.relative_to(site).parts[0].startswith("_")
    )


SETTLE_SCRIPT = """() => {
    const states = document.querySelectorAll('script[type="application/vnd.jupyter.widget-view+json"]');
    const views = document.querySelectorAll('.widget-subarea');
    const drawnViews = [...views].filter((view) => view.childElementCount > 0);  // any widget, once rendered
    const plots = document.querySelectorAll('.coupbook-chart-plot');
    const drawn = document.querySelectorAll('.coupbook-chart-plot .main-svg');
    return views.length >= states.length && drawnViews.length >= states.length && drawn.length >= plots.length;
}"""


# Charts and widgets draw when they come near the screen (coupbook/sphinxext/js/src/charts.js,
# loader.js): open the dropdowns that hold one and bring each into view, then go back to the top.
REVEAL_CHARTS = """async () => {
    const plots = [...document.querySelectorAll('.coupbook-chart-plot, .coupbook-widget')];
    for (const plot of plots) {
        const holder = plot.closest('details');
        if (holder) holder.open = true;
    }
    for (const plot of plots) {
        plot.scrollIntoView({ block: 'center' });
        await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    }
    if (plots.length) window.scrollTo(0, 0);
}"""


def settle(page, timeout_ms: int = 30_000) -> None:
    """Wait until the page's widgets, charts and maths have rendered (every chart brought into view)."""
    from playwright.sync_api import Error as PlaywrightError

    attempts = 5
    for attempt in range(attempts):
        try:
            page.wait_for_load_state("load")
            page.evaluate(REVEAL_CHARTS)
            page.wait_for_function(SETTLE_SCRIPT, timeout=timeout_ms)
            # MathJax typesets asynchronously; its startup promise resolves when the page is done.
            page.evaluate("() => window.MathJax?.startup?.promise?.then(() => true) ?? true")
            break
        except PlaywrightError as error:
            # A page that forwards to another (index.html's refresh to the first chapter) replaces
            # the document under the script: settle the page it forwarded to.
            # On a busy machine the forward can start after "load" has returned for the old page,
            # so give the new page a moment to begin before waiting for its load again.
            if "Execution context was destroyed" not in str(error) or attempt == attempts - 1:
                raise
            page.wait_for_timeout(500 * (attempt + 1))
    page.wait_for_timeout(300)
