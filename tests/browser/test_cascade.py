"""The defection-cascade widget in Chromium: on a bare page with a stand-in model (harness.py) and
in the built book with no kernel.  Controls are moved with the keyboard only; the text for
screen readers, the outcome, the rounds sent to the model, the theme and a 375 px screen are
checked."""

from __future__ import annotations

from pathlib import Path

import pytest

from bookquiz.cascade import Cascade, run

from .conftest import serve, settle, watch
from .harness import write_page

pytestmark = pytest.mark.browser
CONTRAST_JS = (Path(__file__).parent / "contrast.js").read_text(encoding="utf-8")
WAGNER = {"centre": 30, "spread": 10, "initial": 5}
# The lowest contrast of the charts' text and marks against the card (text needs 4.5, marks 3).
CHART_CONTRAST_JS = """() => {
  const rgb = (s) => s.match(/[\\d.]+/g).slice(0, 3).map(Number);
  const channel = (v) => { const c = v / 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };
  const lum = ([r, g, b]) => 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((m, n) => n - m); return (x + 0.05) / (y + 0.05); };
  const card = rgb(getComputedStyle(document.querySelector(".bookquiz-cascade")).backgroundColor);
  const lowest = (selector, property) => Math.min(...[...document.querySelectorAll(selector)]
    .map((el) => ratio(rgb(getComputedStyle(el)[property]), card)));
  return { text: lowest(".bookquiz-cascade-svg text", "fill"), line: lowest(".bookquiz-cascade-svg .line", "stroke"),
           marks: lowest(".bookquiz-cascade-svg .unit", "stroke") };
}"""


@pytest.fixture(scope="module")
def harness(tmp_path_factory):
    folder = tmp_path_factory.mktemp("cascade")
    write_page(folder, "cascade", Cascade(title="Test model", **WAGNER))
    server = serve(folder)
    yield server
    server.stop()


def open_page(context, harness):
    watched = watch(context)
    watched.page.goto(harness.url + "cascade.html")
    watched.page.wait_for_function("window.harnessReady === true")
    return watched


def summary(widget) -> str:
    return widget.locator(".bookquiz-cascade-summary").inner_text()


def press(page, control, key: str, times: int) -> None:
    control.focus()
    for _ in range(times):
        page.keyboard.press(key)


def wait_for_summary(page, widget, start: str) -> str:
    """The live region is updated once a control rests (so holding an arrow key is said once)."""
    handle = widget.locator(".bookquiz-cascade-summary").element_handle()
    page.wait_for_function("([el, start]) => el.textContent.startsWith(start)", arg=[handle, start])
    return summary(widget)


def test_the_keyboard_moves_the_model_and_the_live_region_says_the_outcome(context, harness):
    watched = open_page(context, harness)
    page = watched.page
    widget = page.locator(".bookquiz-cascade")
    status = widget.locator(".bookquiz-cascade-summary")
    assert (status.get_attribute("role"), status.get_attribute("aria-live")) == ("status", "polite")
    assert summary(widget) == run(**WAGNER).summary
    share = widget.get_by_label("Share that defects at the start")
    press(page, share, "ArrowRight", 4)
    assert share.get_attribute("aria-valuetext") == "9%"
    text = wait_for_summary(page, widget, "The cascade tips")
    expected = run(**{**WAGNER, "initial": 9})
    assert text == expected.summary
    assert widget.get_attribute("data-outcome") == "tipped"
    values = page.evaluate("window.model.values")
    assert values["initial"] == 9 and values["rounds"] == expected.as_dict()["rounds"]
    assert values["summary"] == expected.summary and values["thresholds"] == list(expected.thresholds)
    assert page.evaluate("window.model.saves") >= 1
    press(page, share, "ArrowLeft", 1)
    assert wait_for_summary(page, widget, "The cascade stalls") == run(**{**WAGNER, "initial": 8}).summary
    rows = widget.locator(".bookquiz-cascade-table tbody tr")
    assert rows.count() == 3 and rows.last.locator("td").nth(1).text_content() == "10"
    assert watched.problems == []


def test_every_control_is_native_labelled_and_reached_with_tab(context, harness):
    page = open_page(context, harness).page
    widget = page.locator(".bookquiz-cascade")
    widget.get_by_label("Bell curve (normal)").focus()
    reached = []
    for _ in range(7):
        reached.append(page.evaluate("document.activeElement.name || document.activeElement.textContent"))
        page.keyboard.press("Tab")
    # One stop for the radio group; the broadcast's sliders are disabled (skipped) until it is ticked.
    after = ["centre", "spread", "initial", "signal", "Back to the starting settings", "The rounds as a table"]
    assert reached[1:] == after
    for label in ["Centre of the thresholds", "Spread of the thresholds", "The broadcast is heard in round"]:
        assert widget.get_by_label(label).evaluate("el => el.tagName") == "INPUT"
    signal = widget.get_by_label("Broadcast a focal signal")
    signal.focus()
    page.keyboard.press("Space")
    drop = widget.get_by_label("The broadcast lowers every threshold by")
    assert drop.is_enabled()
    press(page, drop, "ArrowLeft", 5)  # from 10 to 5 points
    text = wait_for_summary(page, widget, "The cascade tips")
    assert text == run(**WAGNER, signal=True, signal_drop=5, signal_round=1).summary
    widget.get_by_label("Even (uniform)").focus()
    page.keyboard.press("Space")
    assert page.evaluate("window.model.values.distribution") == "uniform"
    widget.get_by_role("button", name="Back to the starting settings").press("Enter")
    assert wait_for_summary(page, widget, "The cascade stalls") == run(**WAGNER).summary
    assert page.evaluate("window.model.values.signal") is False


