"""The static book draws any anywidget with its own loader, and refuses other widgets.

A small book with a widget that is not the course's quiz (a counter written the way any
anywidget is: an ES module with ``render({model, el})`` over ``get``, ``set``, ``on``, ``off``
and ``save_changes``) is built by the project's build and opened in Chromium: it draws, reacts
and keeps its state with no kernel, no require.js and no ``blob:`` module.  A book that shows
an ipywidgets slider fails to build, naming the page and the widget.
"""

from __future__ import annotations

import pytest

from tests.book.minibook import build, write_book
from tools.browser import serve, settle

COUNTER = '''
import anywidget, traitlets

class Counter(anywidget.AnyWidget):
    _esm = """
    export default {
      render({ model, el }) {
        const button = document.createElement("button");
        button.className = "counter";
        const show = () => { button.textContent = `count is ${model.get("count")}`; };
        show();
        button.addEventListener("click", () => { model.set("count", model.get("count") + 1); model.save_changes(); });
        model.on("change:count", show);
        el.append(button);
        return () => model.off("change:count", show);
      },
    };
    """
    _css = ".counter { border: 2px solid rebeccapurple; }"
    count = traitlets.Int(5).tag(sync=True)

Counter()
'''


@pytest.fixture(scope="module")
def counter_book(tmp_path_factory):
    folder = tmp_path_factory.mktemp("counter")
    write_book(folder, {"intro": "# Intro\n", "widget": [COUNTER]}, assets=True)
    run = build(folder, "student")
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    server = serve(folder / "_build" / "html")
    yield server
    server.stop()


@pytest.mark.browser
def test_any_anywidget_renders_and_reacts_without_a_kernel(counter_book, browser):
    context = browser.new_context()
    page = context.new_page()
    errors, requests = [], []
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("request", lambda r: requests.append(r.url))
    try:
        page.goto(counter_book.url + "widget.html")
        settle(page)
        button = page.locator("button.counter")
        assert button.inner_text() == "count is 5"
        button.click()
        button.click()
        assert button.inner_text() == "count is 7"
        assert button.evaluate("b => getComputedStyle(b).borderTopColor") == "rgb(102, 51, 153)", "its _css applies"
        assert errors == []
        assert not [u for u in requests if "require" in u or "html-manager" in u or u.startswith("blob:")]
        assert any("/_static/coupbook/widgets/" in u for u in requests), "the module is a file of the book"
    finally:
        context.close()


def test_a_widget_that_is_not_an_anywidget_fails_the_build(tmp_path):
    write_book(tmp_path, {"intro": "# Intro\n", "slider": ["import ipywidgets\nipywidgets.IntSlider(3)"]})
    run = build(tmp_path, "student")
    output = run.stdout + run.stderr
    assert run.returncode != 0
    assert "slider" in output and "IntSliderModel" in output, output[-4000:]
    assert "Only anywidget widgets are drawn" in output
