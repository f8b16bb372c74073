"""Static checks of the built HTML (student and instructor editions): offline, plotly.js and the
widget loader only where needed and never inlined, no widget library the static book does not
use, every theme icon in the icon subset, and answer keys only in the instructor edition."""

from __future__ import annotations

import json
import re
from pathlib import Path

from tests.support import built_site
from tools.browser import book_pages, toc_pages
from tools.toc import instructor_only

INSTRUCTOR_ONLY = instructor_only()

ROOT = Path(__file__).resolve().parents[2]
REMOTE_ASSET = re.compile(r'<(?:script|link|img|iframe)\b[^>]*\b(?:src|href)="(?:https?:)?//', re.I)
CHARTS_TAG = re.compile(
    r'<script[^>]+data-plotly="[^"]*plotly-cartesian\.min\.js"[^>]+src="[^"]*coupbook/charts\.js[^"]*"'
)
LOADER_TAG = re.compile(r'<script[^>]+\bdefer\b[^>]+src="[^"]*_static/coupbook/loader\.js[^"]*"')
ICON = re.compile(r'<i class="([^"]*\bfa-[^"]*)"')
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


def test_charts_script_once_per_chart_page_and_nothing_inline():
    for path, html in pages("student").items():
        has_chart = 'class="coupbook-chart"' in html
        assert len(CHARTS_TAG.findall(html)) == (1 if has_chart else 0), path
        assert "plotly.min.js" not in html, f"{path}: the full plotly.js bundle"
        assert "Plotly.newPlot" not in html, f"{path}: a chart drawn by an inline script"
        biggest_inline = max((len(s) for s in re.findall(r"<script>(.*?)</script>", html, re.S)), default=0)
        assert biggest_inline < 2_000, f"{path}: an inline script of {biggest_inline} bytes"
        assert "cdn.plot.ly" not in html, path


def test_widget_loader_only_on_pages_with_widgets_and_no_widget_manager():
    for path, html in pages("student").items():
        has_widgets = "application/vnd.jupyter.widget-state+json" in html
        assert len(LOADER_TAG.findall(html)) == (1 if has_widgets else 0), path
        for gone in ("require.js", "html-manager", "embed-amd", "widgets-offline.js", "fontawesome.js"):
            assert gone not in html, f"{path} still loads {gone}"
        for model in widget_models(html):
            if "_esm" in model:
                assert model["_esm"].endswith(".js") and "\n" not in model["_esm"], "modules are files, not inline"
    widgets = built_site("student") / "_static" / "coupbook" / "widgets"
    assert len(list(widgets.glob("*.js"))) >= 2, "the quiz and progress modules are files"


def test_every_quiz_area_says_it_needs_javascript():
    for path, html in pages("student").items():
        views = html.count('type="application/vnd.jupyter.widget-view+json"')
        assert html.count('<noscript><p class="coupbook-noscript">') >= views, path


def test_every_theme_icon_is_in_the_icon_subset():
    css = (built_site("student") / "_static" / "coupbook" / "icons.css").read_text()
    used = set()
    for html in [*pages("student").values(), *pages("instructor").values()]:
        for classes in ICON.findall(html):
            used |= {c for c in classes.split() if c.startswith("fa-") and c not in {"fa-solid", "fa-lg", "fa-regular"}}
    missing = sorted(name for name in used if f".{name}{{" not in css and f".{name}," not in css)
    assert used and not missing, f"icons without a rule in icons.css: {missing}"


def test_every_chapter_has_a_chart_and_a_quiz():
    for path, html in pages("student").items():
        if path.startswith("chapters/"):
            assert 'class="coupbook-chart"' in html, f"{path} has no chart"
            quizzes = [m for m in widget_models(html) if "bank_id" in m]
            assert quizzes, f"{path} has no quiz"
            assert sum(len(q["questions"]) for q in quizzes) >= 3, f"{path} has fewer than 3 questions"


KEY_TABLE = 'class="table answer-key"'
# One section per chapter's lesson plan (they give the answers away, so the instructor edition only).
LESSON_PLAN = re.compile(r'<section id="chapter-\d+[^"]*">\s*<h3>Chapter \d+:(.*?)</section>\s*</section>', re.S)


def search_index(kind: str) -> dict:
    text = (built_site(kind) / "searchindex.js").read_text(encoding="utf-8")
    return json.loads(text[text.index("(") + 1 : text.rindex(")")])


def indexed_terms(index: dict, docname: str) -> set[str]:
    """The search terms that lead to a page."""
    doc = index["docnames"].index(docname)
    return {t for t, docs in index["terms"].items() if doc == docs or (isinstance(docs, list) and doc in docs)}


def test_quizzes_carry_their_edition():
    student, instructor = pages("student"), pages("instructor")
    student_quizzes = [m for h in student.values() for m in widget_models(h) if "bank_id" in m]
    instructor_quizzes = [m for h in instructor.values() for m in widget_models(h) if "bank_id" in m]
    assert student_quizzes and all(q["instructor"] is False for q in student_quizzes)
    assert instructor_quizzes and all(q["instructor"] is True for q in instructor_quizzes)
    assert len(student_quizzes) == len(instructor_quizzes)


