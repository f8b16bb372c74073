"""Grading and answer keys, in Python.

The browser grades with ``static/grading.js`` (the static book has no kernel); this module
applies the same rules on the Python side, for ``Quiz.score``, answer keys and class results.
``tests/unit/test_grading_parity.py`` runs both on the same cases and requires identical results.

A response's shape depends on the question type:
single: option id; multiple: list of option ids; truefalse: bool; classify: {item id: category id};
order: list of item ids; numeric: number.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

from .bank import Classify, MultipleSelect, Numeric, Order, SingleChoice, TrueFalse


@dataclass(frozen=True)
class Result:
    correct: bool
    feedback: list[str] = field(default_factory=list)


def format_number(value: float) -> str:
    """Numbers as the front end prints them: no trailing '.0'."""
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def grade(question, response: Any) -> Result:
    """Grade one response; an unusable response is simply wrong, never an exception."""
    grader = GRADERS[question.type]
    try:
        return grader(question, response)
    except (TypeError, ValueError, KeyError, AttributeError):
        return Result(False, ["This answer could not be read."])


def _single(q: SingleChoice, response: Any) -> Result:
    chosen = next((o for o in q.options if o.id == response), None)
    if chosen is None:
        return Result(False, ["Choose one option."])
    return Result(chosen.correct, [] if chosen.correct else [chosen.misconception])


def _multiple(q: MultipleSelect, response: Any) -> Result:
    if not isinstance(response, list) or not all(isinstance(r, str) for r in response):
        raise TypeError("multiple-select responses are lists of option ids")
    chosen = set(response)
    feedback = [o.misconception for o in q.options if o.id in chosen and not o.correct]
    missed = [o.text for o in q.options if o.correct and o.id not in chosen]
    if missed:
        feedback.append("You left out: " + "; ".join(missed))
    return Result(not feedback, feedback)


def _truefalse(q: TrueFalse, response: Any) -> Result:
    if not isinstance(response, bool):
        raise TypeError("true/false responses are booleans")
    return Result(response == q.answer, [] if response == q.answer else [q.misconception])


def _classify(q: Classify, response: Any) -> Result:
    if not isinstance(response, dict):
        raise TypeError("classify responses map item ids to category ids")
    labels = {c.id: c.label for c in q.categories}
    feedback = []
    for item in q.items:
        chosen = response.get(item.id)
        if chosen == item.category:
            continue
        if not isinstance(chosen, str) or chosen not in labels:
            feedback.append(f"{item.text}: not classified yet.")
            continue
        note = item.misconceptions.get(chosen, item.why)
        feedback.append(f"{item.text}: not {labels[chosen]}. {note}")
    return Result(not feedback, feedback)


def _order(q: Order, response: Any) -> Result:
    expected = [i.id for i in q.items]
    if not isinstance(response, list) or sorted(response) != sorted(expected):
        raise ValueError("order responses list every item id once")
    right = sum(a == b for a, b in zip(response, expected, strict=True))
    if right == len(expected):
        return Result(True, [])
    return Result(False, [f"{right} of {len(expected)} events are in the right place."])


def _numeric(q: Numeric, response: Any) -> Result:
    if isinstance(response, bool) or not isinstance(response, int | float):
        raise TypeError("numeric responses are numbers")
    value = float(response)
    if not math.isfinite(value):
        raise ValueError("not a finite number")
    if abs(value - q.answer) <= q.tolerance + 1e-9:
        return Result(True, [])
    for hint in q.hints:
        if hint.min <= value <= hint.max:
            return Result(False, [hint.text])
    direction = "too low" if value < q.answer else "too high"
    return Result(False, [f"{format_number(value)} is {direction}."])


def _open(q, response: Any) -> Result:
    # Open answers are self-assessed against a checklist, never graded (so never "correct").
    return Result(False, [])


GRADERS = {
    "single": _single,
    "multiple": _multiple,
    "truefalse": _truefalse,
    "classify": _classify,
    "order": _order,
    "numeric": _numeric,
    "open": _open,
}


def answer_key(question) -> list[str]:
    """The correct answer as lines of plain text (shown by 'Show answer' and in instructor mode)."""
    if question.type in ("single", "multiple"):
        return [o.text for o in question.options if o.correct]
    if question.type == "truefalse":
        return ["True" if question.answer else "False"]
    if question.type == "classify":
        labels = {c.id: c.label for c in question.categories}
        return [f"{i.text}: {labels[i.category]}" for i in question.items]
    if question.type == "order":
        return [f"{n}. {i.text}" for n, i in enumerate(question.items, start=1)]
    if question.type == "open":
        return [question.model_answer]
    if question.type == "numeric":
        unit = f" {question.unit}" if question.unit else ""
        tol = f" (within {format_number(question.tolerance)})" if question.tolerance else ""
        return [f"{format_number(question.answer)}{unit}{tol}"]
    raise ValueError(f"unknown question type {question.type!r}")


def score(bank_or_questions, answers: dict[str, dict]) -> int:
    """Questions answered correctly, by this module's grading; revealed answers do not count."""
    questions = getattr(bank_or_questions, "questions", bank_or_questions)
    total = 0
    for q in questions:
        entry = answers.get(q.id)
        if entry and not entry.get("revealed") and "response" in entry:
            total += grade(q, entry["response"]).correct
    return total


def right_response(question) -> Any:
    """A response that grades as correct (for tests, demos and simulated classes)."""
    if question.type == "single":
        return next(o.id for o in question.options if o.correct)
    if question.type == "multiple":
        return [o.id for o in question.options if o.correct]
    if question.type == "truefalse":
        return question.answer
    if question.type == "classify":
        return {i.id: i.category for i in question.items}
    if question.type == "order":
        return [i.id for i in question.items]
    if question.type == "numeric":
        return question.answer
    if question.type == "open":
        return question.model_answer
    raise ValueError(f"unknown question type {question.type!r}")


def wrong_responses(question) -> list[Any]:
    """Typical wrong responses, most tempting first: each wrong option, each misplaced item..."""
    right = right_response(question)
    if question.type == "single":
        return [o.id for o in question.options if not o.correct]
    if question.type == "multiple":
        added = [right + [o.id] for o in question.options if not o.correct]
        dropped = [[r for r in right if r != o] for o in right]
        return added + [d for d in dropped if d]
    if question.type == "truefalse":
        return [not question.answer]
    if question.type == "classify":
        out = []
        for item in question.items:
            for category in question.categories:
                if category.id != item.category:
                    out.append({**right, item.id: category.id})
        return out
    if question.type == "order":
        swaps = []
        for i in range(len(right) - 1):
            swapped = right[:]
            swapped[i], swapped[i + 1] = swapped[i + 1], swapped[i]
            swaps.append(swapped)
        return swaps
    if question.type == "open":
        return [""]
    if question.type == "numeric":
        near = [(h.min + h.max) / 2 for h in question.hints]
        return near + [question.answer + question.tolerance + 1, question.answer - question.tolerance - 1]
    raise ValueError(f"unknown question type {question.type!r}")
