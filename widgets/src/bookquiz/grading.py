"""Grading and answer keys, in Python, through the question-type registry.

The browser grades with ``widgets/js/src/types/*.js`` (the static book has no kernel); each type
module here (:mod:`bookquiz.qtypes`) applies the same rules on the Python side, for
``Quiz.score``, answer keys and class results.  ``tests/unit/test_grading_parity.py`` runs both
on the same cases and requires identical results.

Response shapes: single: option id; multiple: list of option ids; truefalse: bool; classify:
{item id: category id}; order: list of item ids; numeric: number; open: {"text", "met"}.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .base import Result, format_number
from .record import right_eventually, right_first_try

__all__ = [
    "Result",
    "answer_key",
    "describe_response",
    "first_try_score",
    "format_number",
    "grade",
    "right_response",
    "score",
    "wrong_responses",
]


def grade(question, response: Any) -> Result:
    """Grade one response; an unusable response is simply wrong, never an exception."""
    return question.grade(response)


def answer_key(question) -> list[str]:
    """The correct answer as lines of plain text (shown by 'Show answer' and in instructor mode)."""
    return question.key_lines()


def right_response(question) -> Any:
    """A response that grades as correct (for tests, demos and simulated classes)."""
    return question.right_response()


def wrong_responses(question) -> list[Any]:
    """Typical wrong responses, most tempting first."""
    return question.wrong_responses()


def describe_response(question, response: Any) -> str:
    """A learner's response in words (option texts rather than ids)."""
    try:
        return question.describe(response)
    except (TypeError, AttributeError, KeyError, ValueError):
        return "(unreadable answer)"


def _questions(bank_or_questions):
    return getattr(bank_or_questions, "questions", bank_or_questions)


def score(bank_or_questions, answers: Mapping[str, Any]) -> int:
    """Questions answered right eventually, regraded here; answers shown never count."""
    return sum(right_eventually(q, answers.get(q.id)) for q in _questions(bank_or_questions))


def first_try_score(bank_or_questions, answers: Mapping[str, Any]) -> int:
    """Questions answered right at the first attempt, regraded here; answers shown never count."""
    return sum(right_first_try(q, answers.get(q.id)) for q in _questions(bank_or_questions))
