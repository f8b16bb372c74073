"""The progress widget: a learner's answers across every bank of a book, from browser storage."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

import anywidget
import traitlets

from . import assets
from .bank import Bank
from .quiz import storage_scope


class ProgressBoard(anywidget.AnyWidget):
    """Summary table, JSON export, learner switch and reset of the answers stored in this browser.

    ``urls`` maps bank ids to the (relative) address of the page that shows the bank's quiz.
    The catalogue has one row per quiz: a bank is one quiz unless ``parts`` maps its id to the
    quizzes a page shows of it, in order, each ``{"part": id, "label": row title (the bank's
    title if empty), "practice": bool, "questions": [question ids]}`` (for example a practice
    quiz inside a chapter besides its end-of-chapter quiz).  The catalogue holds only question
    ids and types: the counts come from the records stored with each answer, so the page
    carries no question text and no key.
    """

    _esm = assets.esm("progress")
    _css = assets.css()

    namespace = traitlets.Unicode("bookquiz").tag(sync=True)
    storage_scope = traitlets.Unicode("").tag(sync=True)
    catalog = traitlets.List(traitlets.Dict()).tag(sync=True)

    def __init__(
        self,
        banks: Iterable[Bank],
        urls: Mapping[str, str] | None = None,
        *,
        parts: Mapping[str, Sequence[Mapping]] | None = None,
        namespace: str = "bookquiz",
    ):
        urls, parts = urls or {}, parts or {}
        catalog = []
        for b in banks:
            whole = [{"part": "", "label": "", "practice": False, "questions": [q.id for q in b.questions]}]
            for part in parts.get(b.bank) or whole:
                questions = [b.question(i) for i in part["questions"]]  # KeyError for an unknown id
                catalog.append(
                    {
                        "bank": b.bank,
                        "quiz": part.get("part", ""),
                        "title": part.get("label") or b.title,
                        "practice": bool(part.get("practice")),
                        "url": urls.get(b.bank, ""),
                        "questions": [{"id": q.id, "type": q.type} for q in questions],
                    }
                )
        self._banks = len({row["bank"] for row in catalog})
        super().__init__(namespace=namespace, storage_scope=storage_scope(), catalog=catalog)

    def __repr__(self) -> str:
        return f"ProgressBoard(banks={self._banks}, quizzes={len(self.catalog)})"
