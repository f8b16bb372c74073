"""A Content-Security-Policy on every page of the built book, as a ``<meta http-equiv>`` element.

Jupyter Book's pages need inline scripts (the theme's mode switch, ``DOCUMENTATION_OPTIONS``, the
togglebutton settings), so the policy lists the SHA-256 hash of each inline
script *of that page*, computed from the written file when the build has finished (pages that
were not rewritten are recomputed too, so the hashes always match the file).  With it the
browser runs no script that is not a file of the book or one of those exact inline scripts:

- ``script-src 'self' 'sha256-...'``: no ``'unsafe-inline'``, so an event-handler attribute
  (``<img onerror=...>``), a ``javascript:`` URL or a ``<script>`` inserted at run time is
  refused; no ``'unsafe-eval'`` and no ``blob:``, so no page can compile code from a string or
  run code it made itself.  The widget loader and the charts load only files of the book
  (:mod:`coupbook.sphinxext.staticwidgets` writes each widget's module as one).  The theme's
  two handler attributes (``onclick="window.print()"``, ``onclick="toggleFullScreen()"``) are
  allowed by hash with ``'unsafe-hashes'``; any other handler attribute in a page is a build
  warning (an error under ``-W``), because the policy would block it.
- ``object-src 'none'`` (no plugins) and ``base-uri 'self'`` (no ``<base>`` hijacking relative
  links).

What it does not cover, and why: styles (plotly, MathJax and the widgets set inline styles, so
``style-src`` is left open); ``frame-ancestors`` and reporting (not allowed in a ``<meta>``
policy; a host can send them as HTTP headers); and text that reaches a page's inline scripts at
build time is hashed with them, so escaping that text (:mod:`coupbook.sphinxext.htmlsafe`) stays
the first defence.  Opened from disk (``file://``), Chromium lets ``'self'`` match the book's
own files, so the book still works there (the browser tests check it, in Chromium only).

Anything else that rewrites built pages must run before this (``build-finished`` priority below
900), or the hashes go stale and the browser refuses the changed scripts.
"""

from __future__ import annotations

import base64
import hashlib
import re
from html.parser import HTMLParser
from pathlib import Path

from sphinx.util import logging

LOGGER = logging.getLogger(__name__)
# Inline event handlers the theme writes into every page; allowed by hash ('unsafe-hashes').
THEME_HANDLERS = frozenset({"window.print()", "toggleFullScreen()"})
SCRIPT_SOURCES = ("'self'",)
OTHER_DIRECTIVES = ("object-src 'none'", "base-uri 'self'")
JS_TYPES = {"", "text/javascript", "application/javascript", "module"}
META = re.compile(r'<meta http-equiv="Content-Security-Policy"[^>]*>\n?', re.I)
CHARSET = re.compile(r"<meta charset=[^>]*>\n?", re.I)


def sha256_source(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


class InlineCode(HTMLParser):
    """Collects a page's inline scripts (executable types only) and event-handler attributes."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.scripts: list[str] = []
        self.handlers: list[tuple[str, str]] = []
        self._script: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        self.handlers += [(name, value or "") for name, value in attrs if name.startswith("on")]
        if tag == "script" and not attributes.get("src"):
            kind = (attributes.get("type") or "").strip().lower()
            self._script = [] if kind in JS_TYPES else None

    def handle_data(self, data):
        if self._script is not None:
            self._script.append(data)

    def handle_endtag(self, tag):
        if tag == "script" and self._script is not None:
            self.scripts.append("".join(self._script))
            self._script = None


def policy_for(html: str) -> tuple[str, list[str]]:
    """The policy for a page, and the handler attributes it has that the policy blocks."""
    parser = InlineCode()
    parser.feed(META.sub("", html))
    parser.close()
    hashes = sorted({sha256_source(s) for s in parser.scripts})
    allowed = sorted({sha256_source(v) for _, v in parser.handlers if v.strip() in THEME_HANDLERS})
    blocked = [f'{name}="{value}"' for name, value in parser.handlers if value.strip() not in THEME_HANDLERS]
    sources = [
        *SCRIPT_SOURCES,
        *(["'unsafe-hashes'"] if allowed else []),
        *allowed,
        *hashes,
    ]
    return "; ".join([f"script-src {' '.join(sources)}", *OTHER_DIRECTIVES]), blocked


def with_policy(html: str, policy: str) -> str:
    """``html`` with its policy element (replacing an older one) right after ``<meta charset>``."""
    html = META.sub("", html)
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy}" />\n'
    anchor = CHARSET.search(html) or re.search(r"<head[^>]*>\n?", html, re.I)
    if anchor is None:
        raise ValueError("no <head> to put the Content-Security-Policy in")
    return html[: anchor.end()] + meta + html[anchor.end() :]


def site_pages(outdir: Path) -> list[Path]:
    return sorted(p for p in outdir.rglob("*.html") if not p.relative_to(outdir).parts[0].startswith("_"))


def add_policies(app, exception) -> None:
    if exception is not None or app.builder.format != "html":
        return
    outdir = Path(app.outdir)
    for page in site_pages(outdir):
        html = page.read_text(encoding="utf-8")
        if "<head" not in html and "<script" not in html:
            continue  # index.html: a bare redirect written by sphinx-external-toc, no script to allow
        policy, blocked = policy_for(html)
        for handler in blocked:
            LOGGER.warning(
                "%s: the Content-Security-Policy blocks the inline handler %s; use a script file",
                page.relative_to(outdir),
                handler,
                type="coupbook",
                subtype="csp",
            )
        updated = with_policy(html, policy)
        if updated != html:
            page.write_text(updated, encoding="utf-8")


def setup(app) -> None:
    app.connect("build-finished", add_policies, priority=900)
