"""The Quiz widget: one bank's questions, graded in the browser, answers synced to Python."""

from __future__ import annotations

import os
from collections.abc import Iterable
from typing import Any

import anywidget
import traitlets

from . import assets, grading
from .bank import Bank, display_order

INSTRUCTOR_ENV = "BOOKQUIZ_INSTRUCTOR"


def instructor_mode() -> bool:
    """True when answer keys should be shown: set BOOKQUIZ_INSTRUCTOR=1 (``make instructor-book``)."""
    return os.environ.get(INSTRUCTOR_ENV, "").strip().lower() in {"1", "true", "yes", "on"}


def public_spec(question) -> dict[str, Any]:
    """What the browser needs for one question: the question, its key lines and display order.

    Grading happens in the browser, so the answers are in the page state.  The student edition
    never *shows* them until the learner asks; a determined reader of the page source can find
    them (documented in widgets/README.md).
    """
    spec = question.model_dump(mode="json")
    spec["key"] = grading.answer_key(question)
    if question.type == "order":
        spec["display"] = display_order(question)
    return spec


class Quiz(anywidget.AnyWidget):
    """A quiz over some or all questions of a :class:`~bookquiz.bank.Bank`.

    ``quiz.answers`` maps question ids to ``{"response", "correct", "attempts", "revealed"}`` as
    the learner answers in the front end; ``quiz.score`` counts correct answers (graded again
    in Python, revealed answers excluded).
    """

    _esm = assets.esm("quizView")
    _css = assets.css()

    bank_id = traitlets.Unicode().tag(sync=True)
    title = traitlets.Unicode().tag(sync=True)
    namespace = traitlets.Unicode("bookquiz").tag(sync=True)
    questions = traitlets.List(traitlets.Dict()).tag(sync=True)
    instructor = traitlets.Bool(False).tag(sync=True)
    answers = traitlets.Dict().tag(sync=True)
    score = traitlets.Int(0).tag(sync=True)

    def __init__(
        self,
        bank: Bank,
        question_ids: Iterable[str] | None = None,
        *,
        namespace: str = "bookquiz",
        title: str | None = None,
        instructor: bool | None = None,
    ) -> None:
        chosen = [bank.question(i) for i in question_ids] if question_ids else list(bank.questions)
        self._graded = chosen
        super().__init__(
            bank_id=bank.bank,
            title=title or bank.title,
            namespace=namespace,
            questions=[public_spec(q) for q in chosen],
            instructor=instructor_mode() if instructor is None else instructor,
        )

    @traitlets.observe("answers")
    def _regrade(self, change) -> None:
        self.score = grading.score(self._graded, change["new"])

    @property
    def total(self) -> int:
        return len(self._graded)

    def reset(self) -> None:
        """Forget this quiz's answers (also in the browser's storage, when a view is open)."""
        self.answers = {}

    def __repr__(self) -> str:
        # Deterministic (no memory address), so stored notebook outputs compare in nbval.
        return f"Quiz(bank={self.bank_id!r}, questions={self.total}, score={self.score}/{self.total})"
