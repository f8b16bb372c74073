"""Open answer: the learner writes, then compares with a model answer and ticks the criteria met.

Self-assessed, never graded (``correct`` is always None): reported apart from scores, with
no try budget (``tries`` is None): an answer may be revised freely.  The
response is ``{"text": "...", "met": [criterion indices], "assessed": true}``; ``assessed`` is
set once the learner submits the self-assessment (the criteria met, or "none of these yet"), and
only then does the answer count as a reflection done (:meth:`OpenAnswer.self_assessed`).

A real attempt comes first (:func:`text_problem`, the twin of ``checkText`` in
``widgets/js/src/types/open.js``; ``tests/fixtures/open_answers.json`` holds cases both must
agree on).  Refused: an empty text, fewer than ``min_words`` words (:data:`MIN_WORDS` unless the
bank sets it; public, so the prompt can say it), fewer than :data:`MIN_DISTINCT` different words
(or ``min_words``, if smaller), or a text that mostly copies the prompt (more than
:data:`COPY_SHARE` of its three-word runs are the prompt's).  The browser also keeps the model
answer, checklist and examples closed until every graded question of the same quiz has had a
try (``question.js``/``quiz.js``), because a model answer may discuss what those questions ask.
"""

from __future__ import annotations

import unicodedata
from typing import Any, Literal

from pydantic import Field

from ..base import LongText, QuestionBase, Result, Text

MIN_WORDS = 12  # the browser's MIN_WORDS in open.js
MIN_DISTINCT = 8  # different words (MIN_DISTINCT in open.js)
COPY_SHARE = 0.5  # at most this share of the answer's three-word runs may be the prompt's


def _wordish(char: str) -> bool:
    return unicodedata.category(char)[0] in "LMN"  # \p{L}, \p{M}, \p{N} in open.js


def words(text: str) -> list[str]:
    """The words of a text: split at white space, punctuation trimmed from both ends, lower case."""
    found = []
    for token in str(text).split():
        start, end = 0, len(token)
        while start < end and not _wordish(token[start]):
            start += 1
        while end > start and not _wordish(token[end - 1]):
            end -= 1
        if start < end:
            found.append(token[start:end].lower())
    return found


def count_words(text: str) -> int:
    return len(words(text))


def _trigrams(found: list[str]) -> list[tuple[str, ...]]:
    return [tuple(found[n : n + 3]) for n in range(len(found) - 2)]


def text_problem(text: str, prompt: str = "", min_words: int = MIN_WORDS) -> str | None:
    """Why an answer is refused: "empty", "short", "repetitive" or "copied"; None if accepted."""
    found = words(text)
    if not found:
        return "empty"
    if len(found) < min_words:
        return "short"
    if len(set(found)) < min(MIN_DISTINCT, min_words):
        return "repetitive"
    runs, asked = _trigrams(found), set(_trigrams(words(prompt)))
    if runs and sum(run in asked for run in runs) > COPY_SHARE * len(runs):
        return "copied"
    return None


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

    def problem(self, text: str) -> str | None:
        """Why this question refuses the text (:func:`text_problem`), or None."""
        return text_problem(text, self.prompt, self.min_words)

    def self_assessed(self, response: Any) -> bool:
        """An accepted text whose self-assessment was submitted: a reflection done."""
        return (
            isinstance(response, dict)
            and response.get("assessed") is True
            and isinstance(response.get("text"), str)
            and self.problem(response["text"]) is None
        )

    def key_lines(self) -> list[str]:
        return [self.model_answer]

    def right_response(self) -> dict:
        return {"text": self.model_answer, "met": list(range(len(self.criteria))), "assessed": True}

    def wrong_responses(self) -> list[dict]:
        return [{"text": "", "met": []}]

    def describe(self, response: Any) -> str:
        if not isinstance(response, dict):
            return "(unreadable answer)"
        met = response.get("met") or []
        if response.get("assessed") is not True:
            return f"{response.get('text', '')} [self-assessment not submitted]"
        return f"{response.get('text', '')} [criteria met: {len(met)} of {len(self.criteria)}]"
