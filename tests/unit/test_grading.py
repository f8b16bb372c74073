"""Python grading rules (the browser's grading.js must agree: see test_grading_parity.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bookquiz import answer_key, grade, load_bank
from bookquiz.grading import score

BANK = load_bank(Path(__file__).resolve().parents[1] / "fixtures" / "banks" / "all_types.yaml")
Q = {q.id: q for q in BANK.questions}


def test_single():
    assert grade(Q["single-q"], "insiders").correct
    wrong = grade(Q["single-q"], "crowds")
    assert not wrong.correct and wrong.feedback == [Q["single-q"].options[1].misconception]
    assert grade(Q["single-q"], "nope").feedback == ["Choose one option."]


def test_multiple_reports_wrong_choices_and_omissions():
    assert grade(Q["multiple-q"], ["overt", "illegal"]).correct
    result = grade(Q["multiple-q"], ["illegal", "deaths"])
    assert not result.correct
    assert result.feedback == ["That is UCDP's threshold for armed conflict.", "You left out: Overt"]


def test_truefalse():
    assert grade(Q["truefalse-q"], True).correct
    assert grade(Q["truefalse-q"], False).feedback == [Q["truefalse-q"].misconception]
    assert grade(Q["truefalse-q"], "true").feedback == ["This answer could not be read."]


def test_classify_uses_specific_misconception_then_why():
    question = Q["classify-q"]
    right = {"thai-2014": "coup", "wagner-2023": "mutiny", "long-march": "rebellion"}
    assert grade(question, right).correct
    result = grade(question, {"thai-2014": "mutiny", "wagner-2023": "coup"})
    assert result.feedback == [
        "Thailand 2014: not Mutiny. The army chief seized power in the capital.",
        "Wagner 2023: not Coup. Prigozhin did not target the sitting executive.",
        "Long March: not classified yet.",
    ]


def test_order_counts_items_in_place():
    question = Q["order-q"]
    assert grade(question, ["rubicon", "pharsalus", "ides"]).correct
    assert grade(question, ["pharsalus", "rubicon", "ides"]).feedback == ["1 of 3 events are in the right place."]
    assert grade(question, ["rubicon"]).feedback == ["This answer could not be read."]


@pytest.mark.parametrize(
    ("value", "correct", "feedback"),
    [
        (15, True, []),
        (15.0, True, []),
        (22, False, ["About 22 years is the armed struggle since 1927, not since 1934."]),
        (1, False, ["The Long March itself lasted about a year; the question asks to 1949."]),
        (16, False, ["16 is too high."]),
        (9.5, False, ["9.5 is too low."]),
        (True, False, ["This answer could not be read."]),
        (float("nan"), False, ["This answer could not be read."]),
    ],
)
def test_numeric(value, correct, feedback):
    result = grade(Q["numeric-q"], value)
    assert (result.correct, result.feedback) == (correct, feedback)


def test_answer_keys():
    assert answer_key(Q["single-q"]) == ["The military or other elites within the state apparatus"]
    assert answer_key(Q["truefalse-q"]) == ["True"]
    assert answer_key(Q["order-q"])[0] == "1. Caesar crosses the Rubicon"
    assert answer_key(Q["numeric-q"]) == ["15 years"]
    assert answer_key(Q["classify-q"])[1] == "Wagner 2023: Mutiny"


def test_score_ignores_revealed_and_regrades():
    answers = {
        "single-q": {"response": "insiders", "correct": False},  # stored flag is not trusted
        "truefalse-q": {"response": True, "revealed": True},
        "numeric-q": {"response": 14},
    }
    assert score(BANK, answers) == 1


@pytest.mark.parametrize("question", BANK.questions, ids=[q.id for q in BANK.questions])
def test_right_and_wrong_responses_grade_as_labelled(question):
    from bookquiz.grading import right_response, wrong_responses

    assert grade(question, right_response(question)).correct
    wrong = wrong_responses(question)
    assert wrong and not any(grade(question, r).correct for r in wrong)
