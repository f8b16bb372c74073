"""Live use of the cascade model in JupyterLab: a slider moved with the keyboard reaches Python's
traitlets, and a setting changed in Python moves the slider.

Uses the JupyterLab server of test_live_jupyterlab (its ``lab`` fixture, started once for this
module) and puts its own notebook there through the contents API.
"""

from __future__ import annotations

import json
import urllib.request

import nbformat

from bookquiz.cascade import run

from . import test_live_jupyterlab as live
from .conftest import watch
from .test_cascade import press, wait_for_summary

lab = live.lab  # the fixture: a JupyterLab server on 127.0.0.1 for this module
NOTEBOOK = "cascade_live.ipynb"
CELLS = [
    "from bookquiz.cascade import Cascade\ncascade = Cascade(centre=30, spread=10, initial=5)\ncascade",
    "print('CASCADE', cascade.initial, cascade.outcome, cascade.defected, len(cascade.rounds))",
    "cascade.initial = 20",
]


def put_notebook(url: str) -> None:
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.cells = [nbformat.v4.new_code_cell(source) for source in CELLS]
    body = json.dumps({"type": "notebook", "format": "json", "content": nb}).encode()
    request = urllib.request.Request(
        f"{url}/api/contents/{NOTEBOOK}?token={live.TOKEN}", data=body, method="PUT",
        headers={"Content-Type": "application/json"},
    )  # fmt: skip
    urllib.request.urlopen(request, timeout=30).close()


def cell(page, index: int):
    return page.locator(".jp-NotebookPanel:visible .jp-Cell").nth(index)


def run_cell(page, index: int, appears) -> None:
    """Run one cell with Shift+Enter until ``appears`` shows (an early keystroke can be lost)."""
    for attempt in range(3):
        cell(page, index).locator(".jp-InputArea-editor").click()
        page.keyboard.press("Shift+Enter")
        try:
            appears.wait_for(timeout=20_000 if attempt < 2 else 40_000)
            return
        except Exception:  # noqa: BLE001 - JupyterLab was still settling: press again
            pass
    appears.wait_for(timeout=1)


def test_keyboard_in_the_widget_reaches_python_and_back(lab, browser):
    put_notebook(lab)
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    watched = watch(context)
    page = watched.page
    try:
        # A workspace of its own, emptied first: JupyterLab reopens the tabs of a saved workspace.
        page.goto(f"{lab}/lab/workspaces/cascade-live/tree/{NOTEBOOK}?token={live.TOKEN}&reset")
        page.get_by_text("Python 3 (ipykernel) | Idle").wait_for(timeout=90_000)
        widget = page.locator(".bookquiz-cascade")
        run_cell(page, 0, widget)
        press(page, widget.get_by_label("Share that defects at the start"), "ArrowRight", 4)
        assert wait_for_summary(page, widget, "The cascade tips") == run(centre=30, spread=10, initial=9).summary
        page.wait_for_timeout(500)  # the comm message reaches the kernel
        output = cell(page, 1).locator(".jp-OutputArea-output")
        run_cell(page, 1, output)
        assert "CASCADE 9 tipped 100 13" in output.inner_text()
        run_cell(page, 2, widget.locator("input[name=initial][aria-valuetext='20%']"))
        expected = run(centre=30, spread=10, initial=20).summary
        assert wait_for_summary(page, widget, expected) == expected
        assert watched.external_requests == []
    finally:
        context.close()