def test_answer_keys_and_lesson_plans_only_in_the_instructor_edition():
    student, instructor = pages("student"), pages("instructor")
    assert instructor["pages/answer_key.html"].count(KEY_TABLE) >= 9
    plans = LESSON_PLAN.findall(instructor["pages/instructor_guide.html"])
    chapters = sum(1 for p in toc_pages() if p.startswith("chapters/"))
    assert len(plans) == chapters, "every chapter has a lesson plan in the instructor edition"
    for path, html in student.items():
        assert KEY_TABLE not in html, path
        assert not LESSON_PLAN.search(html), path
    assert "instructor-book" in student["pages/for_instructors.html"], "the student edition says how to get the keys"
    assert "instructor-book" in student["pages/instructor_guide.html"], "and how to get the lesson plans"
    # No paragraph of a lesson plan reaches the student edition, not even elsewhere.
    paragraphs = [p for s in plans for p in re.findall(r"<p>(.*?)</p>", s, re.S) if len(p) > 120]
    assert paragraphs and not [p for p in paragraphs if any(p in html for html in student.values())]


def test_site_search_of_the_student_edition_finds_no_key():
    student, instructor = search_index("student"), search_index("instructor")
    assert "Quiz keys" in instructor["alltitles"] and "Quiz keys" not in student["alltitles"]
    # The key tables give the answer-key page hundreds of search terms; the student edition has no such page.
    assert len(indexed_terms(instructor, "pages/answer_key")) > 300
    for page in INSTRUCTOR_ONLY:
        assert page in instructor["docnames"] and page not in student["docnames"], page
    plan_only = indexed_terms(instructor, "pages/instructor_guide") - indexed_terms(student, "pages/instructor_guide")
    assert len(plan_only) > 300, "the lesson plans add search terms in the instructor edition only"


def test_vendored_assets_are_present():
    static = built_site("student") / "_static"
    for part in ["offline/plotly/plotly-cartesian.min.js", "offline/mathjax/tex-mml-chtml.js", "coupbook/icons.css"]:
        assert (static / part).is_file(), part
    for part in ["loader.js", "charts.js", "offline.js"]:
        assert (static / "coupbook" / part).is_file(), part
    assert not (static / "offline" / "require.js").exists()


def test_offline_copy_is_built():
    import zipfile

    site = built_site("student")
    kept = set(re.findall(r'url:"([^"]+)"', (site / "sw.js").read_text()))
    for needed in ["chapters/04_wagner_mutiny.html", "_static/offline/plotly/plotly-cartesian.min.js"]:
        assert needed in kept, f"the service worker does not keep {needed}"
    assert any(url.startswith("_static/coupbook/widgets/") for url in kept), "the widget modules are kept"
    assert not [url for url in kept if url.startswith("_sources/") or url.endswith((".map", ".zip"))]
    with zipfile.ZipFile(site / "coups-and-rebellions.zip") as archive:
        names = set(archive.namelist())
    for needed in ["intro.html", "index.html", "chapters/10_classify_a_new_case.html", "_static/coupbook/charts.js"]:
        assert f"coups-and-rebellions/{needed}" in names, needed
    assert 'href="coups-and-rebellions.zip"' in (site / "intro.html").read_text()


def test_the_built_pages_are_the_table_of_contents():
    assert book_pages(built_site("student")) == toc_pages()
    assert book_pages(built_site("instructor")) == toc_pages(edition="instructor")


def test_instructor_only_pages_are_neither_built_nor_linked_in_the_student_edition():
    student, instructor = pages("student"), pages("instructor")
    assert INSTRUCTOR_ONLY == ["pages/answer_key", "pages/class_results"]
    for page in INSTRUCTOR_ONLY:
        name = page.split("/")[-1] + ".html"
        assert f"{page}.html" in instructor and f"{page}.html" not in student, page
        assert not (built_site("student") / f"{page}.html").exists(), page
        assert not list((built_site("student") / "_sources").glob(f"{page}.*")), f"{page}: source copy"
        assert [p for p, html in instructor.items() if f'{name}"' in html], f"{page}: linked in the instructor edition"
        linked = [p for p, html in student.items() if f'{name}"' in html or f"{name}#" in html]
        assert linked == [], f"the student edition links {name} from {linked}"
    assert "Answer key" not in student["intro.html"] and "Class results" not in student["intro.html"], "sidebar"
    assert "Answer key" in instructor["intro.html"] and "Class results" in instructor["intro.html"]
    import zipfile

    with zipfile.ZipFile(built_site("student") / "coups-and-rebellions.zip") as archive:
        names = archive.namelist()
    assert not [n for n in names if "answer_key" in n or "class_results" in n], "the offline download"
    assert "answer_key" not in (built_site("student") / "sw.js").read_text()


def test_instructor_only_cells_are_dropped_where_class_results_is_built():
    from coupbook.sphinxext.edition import INSTRUCTOR_ONLY_NOTE

    # Class results is an instructor-only page; its tagged cells (distractors, common wrong
    # answers, open answers) keep their output there.
    instructor = pages("instructor")["pages/class_results.html"]
    assert INSTRUCTOR_ONLY_NOTE not in instructor
    assert instructor.count('class="coupbook-chart"') >= 1
