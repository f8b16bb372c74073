"""Both editions render from one execution, and a cached build never serves one edition's pages
as the other's: build the student edition, then the instructor edition, then the student
edition again, all sharing one notebook cache, and check every page each time.  A page that
_toc.yml names under ``meta: instructor_only`` (as the book's answer key and class results) is
built and linked in the instructor edition only, and a stale copy in the student folder goes."""

from __future__ import annotations

import json
import re

from jupyter_cache import get_cache

from tests.book.minibook import ROOT, build, write_book

BANK = ROOT / "tests" / "fixtures" / "banks" / "all_types.yaml"
WIDGET_STATE = re.compile(r'<script type="application/vnd\.jupyter\.widget-state\+json">(.*?)</script>', re.S)
PAGES = {
    "intro": (
        "# Intro\n\n"
        ":::{edition-only} instructor\n## Keys for instructors\n\nINSTRUCTORS-ONLY-TEXT, see {doc}`keys`.\n:::\n\n"
        ":::{edition-only} student\nSTUDENTS-ONLY-TEXT\n:::\n\n"
        "```{answer-key}\n```\n"
    ),
    "quiz": [f"from bookquiz import Quiz, load_bank\nQuiz(load_bank({str(BANK)!r}), ['single-q'])"],
    "keys": "# Keys page\n\nKEYS-PAGE-TEXT\n",
}
INSTRUCTOR_ONLY = "meta:\n  instructor_only: [keys]\n"
SITES = {"student": "_build/html", "instructor": "_build/instructor/html"}


def quiz_flags(html: str) -> list:
    states = [json.loads(m) for m in WIDGET_STATE.findall(html)]
    return [m["state"]["instructor"] for s in states for m in s["state"].values() if "bank_id" in m["state"]]


def search_docnames(search: str) -> list[str]:
    return json.loads(search[search.index("(") + 1 : search.rindex(")")])["docnames"]


def check(book, edition: str) -> None:
    site = book / SITES[edition]
    quiz, intro = (site / "quiz.html").read_text(), (site / "intro.html").read_text()
    search = (site / "searchindex.js").read_text()
    instructor = edition == "instructor"
    # The instructor-only page: built, in the sidebar of every page and in site search, or none of it.
    assert (site / "keys.html").exists() is instructor, f"{edition}: keys.html"
    assert ('href="keys.html"' in intro) is instructor and ('href="keys.html"' in quiz) is instructor
    assert ("keys" in search_docnames(search)) is instructor
    assert not [p.name for p in (site / "_sources").glob("keys.*")] or instructor
    if instructor:
        assert "KEYS-PAGE-TEXT" in (site / "keys.html").read_text()
    assert quiz_flags(quiz) == [instructor], f"{edition}: quiz flags {quiz_flags(quiz)}"
    assert ("INSTRUCTORS-ONLY-TEXT" in intro) is instructor
    assert ("STUDENTS-ONLY-TEXT" in intro) is not instructor
    assert ("Keys for instructors" in search) is instructor, "the key section's title in site search"
    assert ('class="table answer-key"' in intro) is instructor


def test_one_execution_serves_both_editions_and_never_mixes_them(tmp_path):
    book = write_book(tmp_path, PAGES)
    toc = book / "_toc.yml"
    toc.write_text(toc.read_text() + INSTRUCTOR_ONLY)
    runs = []
    for number, edition in enumerate(("student", "instructor", "student")):
        if number == 2:  # a copy left by an earlier build (before the page became instructor-only)
            (book / SITES["student"] / "keys.html").write_text("KEYS-PAGE-TEXT")
        run = build(book, edition)
        assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
        runs.append(run.stdout + run.stderr)
        check(book, edition)
    check(book, "instructor")  # the second student build left the instructor edition alone
    assert "ran 1 notebooks" in runs[0]
    assert all("ran 1 notebooks" not in r and "Executed notebook" not in r for r in runs[1:])
    assert len(get_cache(str(book / "_build" / ".jupyter_cache")).list_cache_records()) == 1