def test_a_setting_changed_in_python_moves_the_controls(context, harness):
    page = open_page(context, harness).page
    widget = page.locator(".bookquiz-cascade")
    page.evaluate("window.model.set('initial', 20)")
    assert widget.get_by_label("Share that defects at the start").input_value() == "20"
    expected = run(**{**WAGNER, "initial": 20}).summary
    assert wait_for_summary(page, widget, expected) == expected


def test_render_returns_a_cleanup_that_removes_listeners(context, harness):
    page = open_page(context, harness).page
    page.evaluate("window.cleanup()")
    assert page.locator(".bookquiz-cascade").count() == 0
    left = page.evaluate("Object.values(window.model.handlers).reduce((n, list) => n + list.length, 0)")
    assert left == 0


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_the_widget_follows_the_theme_with_readable_text_and_marks(context, harness, theme):
    page = open_page(context, harness).page
    page.evaluate(f"document.documentElement.dataset.theme = {theme!r}")
    colours = page.evaluate(CONTRAST_JS)
    assert (colours["card"] == "rgb(255, 255, 255)") == (theme == "light"), colours["card"]
    assert colours["worst"][0][0] >= 4.5, colours["worst"]
    chart = page.evaluate(CHART_CONTRAST_JS)
    assert chart["text"] >= 4.5 and chart["line"] >= 3 and chart["marks"] >= 3, chart


def test_fits_a_375px_screen(browser, harness):
    # Not is_mobile: the bare harness page has no viewport meta (the book's 375 px test has both).
    context = browser.new_context(viewport={"width": 375, "height": 812}, device_scale_factor=2)
    try:
        page = open_page(context, harness).page
        assert page.evaluate("document.documentElement.scrollWidth") <= 376
        box = page.locator(".bookquiz-cascade").bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 376
        # Sliders and buttons; a radio button or checkbox is clicked through its label too, as in the quiz.
        for control in page.locator(".bookquiz-cascade input[type=range], .bookquiz-cascade button").all():
            assert control.bounding_box()["height"] >= 24, "touch target under 24 px (WCAG 2.5.8)"
    finally:
        context.close()


# --- in the built book, no kernel -----------------------------------------------------------------


def open_chapter(site, context, name: str):
    """A chapter of the built book, its one cascade widget, and what went wrong on the page."""
    watched = watch(context)
    watched.page.goto(f"{site.url}chapters/{name}.html")
    settle(watched.page)
    widget = watched.page.locator(".bookquiz-cascade")
    assert widget.count() == 1
    return watched, watched.page, widget


def test_chapter_4_cascade_with_the_keyboard(site, context):
    watched, page, widget = open_chapter(site, context, "04_wagner_mutiny")
    assert summary(widget) == run(**WAGNER).summary
    press(page, widget.get_by_label("Share that defects at the start"), "ArrowRight", 4)
    assert wait_for_summary(page, widget, "The cascade tips") == (
        "The cascade tips: all 100 units have defected by round 12. At the start 9 units (9%) defected."
    )
    assert widget.get_attribute("data-outcome") == "tipped"
    widget.locator("summary", has_text="The rounds as a table").press("Enter")
    assert widget.locator(".bookquiz-cascade-table tbody tr").count() == 13
    # The guided questions follow the model, and the chapter's own quiz does not repeat them.
    guided = page.locator(".bookquiz-quiz").filter(has_text="Try the model")
    assert guided.locator(".bookquiz-question").count() == 3
    assert page.locator('[data-question="cascade-tipping-share"]').count() == 1
    assert watched.problems == [], "\n".join(watched.problems)


def test_chapter_6_broadcast_tips_a_stalled_cascade(site, context):
    watched, page, widget = open_chapter(site, context, "06_telling_them_apart")
    assert summary(widget).startswith("The cascade stalls: 11 of 100 units")
    widget.get_by_label("Broadcast a focal signal").focus()
    page.keyboard.press("Space")
    press(page, widget.get_by_label("The broadcast lowers every threshold by"), "ArrowRight", 3)  # 1 -> 4 points
    assert wait_for_summary(page, widget, "The cascade stalls: 14 of 100")
    page.keyboard.press("ArrowRight")  # 5 points
    text = wait_for_summary(page, widget, "The cascade tips")
    assert "The broadcast in round 2 lowered every threshold by 5 points" in text
    assert watched.problems == [], "\n".join(watched.problems)
