"""Static checks of the built HTML (student and instructor editions): offline, plotly.js loaded
once and only where needed, never inlined, and answer keys only in the instructor edition."""

from __future__ import annotations

import json
import re
from pathlib import Path

from coupbook.browser import book_pages, toc_pages
from tests.support import built_site

ROOT = Path(__file__).resolve().parents[2]
REMOTE_ASSET = re.compile(r'<(?:script|link|img|iframe)\b[^>]*\b(?:src|href)="(?:https?:)?//', re.I)
PLOTLY_TAG = re.compile(r'<script[^>]+src="[^"]*offline/plotly/plotly\.min\.js[^"]*"')
WIDGET_STATE = re.compile(r'<script type="application/vnd\.jupyter\.widget-state\+json">(.*?)</script>', re.S)


def pages(kind: str) -> dict[str, str]:
    folder = built_site(kind)
    return {p: (folder / p).read_text(encoding="utf-8") for p in book_pages(folder)}


def widget_models(html: str) -> list[dict]:
    states = [json.loads(m) for m in WIDGET_STATE.findall(html)]
    return [m["state"] for s in states for m in s["state"].values()]


def test_no_page_loads_anything_from_outside_its_folder():
    offenders = {p: REMOTE_ASSET.findall(h) for p, h in pages("student").items() if REMOTE_ASSET.search(h)}
    assert offenders == {}
    assert "cdn.jsdelivr" not in (built_site("student") / "_static" / "widgets-offline.js").read_text()


def test_plotly_js_once_per_chart_page_and_never_inline():
    for path, html in pages("student").items():
        has_chart = 'class="coupbook-chart"' in html
        assert len(PLOTLY_TAG.findall(html)) == (1 if has_chart else 0), path
        biggest_inline = max((len(s) for s in re.findall(r"<script>(.*?)</script>", html, re.S)), default=0)
        assert biggest_inline < 500_000, f"{path}: an inline script of {biggest_inline} bytes (plotly.js inlined?)"
        assert "cdn.plot.ly" not in html, path


def test_every_chapter_has_a_chart_and_a_quiz():
    for path, html in pages("student").items():
        if path.startswith("chapters/"):
            assert 'class="coupbook-chart"' in html, f"{path} has no chart"
            quizzes = [m for m in widget_models(html) if "bank_id" in m]
            assert quizzes, f"{path} has no quiz"
            assert sum(len(q["questions"]) for q in quizzes) >= 3, f"{path} has fewer than 3 questions"


def test_answer_keys_only_in_the_instructor_edition():
    student, instructor = pages("student"), pages("instructor")
    student_quizzes = [m for h in student.values() for m in widget_models(h) if "bank_id" in m]
    instructor_quizzes = [m for h in instructor.values() for m in widget_models(h) if "bank_id" in m]
    assert student_quizzes and all(q["instructor"] is False for q in student_quizzes)
    assert instructor_quizzes and all(q["instructor"] is True for q in instructor_quizzes)
    assert 'class="table answer-key"' not in student["pages/answer_key.html"]
    assert instructor["pages/answer_key.html"].count('class="table answer-key"') >= 9


def test_vendored_assets_are_present():
    static = built_site("student") / "_static" / "offline"
    for part in ["require.js", "anywidget.js", "plotly/plotly.min.js", "mathjax/tex-mml-chtml.js"]:
        assert (static / part).is_file(), part
    fonts = list((static / "@jupyter-widgets" / "html-manager" / "dist").glob("*.woff2"))
    assert fonts, "html-manager's icon fonts must sit next to its module"


def test_the_built_pages_are_the_table_of_contents():
    assert book_pages(built_site("student")) == toc_pages()
