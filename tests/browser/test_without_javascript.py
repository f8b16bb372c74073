"""With JavaScript off the book still reads, and every interactive part says what it needs
(the <noscript> notes of coupbook/sphinxext/staticwidgets.py and plotlymime.py)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


@pytest.mark.parametrize(
    ("path", "notes"),
    [
        ("chapters/04_wagner_mutiny.html", ["This quiz needs JavaScript", "The chart needs JavaScript"]),
        ("pages/my_progress.html", ["Your progress is kept by JavaScript"]),
    ],
)
def test_quiz_and_chart_areas_say_they_need_javascript(browser, site, path, notes):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site.url + path)
        text = page.inner_text("article")
        for note in notes:
            assert note in text, f"{path}: no visible note {note!r}"
        assert len(text) > 500, "the page's text reads without JavaScript"
    finally:
        context.close()
