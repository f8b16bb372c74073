"""Python grading rules (the browser's grading.js must agree: see test_grading_parity.py)."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from bookquiz import Result, answer_key, grade, load_bank
from bookquiz.grading import first_try_score, score
from bookquiz.qtypes import REGISTRY
from bookquiz.qtypes.classify import NOT_ONLY
from bookquiz.qtypes.order import UNORDERED
from bookquiz.record import counted_attempts, right_eventually, summarise

BANK = load_bank(Path(__file__).resolve().parents[1] / "fixtures" / "banks" / "all_types.yaml")
Q = {q.id: q for q in BANK.questions}


def test_single():
    assert grade(Q["single-q"], "insiders").correct
    wrong = grade(Q["single-q"], "crowds")
    assert not wrong.correct and wrong.feedback == [Q["single-q"].options[1].misconception]
    assert grade(Q["single-q"], "nope").feedback == ["Choose one option."]


def test_multiple_teaches_without_counts():
    assert grade(Q["multiple-q"], ["overt", "illegal"]).correct
    result = grade(Q["multiple-q"], ["illegal", "deaths"])
    assert not result.correct
    # The misconception of the wrong option ticked; no counts of right and wrong choices.
    assert result.feedback == ["That is UCDP's threshold for armed conflict."]
    # What was left out comes only once the answer is right or shown.
    assert result.details == ["That is UCDP's threshold for armed conflict.", "You left out: Overt"]
    missing = grade(Q["multiple-q"], ["illegal"]).feedback
    assert missing == ["Not yet: something right is still missing — reread the question and the options."]
    for line in missing + result.feedback:
        assert not any(ch.isdigit() for ch in line) and "Overt" not in line
    assert grade(Q["multiple-q"], []).feedback == ["You chose no option."]


def test_truefalse():
    assert grade(Q["truefalse-q"], True).correct
    assert grade(Q["truefalse-q"], False).feedback == [Q["truefalse-q"].misconception]
    assert grade(Q["truefalse-q"], "true").feedback == ["This answer could not be read."]


def test_classify_names_no_right_category_and_counts_nothing():
    question = Q["classify-q"]
    right = {"thai-2014": "coup", "wagner-2023": "mutiny", "long-march": "rebellion"}
    assert grade(question, right).correct
    result = grade(question, {"thai-2014": "mutiny", "wagner-2023": "coup"})
    # Thailand and the Long March are misplaced too, with no note: the notes are said not to be all
    note = "“Wagner 2023”, placed under Coup: Prigozhin did not target the sitting executive."
    assert result.feedback == [note, NOT_ONLY]
    assert grade(question, {**right, "wagner-2023": "coup"}).feedback == [note]
    assert "army chief" not in " ".join(result.feedback)  # an item's why is never feedback
    assert result.details[0] == "Thailand 2014: Coup. The army chief seized power in the capital."
    assert grade(question, {**right, "long-march": "coup"}).feedback == [
        "Not yet: at least one item is under the wrong category — reread each item against the definitions."
    ]


def test_hint_follows_every_wrong_attempt():
    question = Q["single-q"].model_copy(update={"hint": "Where do the actors stand?"})
    assert grade(question, "crowds").feedback[-1] == "Where do the actors stand?"
    assert grade(question, "insiders").feedback == []


def test_open_answers_are_never_graded():
    assert grade(Q["open-q"], {"text": "No", "met": [0]}) == Result(None, [], [])


def test_order_never_counts_items_in_place():
    question = Q["order-q"]
    assert grade(question, ["rubicon", "pharsalus", "ides"]).correct
    wrongs = [list(p) for p in itertools.permutations(["rubicon", "pharsalus", "ides"])][1:]
    assert len(wrongs) == 5
    # Every wrong order reads the same, so nothing tells how close it was.
    assert {tuple(grade(question, w).feedback) for w in wrongs} == {(UNORDERED,)}
    assert not any(ch.isdigit() for ch in UNORDERED) and "right place" not in UNORDERED
    with_hint = question.model_copy(update={"hint": "Caesar crossed first."})
    assert grade(with_hint, wrongs[0]).feedback == [UNORDERED, "Caesar crossed first."]
    assert grade(question, ["rubicon"]).feedback == ["This answer could not be read."]


@pytest.mark.parametrize(
    ("value", "correct", "feedback"),
    [
        (15, True, []),
        (15.0, True, []),
        (22, False, ["About 22 years is the armed struggle since 1927, not since 1934."]),
        (1, False, ["The Long March itself lasted about a year; the question asks to 1949."]),
        # outside every range: the first range's hint (banks give all ranges one text), so whether
        # a hint shows never tells which side of the answer a value is
        (16, False, ["About 22 years is the armed struggle since 1927, not since 1934."]),
        (-3, False, ["About 22 years is the armed struggle since 1927, not since 1934."]),
        (1e6, False, ["About 22 years is the armed struggle since 1927, not since 1934."]),
        (True, False, ["This answer could not be read."]),
        (float("nan"), False, ["This answer could not be read."]),
    ],
)
def test_numeric(value, correct, feedback):
    result = grade(Q["numeric-q"], value)
    assert (result.correct, result.feedback) == (correct, feedback)
    for line in result.feedback:  # never a direction to halve the interval with
        assert not any(word in line for word in ("high", "low", "more", "less", "above", "below")), line


@pytest.mark.parametrize(("value", "line"), [(16, "16"), (9.5, "9.5"), (-3, "-3"), (1e6, "1000000")])
def test_numeric_without_hints_gives_one_neutral_line(value, line):
    bare = Q["numeric-q"].model_copy(update={"hints": []})
    assert grade(bare, value).feedback == [f"{line} is not within the accepted range."]


def test_answer_keys():
    assert answer_key(Q["single-q"]) == ["The military or other elites within the state apparatus"]
    assert answer_key(Q["truefalse-q"]) == ["True"]
    assert answer_key(Q["order-q"])[0] == "1. Caesar crosses the Rubicon"
    assert answer_key(Q["numeric-q"]) == ["15 years"]
    assert answer_key(Q["classify-q"])[1] == "Wagner 2023: Mutiny"


def attempts(*responses, revealed=False):
    return {
        "attempts": [{"response": r, "correct": None, "at": "2026-01-01T00:00:00Z"} for r in responses],
        "revealed": revealed,
        "revealed_at": "2026-01-01T00:01:00Z" if revealed else None,
    }


def test_scores_regrade_and_never_count_shown_answers():
    answers = {
        "single-q": attempts("crowds", "insiders"),  # right at the second try
        "multiple-q": attempts(["overt", "illegal"]),  # right at the first try
        "truefalse-q": attempts(revealed=True),
        "numeric-q": attempts(14, revealed=True),
        "classify-q": {"response": {"thai-2014": "coup"}, "correct": True, "attempts": 1},  # version 1: regraded
        "order-q": {"response": ["rubicon", "pharsalus", "ides"], "correct": False, "attempts": 2},  # version 1
    }
    assert score(BANK, answers) == 3
    assert first_try_score(BANK, answers) == 1
    summary = summarise(BANK.questions, answers)
    assert (summary.graded, summary.answered, summary.shown, summary.open) == (6, 5, 2, 1)


def test_all_wrong_first_scores_zero_at_the_first_try():
    from bookquiz.grading import right_response, wrong_responses

    answers = {q.id: attempts(wrong_responses(q)[0], right_response(q)) for q in BANK.questions}
    assert first_try_score(BANK, answers) == 0
    # Every graded question right at the second try, which counts for all but true/false (one try);
    # the open one is not graded.
    assert score(BANK, answers) == 5
    assert summarise(BANK.questions, answers).reflections == 1


def test_try_budgets_one_for_true_false_two_for_other_graded_types():
    assert {name: cls.tries for name, cls in REGISTRY.items()} == {
        "classify": 2, "multiple": 2, "numeric": 2, "open": None, "order": 2, "single": 2, "truefalse": 1,
    }  # fmt: skip
    assert all(isinstance(cls.tries, int) and cls.tries > 0 for cls in REGISTRY.values() if cls.graded)


@pytest.mark.parametrize("question", [q for q in BANK.questions if q.graded], ids=lambda q: q.id)
def test_a_right_answer_after_the_budget_never_counts(question):
    from bookquiz.grading import right_response, wrong_responses

    wrong, right = wrong_responses(question)[0], right_response(question)
    within = attempts(*[wrong] * (question.tries - 1), right)
    beyond = attempts(*[wrong] * question.tries, right)
    assert right_eventually(question, within)
    assert not right_eventually(question, beyond)
    # An edited file: many more attempts than the budget, the last right.
    assert not right_eventually(question, attempts(*[wrong] * 50, right))
    assert score([question], {question.id: beyond}) == 0
    assert summarise([question], {question.id: beyond}).eventually == 0
    assert len(counted_attempts(question, beyond["attempts"])) == question.tries


def test_a_version_1_entry_beyond_the_budget_never_counts():
    question = Q["single-q"]
    assert right_eventually(question, {"response": "insiders", "correct": True, "attempts": 2})
    assert not right_eventually(question, {"response": "insiders", "correct": True, "attempts": 3})


def test_open_answers_have_no_budget():
    assert counted_attempts(Q["open-q"], list(range(9))) == list(range(9))


@pytest.mark.parametrize("question", BANK.questions, ids=[q.id for q in BANK.questions])
def test_right_and_wrong_responses_grade_as_labelled(question):
    from bookquiz.grading import right_response, wrong_responses

    expected = True if question.graded else None
    assert grade(question, right_response(question)).correct is expected
    wrong = wrong_responses(question)
    assert wrong and not any(grade(question, r).correct for r in wrong)
