"""Open answers (bookquiz.qtypes.open): which texts are refused (the same cases as the browser's,
tests/fixtures/open_answers.json), and a reflection counts as done only once self-assessed:
in the live quiz, in answer files and in class results."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bookquiz import Quiz, read_answer_file
from bookquiz.answers import parse_answer_document
from bookquiz.qtypes.open import MIN_DISTINCT, text_problem
from bookquiz.record import reflected, summarise
from coupbook import classresults as cr

from .classfiles import BANK, OPEN_BANK, document, tries, write

FIXTURE = json.loads((Path(__file__).resolve().parents[1] / "fixtures" / "open_answers.json").read_text())
ESSAY = OPEN_BANK.question("essay")
OPEN = BANK.question("open-q")
GOOD = "The march went after the generals who ran the war, and Wagner fought under a state contract."


@pytest.mark.parametrize("case", FIXTURE["cases"], ids=lambda c: str(c["rule"]))
def test_texts_are_refused_by_the_same_rules_as_in_the_browser(case):
    assert text_problem(case["text"], FIXTURE["prompt"]) == case["rule"]


def test_each_rule_on_its_own():
    prompt = FIXTURE["prompt"]
    assert text_problem("", prompt) == "empty"
    assert text_problem("one two three four five six seven eight nine ten eleven", prompt) == "short"
    assert text_problem("one two three four five six seven eight nine ten eleven twelve", prompt) is None
    assert text_problem("a b c d e f g a b c d e f g", prompt) == "repetitive"  # 14 words, 7 different
    assert MIN_DISTINCT == 8
    assert text_problem("Not a coup.", prompt, min_words=3) is None  # a bank's shorter minimum
    assert ESSAY.problem(ESSAY.prompt + " " + "Because of the target.") == "copied"


def test_a_reflection_counts_only_once_self_assessed():
    ticked = tries({"text": GOOD, "met": [0, 1]})
    assert not reflected(ESSAY, ticked), "criteria ticked, self-assessment not submitted"
    assert reflected(ESSAY, tries({"text": GOOD, "met": [], "assessed": True})), "none of these yet"
    assert reflected(ESSAY, tries({"text": GOOD, "met": [2], "assessed": True}))
    assert not reflected(ESSAY, tries({"text": "too short", "met": [0], "assessed": True})), "a refused text"
    assert not reflected(ESSAY, tries({"text": GOOD, "met": [0], "assessed": "yes"}))
    assert reflected(ESSAY, tries({"text": GOOD, "met": [], "assessed": True}, {"text": GOOD + " More.", "met": []}))
    assert summarise([OPEN], {"open-q": ticked}).reflections == 0
    assert summarise([OPEN], {"open-q": tries({"text": GOOD, "met": [0], "assessed": True})}).reflections == 1


def test_the_live_quiz_counts_self_assessed_reflections():
    quiz = Quiz(BANK)
    quiz.answers = {"open-q": tries({"text": GOOD, "met": [0]})}
    assert quiz.reflections == 0
    quiz.answers = {"open-q": tries({"text": GOOD, "met": [0], "assessed": True})}
    assert quiz.reflections == 1


def test_answer_files_keep_the_self_assessment_and_refuse_a_bad_one(tmp_path):
    entry = tries({"text": GOOD, "met": [0], "assessed": True})
    doc = parse_answer_document(document("a", "Ana", {"fixture-open": {"essay": entry}}), "a.json")
    assert doc.banks["fixture-open"]["essay"].response == {"text": GOOD, "met": [0], "assessed": True}
    before = document("a", "Ana", {"fixture-open": {"essay": tries({"text": GOOD, "met": []})}})
    old = parse_answer_document(before, "b.json")
    assert old.banks["fixture-open"]["essay"].response == {"text": GOOD, "met": []}, "files from before still read"
    path = tmp_path / "bad.json"
    bad = tries({"text": GOOD, "met": [0], "assessed": "yes"})
    path.write_text(json.dumps(document("a", "Ana", {"fixture-open": {"essay": bad}})))
    with pytest.raises(ValueError, match="assessed"):
        read_answer_file(path)


def test_class_results_report_self_assessment_apart_from_graded_items(tmp_path):
    write(tmp_path, "a.json", "a", "Ana", {"fixture-open/essay": tries({"text": GOOD, "met": [0], "assessed": True})})
    write(tmp_path, "b.json", "b", "Ben", {"fixture-open/essay": tries({"text": GOOD, "met": [1]})})
    loaded = cr.load_class(tmp_path)
    opened = cr.open_responses(loaded, [BANK, OPEN_BANK])
    assert dict(zip(opened["learner"], opened["assessed"], strict=True)) == {"a": True, "b": False}
    assert set(opened["wrote"]) == {True}
    assert "essay" not in set(cr.responses(loaded, [BANK, OPEN_BANK])["question"])
