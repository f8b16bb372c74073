"""Open answer: the learner writes, then compares with a model answer and ticks the criteria met.

Self-assessed, never graded (``correct`` is always None): reported apart from scores as
"reflections written", with no try budget (``tries`` is None): an answer may be revised
freely.  The response is ``{"text": "...", "met": [criterion indices]}``.

A real attempt comes first.  The browser (``widgets/js/src/types/open.js``) accepts no answer
shorter than ``min_words`` words (:data:`MIN_WORDS` unless the bank sets it; public, so the
prompt can say it), and keeps the model answer, checklist and examples closed until every
graded question of the same quiz has had a try (``question.js``/``quiz.js``), because a model
answer may discuss what those questions ask.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field

from ..base import LongText, QuestionBase, Result, Text

MIN_WORDS = 12  # the browser's MIN_WORDS in open.js


def count_words(text: str) -> int:
    return len(str(text).split())


class OpenAnswer(QuestionBase):
    description = "writes an answer, then ticks the criteria of a model answer it meets"
    graded = False
    type: Literal["open"]
    explanation: Text | None = None
    model_answer: LongText
    criteria: list[Text] = Field(min_length=3, max_length=5)  # the checklist the learner ticks
    strong_example: LongText | None = None  # exemplar answers the learner may open afterwards
    weak_example: LongText | None = None
    min_words: int = Field(default=MIN_WORDS, ge=1, le=300)  # the shortest answer accepted
    public = {**QuestionBase.public, "min_words": True}

    def check(self, response: Any) -> Result:
        return Result(None)

    def key_lines(self) -> list[str]:
        return [self.model_answer]

    def right_response(self) -> dict:
        return {"text": self.model_answer, "met": list(range(len(self.criteria)))}

    def wrong_responses(self) -> list[dict]:
        return [{"text": "", "met": []}]

    def describe(self, response: Any) -> str:
        if not isinstance(response, dict):
            return "(unreadable answer)"
        met = response.get("met") or []
        return f"{response.get('text', '')} [criteria met: {len(met)} of {len(self.criteria)}]"
