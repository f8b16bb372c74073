"""The progress widget: a learner's answers across every bank of a book, from browser storage."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import anywidget
import traitlets

from . import assets
from .bank import Bank
from .quiz import storage_scope


class ProgressBoard(anywidget.AnyWidget):
    """Summary table, JSON export, learner switch and reset of the answers stored in this browser.

    ``urls`` maps bank ids to the (relative) address of the page that shows the bank's quiz.
    The catalogue holds only question ids and types: the counts come from the records stored
    with each answer, so the page carries no question text and no key.
    """

    _esm = assets.esm("progress")
    _css = assets.css()

    namespace = traitlets.Unicode("bookquiz").tag(sync=True)
    storage_scope = traitlets.Unicode("").tag(sync=True)
    catalog = traitlets.List(traitlets.Dict()).tag(sync=True)

    def __init__(self, banks: Iterable[Bank], urls: Mapping[str, str] | None = None, *, namespace: str = "bookquiz"):
        urls = urls or {}
        catalog = [
            {
                "bank": b.bank,
                "title": b.title,
                "url": urls.get(b.bank, ""),
                "questions": [{"id": q.id, "type": q.type} for q in b.questions],
            }
            for b in banks
        ]
        super().__init__(namespace=namespace, storage_scope=storage_scope(), catalog=catalog)

    def __repr__(self) -> str:
        return f"ProgressBoard(banks={len(self.catalog)})"
