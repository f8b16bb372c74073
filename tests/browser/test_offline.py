"""Readable offline after one visit (tools/offline_copy.py, _static/coupbook/offline.js).

A learner opens the book once online; the service worker keeps the whole book.  Then the network
is gone (the browser context is offline and the server is stopped): every chapter still opens,
draws its charts and its quizzes, and a quiz can be answered.  A rebuilt book replaces the old
copy: the new worker takes over and serves the new pages offline.
"""

from __future__ import annotations

import shutil

import pytest

from tests.support import built_site
from tools.browser import serve, settle, toc_pages
from tools.offline_copy import write_service_worker

pytestmark = pytest.mark.browser
CHAPTERS = [p for p in toc_pages() if p.startswith("chapters/")]
READY = "() => navigator.serviceWorker.ready.then(() => true)"
CONTROLLED = "() => !!navigator.serviceWorker.controller"


def first_visit(context, url: str):
    page = context.new_page()
    page.goto(url + "intro.html")
    assert page.evaluate(READY), "the service worker did not start"
    page.reload()  # now under the worker's control
    page.wait_for_function(CONTROLLED)
    return page


@pytest.fixture
def book_copy(tmp_path):
    """A copy of the built book on its own server, so it can be stopped and rebuilt."""
    copy = tmp_path / "book"
    shutil.copytree(built_site("student"), copy)
    return copy


def test_every_chapter_works_offline_after_one_visit(browser, book_copy):
    server = serve(book_copy)
    context = browser.new_context()
    try:
        page = first_visit(context, server.url)
        server.stop()
        context.set_offline(True)
        for path in CHAPTERS:
            page.goto(server.url + path)
            settle(page)
            assert page.locator(".bookquiz").count() >= 1, f"{path}: no quiz offline"
            charts = page.locator(".coupbook-chart-plot")
            assert charts.count() >= 1, f"{path}: no chart"
            for i in range(charts.count()):
                assert charts.nth(i).locator(".main-svg").count() >= 1, f"{path}: chart {i} did not draw offline"
        page.goto(server.url + CHAPTERS[0])
        settle(page)
        question = page.locator(".bookquiz-question:has(input[type=radio])").first
        question.locator("input[type=radio]").first.check()
        question.locator(".bookquiz-check").click()
        assert question.locator(".bookquiz-feedback").inner_text().strip(), "no feedback offline"
        page.goto(server.url + "pages/my_progress.html")
        settle(page)
        assert page.locator(".bookquiz-progress-table").count() == 1
    finally:
        context.close()


def test_a_rebuilt_book_replaces_the_offline_copy(browser, book_copy):
    server = serve(book_copy)
    context = browser.new_context()
    try:
        page = first_visit(context, server.url)
        chapter = book_copy / CHAPTERS[3]
        html = chapter.read_text(encoding="utf-8")
        chapter.write_text(html.replace("<article", '<p id="rebuilt">A rebuilt page.</p><article', 1), encoding="utf-8")
        write_service_worker(book_copy)  # what the build does after every edition
        page.evaluate("() => navigator.serviceWorker.getRegistration().then((r) => r.update())")
        page.wait_for_function(
            "() => navigator.serviceWorker.getRegistration().then((r) => !!r.active && !r.installing && !r.waiting)"
        )
        page.wait_for_timeout(500)
        server.stop()
        context.set_offline(True)
        page.goto(server.url + CHAPTERS[3])
        assert page.locator("#rebuilt").count() == 1, "offline, the old page was served after a rebuild"
        caches = page.evaluate("() => caches.keys()")
        assert len([c for c in caches if "precache" in c]) == 1, caches
    finally:
        context.close()
