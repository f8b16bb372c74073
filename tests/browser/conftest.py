"""Fixtures for browser tests: the built book served on 127.0.0.1, driven in headless Chromium.

The browser is Debian's chromium (``/usr/bin/chromium``, installed by ``make test``), driven by
Python playwright; ``playwright install`` is never used.  Every request that leaves 127.0.0.1
is aborted and recorded, so a page that needs the internet fails its test instead of
half-working.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

import pytest

from tests.support import built_site
from tools.browser import Server, book_pages, serve, settle, toc_pages

__all__ = ["Server", "book_pages", "built_site", "serve", "settle", "toc_pages", "watch"]

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def site() -> Server:
    server = serve(built_site("student"))
    yield server
    server.stop()


@pytest.fixture(scope="session")
def instructor_site() -> Server:
    server = serve(built_site("instructor"))
    yield server
    server.stop()


@dataclass
class Watched:
    """A page with everything that went wrong on it recorded."""

    page: object
    console_errors: list[str] = field(default_factory=list)
    external_requests: list[str] = field(default_factory=list)
    failed_requests: list[str] = field(default_factory=list)

    @property
    def problems(self) -> list[str]:
        return (
            [f"console: {m}" for m in self.console_errors]
            + [f"external request: {u}" for u in self.external_requests]
            + [f"failed request: {u}" for u in self.failed_requests]
        )


def watch(context) -> Watched:
    """Open a page in ``context`` that blocks and records off-site requests and errors."""
    page = context.new_page()
    watched = Watched(page)

    def route(route):
        host = urlparse(route.request.url).hostname
        if route.request.url.startswith(("data:", "blob:")) or host == "127.0.0.1":
            route.continue_()
        else:
            watched.external_requests.append(route.request.url)
            route.abort("internetdisconnected")

    context.route("**/*", route)
    page.on("console", lambda m: m.type == "error" and watched.console_errors.append(m.text))
    page.on("pageerror", lambda e: watched.console_errors.append(f"uncaught: {e}"))
    page.on(
        "response",
        lambda r: r.status >= 400 and watched.failed_requests.append(f"{r.status} {r.url}"),
    )
    page.on("requestfailed", lambda r: watched.failed_requests.append(f"{r.failure} {r.url}"))
    return watched


@pytest.fixture
def context(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    yield context
    context.close()


@pytest.fixture
def watched(context) -> Watched:
    return watch(context)
