"""Live use in JupyterLab: answering in the widget reaches Python, and chapters read as in the book.

Starts a JupyterLab server on 127.0.0.1 (with ``make lab``'s settings) with a small notebook and a
copy of chapter 4, runs the small notebook in Chromium, answers a question in the quiz and checks
that the next cell sees ``quiz.answers``, ``quiz.score`` and ``quiz.first_try_score``; opens the
chapter and checks that its MyST (an admonition, citations, glossary terms) renders through
jupyterlab-myst, not as raw markup, and that JupyterLab asks nothing about news.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import nbformat
import pytest

from tests.support import run_cell_until

from .conftest import ROOT, watch

pytestmark = pytest.mark.browser
TOKEN = "bookquiz-live-test"
FIXTURE = ROOT / "tests" / "fixtures" / "banks" / "all_types.yaml"
CHAPTER = "chapters/04_wagner_mutiny.ipynb"
# The settings `make lab` adds (LAB_FLAGS in the Makefile): no news pop-up, no update check.
LAB_FLAGS = re.search(r"^LAB_FLAGS := (.*?[^\\])$", (ROOT / "Makefile").read_text(), re.M | re.S).group(1)
LAB_FLAGS = LAB_FLAGS.replace("\\\n", " ").replace("$(CURDIR)", str(ROOT)).split()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    folder = tmp_path_factory.mktemp("lab")
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.cells = [
        nbformat.v4.new_code_cell(
            f"from bookquiz import Quiz, load_bank\nquiz = Quiz(load_bank({str(FIXTURE)!r}), ['single-q'])\nquiz"
        ),
        nbformat.v4.new_code_cell(
            "print('LIVE', quiz.score, quiz.first_try_score, quiz.answers['single-q']['attempts'][-1]['response'])"
        ),
    ]
    nbformat.write(nb, folder / "live.ipynb")
    (folder / "chapters").mkdir()
    shutil.copy(ROOT / CHAPTER, folder / CHAPTER)
    port = free_port()
    command = [
        str(Path(sys.executable).parent / "jupyter"), "lab", "--no-browser", f"--port={port}", "--ip=127.0.0.1",
        f"--ServerApp.token={TOKEN}", f"--ServerApp.root_dir={folder}", "--allow-root", *LAB_FLAGS,
    ]  # fmt: skip
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=dict(os.environ))
    url = f"http://127.0.0.1:{port}"
    for _ in range(120):
        try:
            urllib.request.urlopen(f"{url}/api/status?token={TOKEN}", timeout=1)
            break
        except OSError:
            time.sleep(0.5)
    else:
        server.terminate()
        pytest.fail("JupyterLab did not start")
    yield url
    server.terminate()
    server.wait(timeout=20)


@contextlib.contextmanager
def open_in_lab(browser, lab: str, notebook: str):
    """A JupyterLab tab on ``notebook`` alone; no request may leave the machine.  ``reset`` starts
    from an empty workspace: JupyterLab would otherwise restore the tabs of an earlier run (kept in
    ~/.jupyter), and another notebook's rendered Markdown cells would come first in the page."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    watched = watch(context)
    try:
        watched.page.goto(f"{lab}/lab/tree/{notebook}?token={TOKEN}&reset")
        yield watched.page
        assert watched.external_requests == []
    finally:
        context.close()


def test_answer_in_widget_reaches_python(lab, browser):
    with open_in_lab(browser, lab, "live.ipynb") as page:
        page.wait_for_selector(".jp-Notebook .jp-Cell", timeout=60_000)
        # The status bar says "Idle" once the kernel has started and the notebook is ready.
        page.get_by_text("Python 3 (ipykernel) | Idle").wait_for(timeout=90_000)
        quiz = page.locator(".bookquiz")
        run_cell_until(page, page.locator(".jp-Cell").first, quiz, tries=3, wait_ms=20_000)
        quiz.get_by_label("The military or other elites within the state apparatus").check()
        quiz.locator(".bookquiz-check").click()
        assert "Correct." in quiz.locator(".bookquiz-feedback").inner_text()
        page.locator(".jp-Cell").nth(1).locator(".jp-InputArea-editor").click()
        page.keyboard.press("Shift+Enter")
        output = page.locator(".jp-Cell").nth(1).locator(".jp-OutputArea-output")
        output.wait_for(timeout=30_000)
        assert "LIVE 1 1 insiders" in output.inner_text()


def test_chapter_myst_renders_in_live_jupyterlab(lab, browser):
    with open_in_lab(browser, lab, CHAPTER) as page:
        cells = page.locator(".jp-Notebook .jp-MarkdownCell")
        cells.first.wait_for(timeout=60_000)
        overview, first_section = cells.nth(0), cells.nth(1)
        first_section.locator(".jp-RenderedMarkdown, .jp-RenderedMyST, .myst").first.wait_for(timeout=30_000)
        text = overview.inner_text() + first_section.inner_text()
        for raw in (":::{admonition}", "{cite:p}", "{term}", ":class:"):
            assert raw not in text, f"raw MyST {raw!r} shown in JupyterLab"
        admonition = overview.locator("aside, .admonition, [class*='admonition']").first
        assert admonition.is_visible() and "Overview" in admonition.inner_text()
        assert first_section.locator("cite, [class*='cite'], a[href*='cite']").count() >= 1, "no rendered citation"
        page.wait_for_timeout(1500)  # the news question would have appeared by now
        notices = page.locator(".jp-Notification-Toast, .Toastify__toast").all_inner_texts()
        assert not [n for n in notices if "news" in n.lower()], notices
