"""The built pages of the data explorer and chapter 7's exercises: the explorer's data travel
escaped in the widget state, and every sample answer is folded away."""

from __future__ import annotations

import json
import re

from tests.support import built_site

WIDGET_STATE = re.compile(r'<script type="application/vnd\.jupyter\.widget-state\+json">(.*?)</script>', re.S)


def test_the_explorer_data_are_embedded_escaped():
    html = (built_site("student") / "pages" / "data_explorer.html").read_text(encoding="utf-8")
    states = WIDGET_STATE.findall(html)
    assert len(states) == 1
    assert not re.search(r"[<>&]", states[0]), "widget state must carry no raw <, > or &"
    models = [m["state"] for m in json.loads(states[0])["state"].values()]
    data = next(m["data"] for m in models if "data" in m)
    assert data["datasets"]["pt"]["title"] == "Powell & Thyne"
    assert len(data["clineEvents"]) == 981 and len(data["ptEvents"]) == 29


def test_chapter_7_folds_every_sample_answer():
    html = (built_site("student") / "chapters" / "07_coups_in_data.html").read_text(encoding="utf-8")
    cells = re.findall(r'<div class="cell tag_([^"]*)"', html)
    solutions = [c for c in cells if "tag_exercise-solution" in f"tag_{c}"]
    assert len(solutions) == 8
    assert all("tag_hide-input" in f"tag_{c}" and "tag_hide-output" in c for c in solutions)
    assert html.count("Show code cell source") >= 8
    assert html.count("Not yet.") >= 8 and html.count("Correct.") >= 8
