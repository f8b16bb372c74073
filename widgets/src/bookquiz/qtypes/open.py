"""Open answer: the learner writes, then compares with a model answer and ticks the criteria met.

Self-assessed, never graded (``correct`` is always None): reported apart from scores as
"reflections written".  The response is ``{"text": "...", "met": [criterion indices]}``.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field

from ..base import LongText, QuestionBase, Result, Text


class OpenAnswer(QuestionBase):
    description = "writes an answer, then ticks the criteria of a model answer it meets"
    graded = False
    type: Literal["open"]
    explanation: Text | None = None
    model_answer: LongText
    criteria: list[Text] = Field(min_length=3, max_length=5)  # the checklist the learner ticks
    strong_example: LongText | None = None  # exemplar answers the learner may open afterwards
    weak_example: LongText | None = None

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
