"""The Quiz widget: one bank's questions, graded in the browser, answers synced to Python."""

from __future__ import annotations

import os
from collections.abc import Iterable
from typing import Any

import anywidget
import traitlets

from . import assets
from .bank import Bank
from .layout import browser_specs
from .record import summarise
from .seal import seal

INSTRUCTOR_ENV = "BOOKQUIZ_INSTRUCTOR"
HUB_USER_ENV = "JUPYTERHUB_USER"


def storage_scope() -> str:
    """Whose answers the browser's storage holds, live: the JupyterHub user, or "" elsewhere.

    Every student's notebooks on a hub share the hub's web address, so on a lab computer they would
    share one browser storage; the scope keeps each student's answers apart.  The static book
    blanks it (``coupbook.sphinxext``): there each reader's browser is their own.
    """
    return os.environ.get(HUB_USER_ENV, "").strip()


def instructor_mode() -> bool:
    """True when answer keys should be shown: BOOKQUIZ_INSTRUCTOR=1 (``make lab INSTRUCTOR=1``).

    The static book's instructor edition sets ``instructor`` in the embedded widget state at
    page-rendering time instead; everything else in the state is the same in both editions.
    """
    return os.environ.get(INSTRUCTOR_ENV, "").strip().lower() in {"1", "true", "yes", "on"}


def question_specs(bank: Bank, questions=None) -> list[dict[str, Any]]:
    """What the browser gets for each question: what draws it, and the rest sealed.

    The public part is plain: the prompt, the texts of options and items and the labels of
    categories (in display order), units ...  The key, misconceptions, hints, explanation,
    source and the ids of options, items and categories are in ``sealed`` (see
    :mod:`bookquiz.seal`).
    """
    return [
        {**public, "sealed": seal(sealed, bank.bank, public["id"])} for public, sealed in browser_specs(bank, questions)
    ]


class Quiz(anywidget.AnyWidget):
    """A quiz over some or all questions of a :class:`~bookquiz.bank.Bank`.

    ``quiz.answers`` maps question ids to records (answer format 2: every attempt, and whether
    the answer was shown) as the learner answers in the front end.  ``quiz.score`` counts the
    questions right eventually and ``quiz.first_try_score`` those right at the first attempt,
    both regraded in Python; answers shown never count.  Open questions are not graded:
    ``quiz.reflections`` counts those written and self-assessed (:func:`bookquiz.record.reflected`).
    """

    _esm = assets.esm("quiz")
    _css = assets.css()

    bank_id = traitlets.Unicode().tag(sync=True)
    title = traitlets.Unicode().tag(sync=True)
    namespace = traitlets.Unicode("bookquiz").tag(sync=True)
    storage_scope = traitlets.Unicode("").tag(sync=True)
    questions = traitlets.List(traitlets.Dict()).tag(sync=True)
    instructor = traitlets.Bool(False).tag(sync=True)
    answers = traitlets.Dict().tag(sync=True)
    score = traitlets.Int(0).tag(sync=True)
    first_try_score = traitlets.Int(0).tag(sync=True)
    reflections = traitlets.Int(0).tag(sync=True)

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
            storage_scope=storage_scope(),
            questions=question_specs(bank, chosen),
            instructor=instructor_mode() if instructor is None else instructor,
        )

    @traitlets.observe("answers")
    def _regrade(self, change) -> None:
        summary = summarise(self._graded, change["new"])
        self.score, self.first_try_score, self.reflections = summary.eventually, summary.first_try, summary.reflections

    @property
    def total(self) -> int:
        """The number of graded questions (open questions are not graded)."""
        return sum(q.graded for q in self._graded)

    def reset(self) -> None:
        """Forget this quiz's answers (also in the browser's storage, when a view is open)."""
        self.answers = {}

    def __repr__(self) -> str:
        # Deterministic (no memory address), so stored notebook outputs compare in nbval.
        return (
            f"Quiz(bank={self.bank_id!r}, questions={len(self._graded)}, "
            f"score={self.score}/{self.total}, first_try={self.first_try_score}/{self.total})"
        )
