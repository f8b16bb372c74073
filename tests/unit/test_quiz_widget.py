"""The Quiz and ProgressBoard widget models (Python side) and the answer export format."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bookquiz import (
    AnswerFileError,
    ProgressBoard,
    Quiz,
    export_answers,
    instructor_mode,
    load_bank,
    read_answer_file,
)
from bookquiz.assets import esm

BANK = load_bank(Path(__file__).resolve().parents[1] / "fixtures" / "banks" / "all_types.yaml")


def test_quiz_state_carries_questions_keys_and_display_order():
    quiz = Quiz(BANK, namespace="course")
    state = quiz.get_state()
    assert state["bank_id"] == "fixture-all-types"
    assert state["namespace"] == "course"
    assert [q["id"] for q in state["questions"]] == [q.id for q in BANK.questions]
    order = next(q for q in state["questions"] if q["type"] == "order")
    assert sorted(order["display"]) == sorted(i["id"] for i in order["items"])
    assert state["questions"][0]["key"] == ["The military or other elites within the state apparatus"]
    assert state["_model_module"] == "anywidget"
    json.dumps(state)  # the state must be embeddable in the static page


def test_subset_of_questions():
    quiz = Quiz(BANK, ["numeric-q", "single-q"])
    assert [q["id"] for q in quiz.questions] == ["numeric-q", "single-q"]
    assert quiz.total == 2
    with pytest.raises(KeyError, match="no question 'nope'"):
        Quiz(BANK, ["nope"])


def test_answers_from_the_front_end_update_score_and_repr():
    quiz = Quiz(BANK)
    assert repr(quiz) == "Quiz(bank='fixture-all-types', questions=6, score=0/6)"
    quiz.answers = {
        "single-q": {"response": "insiders", "correct": True, "attempts": 2, "revealed": False},
        "order-q": {"response": ["rubicon", "pharsalus", "ides"], "correct": True, "attempts": 1, "revealed": True},
        "numeric-q": {"response": 22, "correct": False, "attempts": 1, "revealed": False},
    }
    assert quiz.score == 1  # the revealed order question does not count
    assert repr(quiz) == "Quiz(bank='fixture-all-types', questions=6, score=1/6)"
    quiz.reset()
    assert quiz.answers == {} and quiz.score == 0


def test_instructor_switch(monkeypatch):
    monkeypatch.delenv("BOOKQUIZ_INSTRUCTOR", raising=False)
    assert not instructor_mode() and not Quiz(BANK).instructor
    monkeypatch.setenv("BOOKQUIZ_INSTRUCTOR", "1")
    assert instructor_mode() and Quiz(BANK).instructor
    assert not Quiz(BANK, instructor=False).instructor


def test_esm_bundles_have_one_default_export_each():
    quiz_js, progress_js = esm("quizView"), esm("progressView")
    assert quiz_js.count("export default") == 1 and quiz_js.rstrip().endswith("export default quizView;")
    assert progress_js.rstrip().endswith("export default progressView;")
    assert "function renderProgress" in progress_js and "function renderProgress" not in quiz_js
    with pytest.raises(ValueError):
        esm("otherView")


def test_progress_board_catalog():
    board = ProgressBoard([BANK], {"fixture-all-types": "../chapters/x.html"}, namespace="course")
    (entry,) = board.catalog
    assert entry["url"] == "../chapters/x.html"
    assert len(entry["questions"]) == 6 and "key" in entry["questions"][0]
    assert repr(board) == "ProgressBoard(banks=1)"


def test_export_round_trip(tmp_path):
    quiz = Quiz(BANK, namespace="course")
    quiz.answers = {"truefalse-q": {"response": True, "correct": True, "attempts": 1, "revealed": False}}
    path = export_answers([quiz], tmp_path / "me.json", name="Ada", learner_id="abc")
    loaded = read_answer_file(path)
    assert loaded.learner.name == "Ada" and loaded.learner.id == "abc"
    assert loaded.namespace == "course"
    assert loaded.banks["fixture-all-types"]["truefalse-q"].response is True


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "is not JSON (line 1"),
        ('{"format": "other"}', "field 'format'"),
        (
            '{"format": "bookquiz-answers", "version": 1, "namespace": "n", "learner": {"id": ""},'
            ' "exported_at": "2026-01-01T00:00:00Z", "banks": {}}',
            "field 'learner.id'",
        ),
        (
            '{"format": "bookquiz-answers", "version": 1, "namespace": "n", "learner": {"id": "a"},'
            ' "exported_at": "2026-01-01T00:00:00Z", "banks": {"ch01": {"q1": {"attempts": -1}}}}',
            "field 'banks.ch01.q1.attempts'",
        ),
    ],
)
def test_bad_answer_files_name_file_and_field(tmp_path, content, message):
    path = tmp_path / "learner.json"
    path.write_text(content)
    with pytest.raises(AnswerFileError) as info:
        read_answer_file(path)
    assert str(info.value).startswith("learner.json: ")
    assert message in str(info.value)
