"""A learner's record of one question, and what it counts for (answer format version 2).

Per question::

    {"attempts": [{"response": <type-specific>, "correct": true | false | null, "at": "<ISO 8601 UTC>"}],
     "revealed": false, "revealed_at": null}

Open answers have ``correct: null`` and the response ``{"text": "...", "met": [criterion indices],
"assessed": true}``; one counts as a reflection done (:func:`reflected`) once some attempt's text is
accepted and its self-assessment submitted (``assessed``).
A question counts as *right at the first try* when its first attempt is right and as *right
eventually* when an attempt within its type's try budget (``tries``: 1 for truefalse, 2 for the
other graded types) is right, so attempts beyond the budget (an older build's record, or an edited
file) never count; an answer shown with "Show answer" never counts as right.
Counting regrades every response with the bank, so a ``correct`` flag in a file is not trusted.
Version 1 entries (``{"response", "correct", "attempts": n, "revealed"}``) are read as n
attempts of which only the last response is known.  ``widgets/js/src/record.js`` is the
browser's twin.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any


def attempts_of(entry: Mapping | None) -> list[dict]:
    """The attempts of an entry (format 2, or format 1 converted)."""
    if not isinstance(entry, Mapping):
        return []
    attempts = entry.get("attempts")
    if isinstance(attempts, list):
        return [a for a in attempts if isinstance(a, Mapping)]
    if "response" not in entry:
        return []
    count = attempts if isinstance(attempts, int) and not isinstance(attempts, bool) and attempts > 1 else 1
    earlier = [{"response": None, "correct": False, "at": None}] * (min(count, 1000) - 1)
    return [*earlier, {"response": entry["response"], "correct": entry.get("correct"), "at": None}]


def revealed(entry: Mapping | None) -> bool:
    return isinstance(entry, Mapping) and entry.get("revealed") is True


def right_first_try(question, entry: Mapping | None) -> bool:
    attempts = attempts_of(entry)
    return (
        question.graded
        and not revealed(entry)
        and bool(attempts)
        and question.grade(attempts[0].get("response")).correct is True
    )


def counted_attempts(question, attempts: list) -> list:
    """The attempts that count: the first ``question.tries`` (all of them when it has no budget)."""
    return list(attempts)[: question.tries]


def right_eventually(question, entry: Mapping | None) -> bool:
    """Right within the type's try budget, and the answer never shown."""
    if not question.graded or revealed(entry):
        return False
    counted = counted_attempts(question, attempts_of(entry))
    return any(question.grade(a.get("response")).correct is True for a in counted)


def reflected(question, entry: Mapping | None) -> bool:
    """A self-assessed question (open answer) whose self-assessment the learner submitted."""
    return not question.graded and any(question.self_assessed(a.get("response")) for a in attempts_of(entry))


@dataclass(frozen=True)
class Summary:
    graded: int  # questions graded right or wrong
    answered: int  # graded questions with at least one attempt
    first_try: int
    eventually: int
    shown: int  # answers shown with "Show answer"
    reflections: int  # open answers written and self-assessed
    open: int  # open questions


def summarise(questions: Iterable, answers: Mapping[str, Any]) -> Summary:
    questions = list(questions)
    graded = [q for q in questions if q.graded]
    written = [q for q in questions if reflected(q, answers.get(q.id))]
    return Summary(
        graded=len(graded),
        answered=sum(bool(attempts_of(answers.get(q.id))) for q in graded),
        first_try=sum(right_first_try(q, answers.get(q.id)) for q in graded),
        eventually=sum(right_eventually(q, answers.get(q.id)) for q in graded),
        shown=sum(revealed(answers.get(q.id)) for q in graded),
        reflections=len(written),
        open=len(questions) - len(graded),
    )
