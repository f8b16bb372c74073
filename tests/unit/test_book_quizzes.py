"""The book's quizzes as the chapters show them (data/book_quizzes.yaml): a chapter with a
practice quiz beside its end-of-chapter quiz (chapters 4 and 6), or several dossiers (chapter 10),
gets one row per quiz in My progress, and every question of a bank is in exactly one quiz."""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest

from coupbook.quizzes import all_banks, bank, chapter_quiz, progress_board, quiz_parts

ROOT = Path(__file__).resolve().parents[2]
QUIZ_CALL = re.compile(r"chapter_quiz\(")


def shown_quizzes(page: str) -> int:
    nb = nbformat.read(ROOT / f"{page}.ipynb", as_version=4)
    return sum(len(QUIZ_CALL.findall(c.source)) for c in nb.cells if c.cell_type == "code")


def test_my_progress_has_one_row_per_quiz_a_chapter_shows():
    catalog = progress_board().catalog
    for b in all_banks():
        rows = [row for row in catalog if row["bank"] == b.bank]
        assert len(rows) == shown_quizzes(b.page), f"{b.bank}: {len(rows)} rows in My progress"
        ids = [q["id"] for row in rows for q in row["questions"]]
        assert sorted(ids) == sorted(q.id for q in b.questions), f"{b.bank}: every question in exactly one row"


def test_chapter_6_practice_quiz_is_its_own_row_labelled_as_practice():
    rows = [row for row in progress_board().catalog if row["bank"] == "ch06"]
    practice, chapter = rows
    assert practice["practice"] is True and "Practice" in practice["title"]
    assert {q["id"] for q in practice["questions"]} == {"cascade-broadcast-drop", "cascade-top-outside"}
    assert chapter["practice"] is False and chapter["title"] == bank("ch06").title
    assert not {q["id"] for q in chapter["questions"]} & {q["id"] for q in practice["questions"]}
    assert practice["url"] == chapter["url"] == "../chapters/06_telling_them_apart.html"


def test_a_part_shows_its_questions_and_the_chapter_quiz_leaves_the_others_out():
    practice = chapter_quiz("ch06", part="practice")
    assert [q["id"] for q in practice.questions] == ["cascade-broadcast-drop", "cascade-top-outside"]
    assert practice.title == "Try the model"
    rest = chapter_quiz("ch06")
    assert not {q["id"] for q in rest.questions} & {"cascade-broadcast-drop", "cascade-top-outside"}
    assert len(rest.questions) + len(practice.questions) == len(bank("ch06").questions)
    assert [q["id"] for q in chapter_quiz("ch06", ["hardest-case"]).questions] == ["hardest-case"]
    with pytest.raises(KeyError, match="no quiz 'nope'"):
        chapter_quiz("ch06", part="nope")


def test_a_bank_without_parts_is_one_quiz():
    (only,) = quiz_parts("ch01")
    assert only.part == "chapter" and not only.practice
    assert only.questions == [q.id for q in bank("ch01").questions]
