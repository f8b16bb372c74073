"""The Quiz and ProgressBoard widget models (Python side) and the answer export format."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bookquiz import (
    ProgressBoard,
    Quiz,
    export_answers,
    instructor_mode,
    load_bank,
    read_answer_file,
)
from bookquiz.assets import esm
from bookquiz.grading import right_response, wrong_responses
from bookquiz.layout import browser_specs
from bookquiz.seal import unseal
from coupbook.quizzes import all_banks
from tests.support import SEALED_FIELDS, keys_in

BANK = load_bank(Path(__file__).resolve().parents[1] / "fixtures" / "banks" / "all_types.yaml")




def test_quiz_state_draws_questions_and_seals_the_rest():
    quiz = Quiz(BANK, namespace="course")
    state = quiz.get_state()
    assert state["bank_id"] == "fixture-all-types"
    assert state["namespace"] == "course"
    assert [q["id"] for q in state["questions"]] == [q.id for q in BANK.questions]
    assert keys_in(state["questions"]) & SEALED_FIELDS == set()
    single = state["questions"][0]
    assert {o["text"] for o in single["options"]} == {o.text for o in BANK.questions[0].options}
    assert unseal(single["sealed"], "fixture-all-types", "single-q")["key"] == [
        "The military or other elites within the state apparatus"
    ]
    order = next(q for q in state["questions"] if q["type"] == "order")
    shown = [i["id"] for i in unseal(order["sealed"], "fixture-all-types", "order-q")["items"]]
    assert shown != [i.id for i in BANK.question("order-q").items]  # never drawn in the answer's order
    text = {i.id: i.text for i in BANK.question("order-q").items}
    assert [i["text"] for i in order["items"]] == [text[i] for i in shown]
    text = json.dumps(state, ensure_ascii=False)
    for question in BANK.questions:
        assert question.source not in text
        assert (question.explanation or "§") not in text
    assert state["_model_module"] == "anywidget"
    json.dumps(state)  # the state must be embeddable in the static page


SUB_LISTS = ("options", "items", "categories")


@pytest.mark.parametrize("bank", [BANK, *all_banks()], ids=lambda b: b.bank)
def test_no_public_spec_carries_option_item_or_category_ids(bank):
    """Authors name ids after what they mean (`coup` for the key, `coup-speed` for a distractor),
    so ids are sealed: the public part lists texts and labels, the sealed part the ids, in the
    same display order."""
    for public, sealed in browser_specs(bank):
        question = bank.question(public["id"])
        for field in SUB_LISTS:
            if field not in public:
                continue
            assert all(set(entry) <= {"text", "label"} for entry in public[field]), f"{question.id}.{field}"
            shown = [entry.get("text") or entry.get("label") for entry in public[field]]
            ids = [entry["id"] for entry in sealed[field]]
            by_id = {x.id: getattr(x, "text", None) or x.label for x in getattr(question, field)}
            assert shown == [by_id[i] for i in ids], f"{question.id}.{field}: ids and texts out of step"


def test_state_is_the_same_whatever_the_edition():
    student = Quiz(BANK, instructor=False).get_state()
    teacher = Quiz(BANK, instructor=True).get_state()
    same = {k for k in student if k not in ("instructor", "layout")}
    assert {k: student[k] for k in same} == {k: teacher[k] for k in same}


def test_subset_of_questions():
    quiz = Quiz(BANK, ["numeric-q", "single-q"])
    assert [q["id"] for q in quiz.questions] == ["numeric-q", "single-q"]
    assert quiz.total == 2
    assert quiz.questions[1] == Quiz(BANK).questions[0]  # a subset shows the same option order
    with pytest.raises(KeyError, match="no question 'nope'"):
        Quiz(BANK, ["nope"])


def record(*attempts, revealed=False):
    return {
        "attempts": [{"response": r, "correct": c, "at": "2026-01-01T00:00:00Z"} for r, c in attempts],
        "revealed": revealed,
        "revealed_at": "2026-01-01T00:05:00Z" if revealed else None,
    }


OPEN_TEXT = "No: the marchers went after the generals who ran the war, never after the president himself."


def test_answers_from_the_front_end_update_scores_and_repr():
    quiz = Quiz(BANK)
    assert repr(quiz) == "Quiz(bank='fixture-all-types', questions=7, score=0/6, first_try=0/6)"
    quiz.answers = {
        "single-q": record(("crowds", False), ("insiders", True)),
        "truefalse-q": record((True, True)),
        "order-q": record((["rubicon", "pharsalus", "ides"], False), revealed=True),
        "numeric-q": record((22, False)),
        "open-q": record(({"text": OPEN_TEXT, "met": [0, 2], "assessed": True}, None)),
    }
    assert (quiz.score, quiz.first_try_score, quiz.reflections) == (2, 1, 1)  # the shown order answer never counts
    assert repr(quiz) == "Quiz(bank='fixture-all-types', questions=7, score=2/6, first_try=1/6)"
    quiz.reset()
    assert quiz.answers == {} and quiz.score == 0 and quiz.first_try_score == 0


def test_all_wrong_first_scores_zero_at_the_first_try():
    quiz = Quiz(BANK)
    quiz.answers = {
        q.id: record((wrong_responses(q)[0], False), (right_response(q), True)) for q in BANK.questions if q.graded
    }
    # Right at the second try counts for every graded type but true/false, which allows one try.
    assert (quiz.first_try_score, quiz.score) == (0, 5)


def test_the_live_score_honours_the_try_budget():
    quiz = Quiz(BANK)
    wrong, right = wrong_responses(BANK.question("single-q"))[0], right_response(BANK.question("single-q"))
    quiz.answers = {"single-q": record((wrong, False), (wrong, False), (right, True))}  # the third try
    assert (quiz.first_try_score, quiz.score) == (0, 0)
    quiz.answers = {"single-q": record((wrong, False), (right, True))}
    assert (quiz.first_try_score, quiz.score) == (0, 1)


def test_instructor_switch(monkeypatch):
    monkeypatch.delenv("BOOKQUIZ_INSTRUCTOR", raising=False)
    assert not instructor_mode() and not Quiz(BANK).instructor
    monkeypatch.setenv("BOOKQUIZ_INSTRUCTOR", "1")
    assert instructor_mode() and Quiz(BANK).instructor
    assert not Quiz(BANK, instructor=False).instructor


def test_esm_bundles_have_one_default_export_each():
    quiz_js, progress_js = esm("quiz"), esm("progress")
    assert quiz_js.count("export") >= 1 and "render" in quiz_js
    assert "bookquiz-progress" in progress_js and "bookquiz-progress" not in quiz_js
    with pytest.raises(ValueError):
        esm("otherView")


def test_a_missing_bundle_says_run_make_setup(tmp_path, monkeypatch):
    import bookquiz.assets as assets

    monkeypatch.setattr(assets, "STATIC", tmp_path)
    assets.esm.cache_clear()
    try:
        with pytest.raises(ImportError, match="run `make setup`|Run `make setup`"):
            assets.esm("quiz")
    finally:
        assets.esm.cache_clear()


def test_progress_board_catalog_holds_no_question_text():
    board = ProgressBoard([BANK], {"fixture-all-types": "../chapters/x.html"}, namespace="course")
    (entry,) = board.catalog
    assert entry["url"] == "../chapters/x.html"
    assert entry["questions"][0] == {"id": "single-q", "type": "single"}
    assert len(entry["questions"]) == 7
    assert repr(board) == "ProgressBoard(banks=1, quizzes=1)"


def test_progress_board_has_one_row_per_quiz_and_labels_a_practice_quiz():
    parts = {
        "fixture-all-types": [
            {
                "part": "practice",
                "label": "Practice quiz: try it",
                "practice": True,
                "questions": ["numeric-q", "open-q"],
            },
            {"part": "chapter", "label": "", "questions": ["single-q", "multiple-q"]},
        ]
    }
    board = ProgressBoard([BANK], {"fixture-all-types": "x.html"}, parts=parts)
    practice, chapter = board.catalog
    assert (practice["bank"], practice["quiz"], practice["practice"]) == ("fixture-all-types", "practice", True)
    assert practice["title"] == "Practice quiz: try it" and practice["url"] == "x.html"
    assert [q["id"] for q in practice["questions"]] == ["numeric-q", "open-q"]
    assert (chapter["quiz"], chapter["practice"], chapter["title"]) == ("chapter", False, BANK.title)
    assert [q["id"] for q in chapter["questions"]] == ["single-q", "multiple-q"]
    with pytest.raises(KeyError):
        ProgressBoard([BANK], parts={"fixture-all-types": [{"part": "x", "questions": ["no-such-question"]}]})


def test_export_is_answer_format_2(tmp_path):
    quiz = Quiz(BANK, namespace="course")
    quiz.answers = {"truefalse-q": record((False, False), (True, True))}
    path = export_answers([quiz], tmp_path / "me.json", name="Ada", learner_id="abc")
    document = json.loads(path.read_text())
    assert (document["format"], document["version"], document["namespace"]) == ("bookquiz-answers", 2, "course")
    assert document["learner"] == {"id": "abc", "name": "Ada"}
    entry = document["banks"]["fixture-all-types"]["truefalse-q"]
    assert entry == record((False, False), (True, True))
    loaded = read_answer_file(path)
    assert loaded.learner.name == "Ada" and loaded.namespace == "course"


def test_live_on_a_hub_each_user_gets_their_own_browser_storage(monkeypatch):
    from bookquiz import ProgressBoard

    monkeypatch.setenv("JUPYTERHUB_USER", "alice")
    assert Quiz(BANK).storage_scope == "alice"
    assert ProgressBoard([BANK]).storage_scope == "alice"
    monkeypatch.delenv("JUPYTERHUB_USER")
    assert Quiz(BANK).storage_scope == ""


def test_static_pages_never_keep_a_hub_user_scope():
    from coupbook.sphinxext.edition import mark_quizzes

    state = {"state": {"q": {"state": {"bank_id": "ch01", "instructor": True, "storage_scope": "alice"}},
                       "p": {"state": {"catalog": [], "storage_scope": "alice"}}}}  # fmt: skip
    assert mark_quizzes(state, "student") == 1
    assert state["state"]["q"]["state"] == {"bank_id": "ch01", "instructor": False, "storage_scope": ""}
    assert state["state"]["p"]["state"]["storage_scope"] == ""
